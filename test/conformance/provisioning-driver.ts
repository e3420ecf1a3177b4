/**
 * How the provisioning conformance suite sets up "Windows" for a backend: the fake through its
 * controls (provisioning-fake-driver.ts); the native addon through the Wine test component's
 * ProvisioningAgent and its control (test/windows/provisioning-native-driver.ts).
 */

import type { Backend } from '../../lib/backend.js';

/** An element "Windows" reports as failed. */
export interface ScriptedElementFailure {
  /** The result document's element: `DefaultProfile`, `Plan`, … */
  element: string;
  name?: string;
  hresult: number;
}

export interface ProvisioningScenarioDriver {
  /** 'fake' or 'native (Wine)'. */
  readonly name: string;
  /** A fresh backend with one account. */
  createBackend(): Promise<Backend>;
  /** The account's network account id. */
  readonly networkAccountId: string;
  /** The next apply reports these elements as failed (the rest applied). */
  failElements(failures: readonly ScriptedElementFailure[]): Promise<void>;
  /** The next apply fails with E_ACCESSDENIED (another operator's profiles). */
  denyNext(): Promise<void>;
  /** The documents "Windows" was given, in order. */
  applied(): Promise<string[]>;
  /** The owner window each of those calls initialized its agent with (undefined: none). */
  ownerWindows(): Promise<(bigint | undefined)[]>;
}
