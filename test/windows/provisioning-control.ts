/**
 * The control addon's calls the provisioning tests use (native/test-component/control-addon/
 * provisioning-control-exports.h, and the shared ITestControl ones), typed.
 */

/** An element the component's next result document reports as failed. */
export interface ControlElementFailure {
  element: string;
  name?: string;
  hresult: number;
}

export interface ProvisioningControl {
  reset(): void;
  setFailure(member: string, hresult: number): void;
  setCompletion(mode: 0 | 1 | 2): void;
  operationCounts(): { cancelCalls: number; synchronous: number; otherThread: number };
  putAccount(id: string, fields: Record<string, string | number>): void;
  liveObjects(): number;
  waitIdle(timeoutMs: number): boolean;
  provisioningReset(): void;
  provisioningScriptNext(script: {
    failedElements?: readonly ControlElementFailure[];
    operationError?: number;
    durationMs?: number;
  }): void;
  provisioningSetWindowInterface(present: boolean): void;
  provisioningApplied(): { document: string; networkAccountId: string; ownerWindow: bigint }[];
  provisioningCounts(): { agents: number; initializeCalls: number; foreignThreadCalls: number };
  /** Makes the calling (JS) thread a single-threaded apartment; "sta" when it is one. */
  makeSta(): string;
}

/** The control addon the lane built (WMBB_TEST_CONTROL_ADDON). */
export function provisioningControl(): ProvisioningControl {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a .node file can only be required
  return require(process.env.WMBB_TEST_CONTROL_ADDON!) as ProvisioningControl;
}

/** The account the tests provision (ITestControl::PutAccount). */
export const provisioningAccountId = '{7C3B9E21-5A4D-4E8F-B1C2-3D4E5F607182}';

/** A fresh component: no scripts, no failures, one account, operations on their own thread. */
export function resetProvisioning(control: ProvisioningControl): void {
  control.reset();
  control.provisioningReset();
  control.putAccount(provisioningAccountId, {
    serviceProviderName: 'Contoso',
    manufacturer: 'Quectel',
    model: 'EM120R-GL',
  });
}
