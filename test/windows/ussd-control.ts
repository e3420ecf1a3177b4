/**
 * The test-only control addon as the USSD tests under Wine use it: the shared control
 * (accounts, failures, completion mode, live objects) and its `ussd` table (the network behind
 * the test component's UssdSession, native/test-component/control-addon/ussd-calls.h).
 */

export interface UssdNetworkControl {
  reset(): void;
  /** The network's next reply: a UssdResultCode value, a message or none, a failing HRESULT
   *  that ends the operation with AsyncStatus::Error, after `delayMs`. */
  scriptReply(reply: {
    resultCode: number;
    message?: string;
    hresult?: number;
    delayMs?: number;
  }): void;
  /** PayloadAsText of every message sessions were given, in order. */
  sent(): string[];
  /** Sessions made and destroyed, final releases inside a completion, calls off the session's
   *  own explicit-MTA thread. */
  counts(): {
    created: number;
    destroyed: number;
    releasedInCompletion: number;
    offThreadCalls: number;
  };
  /** Breaks the rule on purpose and answers how many releases inside a completion the
   *  component detected (1 when its detector works). */
  selfTestReleaseInCompletion(): number;
}

export interface UssdTestControl {
  reset(): void;
  putAccount(id: string, fields: Record<string, string | number>): void;
  setFailure(member: string, hresult: number): void;
  /** 0: operations end on a thread of their own; 1: inside put_Completed; 2: Cancel() honoured
   *  late (they end when their time is up). */
  setCompletion(mode: 0 | 1 | 2): void;
  operationCounts(): { cancelCalls: number; synchronous: number; otherThread: number };
  liveObjects(): number;
  waitIdle(timeoutMs: number): boolean;
  makeSta(): string;
  ussd: UssdNetworkControl;
}

/** The control addon (WMBB_TEST_CONTROL_ADDON, set by test/windows/run.sh). */
export function ussdTestControl(): UssdTestControl {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a .node file can only be required
  return require(process.env.WMBB_TEST_CONTROL_ADDON!) as UssdTestControl;
}

/** The account every USSD test talks through. */
export const ussdAccountId = '{5E4A8C1B-21D4-4F0B-9C35-1A2B3C4D5E6F}';

/** A fresh component: no failures, threads of their own, one account, an empty network. */
export function resetUssdComponent(control: UssdTestControl): void {
  control.reset();
  control.ussd.reset();
  control.putAccount(ussdAccountId, { serviceProviderName: 'Contoso', noDevice: 1 });
}
