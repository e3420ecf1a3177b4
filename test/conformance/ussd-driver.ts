/**
 * How the USSD conformance suite sets up "Windows" for a backend: the fake through its
 * controls (ussd-fake-driver.ts); the native addon, later, through a Wine test component that
 * scripts `UssdSession` replies.
 */

import type { Backend, UssdResultCode } from '../../lib/backend.js';

/** A reply the network gives. */
export interface ScriptedUssdReply {
  resultCode: UssdResultCode;
  message?: string;
}

export interface UssdScenarioDriver {
  /** 'fake' or 'native (Wine)'. */
  readonly name: string;
  /** A fresh backend with one account, registered on its home network. */
  createBackend(): Promise<Backend>;
  /** The account's network account id. */
  readonly networkAccountId: string;
  /** The network's next replies, in order, whatever is sent. */
  scriptReplies(...replies: ScriptedUssdReply[]): Promise<void>;
  /** The strings "Windows" was given to send, in order. */
  sent(): Promise<string[]>;
}
