/**
 * The shape of a fake scenario: a timed list of steps driving the fake backend's controls.
 * The JSON Schema `schema/scenario.schema.json` (shipped in the package) says the same for
 * editors and other tools; both are checked against each other by the tests.
 *
 * @module
 */

import type { NetworkRegistrationState, RawNotification } from '../../backend.js';
import type { FakeEsimInit, FakeEsimPatch, FakeEsimProfileInit } from '../fake-esim-data.js';
import type { TetheringPolicy } from '../fake-tethering.js';

/** Milliseconds, or a duration such as `"500ms"`, `"90s"`, `"5m"`, `"1h30m"`, `"2d"`. */
export type ScenarioDuration = number | string;

/** Fields every step may have. */
export interface ScenarioTiming {
  /** How long after the previous step (or the start) this one happens. Default 0. */
  after?: ScenarioDuration;
  /** Free text, shown by `wmbb simulate`. */
  note?: string;
}

/** One step; `action` says which control of the fake it drives. */
export type ScenarioStep = ScenarioTiming &
  (
    | { action: 'provision'; xml: string; file?: never }
    | { action: 'provision'; file: string; xml?: never }
    | { action: 'register'; state: NetworkRegistrationState }
    | { action: 'sleep' | 'resume' | 'connect' | 'disconnect' | 'resetBillingCycle' | 'expirePlan' }
    | { action: 'requestTethering' | 'stopTethering' | 'wait' }
    | { action: 'transfer'; bytes: number | string }
    | { action: 'receiveSms'; from: string; text: string; classZero?: boolean }
    | { action: 'receiveCdmaSms'; from: string; text: string }
    | { action: 'receiveUssd'; text: string }
    | { action: 'setTetheringPolicy'; policy: TetheringPolicy }
    | { action: 'tetheringClientJoined'; macAddress: string; hostName?: string }
    | { action: 'tetheringClientLeft'; macAddress: string }
    | { action: 'notify'; record: RawNotification }
    | { action: 'esimInserted'; esim: FakeEsimInit }
    | { action: 'esimEjected'; eid: string }
    | { action: 'esimUpdated'; eid: string; changes: FakeEsimPatch }
    | { action: 'esimProfileAdded'; eid: string; profile: FakeEsimProfileInit }
    | { action: 'esimProfileRemoved'; eid: string; iccid: string }
  );

/** Every step action. */
export type ScenarioAction = ScenarioStep['action'];

/** How the simulated operator app answers (used by `wmbb simulate`, ignored by `fake.play()`). */
export interface ScenarioApp {
  /** Answer to entitlement checks. Default `'allow'`. */
  entitlement?: 'allow' | 'deny' | 'ignore' | 'allowAtHome';
  /** The reason given with a denial. */
  denyReason?: string;
  /** How long the app's handlers have before the default answer (ms). Default 10 000. */
  entitlementTimeoutMs?: number;
}

/** A scenario. */
export interface Scenario {
  $schema?: string;
  /** A short title. */
  name?: string;
  description?: string;
  /** When virtual time starts (ISO 8601 with a zone). */
  start?: string;
  app?: ScenarioApp;
  steps: ScenarioStep[];
}
