/**
 * How the modems-and-derived-notifications conformance suite sets up "Windows" for a backend
 * of an unpackaged process: the fake through its controls (modems-fake-driver.ts), the native
 * addon through the Wine test components for the account statics and watcher,
 * NetworkInformation and its connection profiles.
 */

import type { Backend, NetworkRegistrationState } from '../../lib/backend.js';

/** What a fresh backend starts with. */
export interface ModemsSetup {
  /**
   * A billing cycle (so the plan reports a next billing cycle, and "Windows" may keep a timer
   * for it). Default true.
   */
  billingCycle?: boolean;
}

export interface ModemsScenarioDriver {
  /** 'fake' or 'native (Wine)'. */
  readonly name: string;
  /**
   * A fresh backend of an unpackaged process with one account: registration 'none', not
   * connected, a connection profile carrying a plan with a 5120 MB limit and 0 bytes used.
   */
  createBackend(setup?: ModemsSetup): Promise<Backend>;
  /** The account's network account id. */
  readonly networkAccountId: string;
  /** The modem registers (Windows' watcher reports it, repeats included). */
  register(state: NetworkRegistrationState): Promise<void>;
  /** The data connection comes up / goes down. */
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  /** Windows' usage counter grows by `bytes` (no event of its own). */
  use(bytes: number): Promise<void>;
  /** The billing cycle ends: usage back to 0. */
  passBillingCycle(): Promise<void>;
  /** The plan expires and Windows deletes its connection profile. */
  deletePlan(): Promise<void>;
  /** Moves the backend's clock forward, running due timers (the data-plan poll). */
  advance(ms: number): Promise<void>;
  /** Timers pending on the backend's clock. */
  pendingTimers(): number;
  /**
   * Resolves once what "Windows" raised has been delivered, and subscriptions that listeners
   * started are running.
   */
  settle(): Promise<void>;
}
