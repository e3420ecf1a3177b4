/**
 * What the operator-events conformance suite needs from a backend: a connection of the
 * operator's app, and a way to raise Windows' own events as the forwarding component hands them
 * over. The fake raises them itself; the native driver (test/windows) calls the addon's
 * CLSID_OperatorEvents through COM with the component's blob.
 */

import type { Backend } from '../../lib/backend.js';
import type { MobileBroadband } from '../../lib/mobile-broadband.js';

/** One event as the task's trigger details give it (the fields the component reads). */
export interface OperatorEvent {
  messageType: number;
  networkAccountId: string;
  message?: string;
  ruleId?: string;
  encodingType?: number;
  /** An SMS-DELIVER PDU (hex), as `ISmsBinaryMessage.GetData` gives it. */
  pdu?: string;
  /** Fields the component could not read (`"Message: 0x80004005"`). */
  issues?: string[];
}

/** What the task's details received for an entitlement check: the app's answer, or none. */
export type EntitlementOutcome = { allow: boolean; reason: string } | 'no answer';

export interface OperatorEventsDriver {
  readonly name: string;
  /** A backend serving the operator app's events. */
  createBackend(): Promise<Backend>;
  /** The connection made on that backend (a driver that must see deliveries listens here). */
  attach?(mbb: MobileBroadband): void;
  /** Raises one event; resolves once the app's listeners have had it. */
  notify(event: OperatorEvent): Promise<void>;
  /** Raises an entitlement check; resolves with what reached the task's details. */
  checkEntitlement(event: OperatorEvent): Promise<EntitlementOutcome>;
  /** Lets `ms` pass on the backend's clock (the fake's is virtual). */
  advance(ms: number): Promise<void>;
}
