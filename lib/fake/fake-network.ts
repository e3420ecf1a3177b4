/**
 * The fake's cellular network: registration, the data connection and its profile, and sleep.
 *
 * Windows rules it follows (MobileOperatorNotification documents):
 * - Every registration on the home network raises RegisteredHome (9), on a roaming or partner
 *   network RegisteredRoaming (8) — every time, not only on changes. Other states raise nothing.
 * - Every L2 connect and disconnect raises ProfileConnected (6) / ProfileDisconnected (7).
 * - After resume from sleep, the current registration and connection are announced again (a
 *   registration made while asleep is announced then).
 *
 * @module
 */

import type { NetworkRegistrationState } from '../backend.js';
import { MobileBroadbandError } from '../errors.js';
import { networkRegistrationStates } from '../modems/modem-enums.js';
import type { FakeContext, FakeOutcome, FakeRecord } from './fake-context.js';

/** The NetworkRegistrationState names the fake accepts: Windows' own. */
export const registrationStates: readonly NetworkRegistrationState[] = networkRegistrationStates;

const connected: FakeRecord = { messageType: 6 };
const disconnected: FakeRecord = { messageType: 7 };

/** @internal */
export class FakeNetwork {
  readonly #context: FakeContext;
  #registration: NetworkRegistrationState = 'none';
  #connected = false;
  #asleep = false;
  #profilePresent = true;

  constructor(context: FakeContext) {
    this.#context = context;
  }

  get registration(): NetworkRegistrationState {
    return this.#registration;
  }

  get connected(): boolean {
    return this.#connected;
  }

  get asleep(): boolean {
    return this.#asleep;
  }

  get profilePresent(): boolean {
    return this.#profilePresent;
  }

  /** Registered on a roaming or partner network (data-plan limits do not apply). */
  get roaming(): boolean {
    return this.#registration === 'roaming' || this.#registration === 'partner';
  }

  /** Registered on any network that carries data. */
  get registered(): boolean {
    return this.#registration === 'home' || this.roaming;
  }

  async register(state: NetworkRegistrationState): Promise<FakeOutcome> {
    if (typeof state !== 'string' || !registrationStates.includes(state)) {
      throw new MobileBroadbandError(
        'ERR_INVALID_ARGUMENT',
        `Unknown registration state ${JSON.stringify(state)}; expected one of ${registrationStates.join(', ')}`,
      );
    }
    if (this.#asleep) {
      // The modem registers while the machine sleeps; Windows announces it on resume.
      this.#registration = state;
      if (!this.registered) this.#connected = false;
      return {
        emitted: [],
        note: 'the machine is asleep: the registration is announced on resume',
      };
    }
    this.#registration = state;
    const records = this.#registrationRecords();
    if (!this.registered && this.#connected) {
      // Losing registration drops the data connection.
      this.#connected = false;
      records.push(disconnected);
    }
    // Windows' watcher reports every registration; states that raise no notification too.
    if (records.length === 0 || records[0]!.messageType === 7)
      this.#context.observer?.registrationChanged();
    const emitted = await this.#context.emit(...records);
    return emitted.length > 0
      ? { emitted }
      : { emitted, note: `registration '${state}' raises no notification on Windows` };
  }

  async connect(): Promise<FakeOutcome> {
    this.#checkAwake('connect()');
    if (!this.#profilePresent) {
      throw new MobileBroadbandError(
        'ERR_INVALID_STATE',
        'Cannot connect: there is no connection profile (the plan expired and Windows deleted its profile). Provision the account again first.',
      );
    }
    if (!this.registered) {
      throw new MobileBroadbandError(
        'ERR_INVALID_STATE',
        `Cannot connect while registration is '${this.#registration}': register on home, roaming or partner first`,
      );
    }
    if (this.#connected) return { emitted: [], note: 'already connected' };
    this.#connected = true;
    return { emitted: await this.#context.emit(connected) };
  }

  async disconnect(): Promise<FakeOutcome> {
    this.#checkAwake('disconnect()');
    if (!this.#connected) return { emitted: [], note: 'not connected' };
    this.#connected = false;
    return { emitted: await this.#context.emit(disconnected) };
  }

  /** The machine sleeps: nothing is observed, and no control but resume() works, until resume. */
  sleep(): FakeOutcome {
    if (this.#asleep) return { emitted: [], note: 'already asleep' };
    this.#asleep = true;
    return { emitted: [] };
  }

  /** The machine resumes: registration, then the connection, are announced again. */
  async resume(): Promise<FakeOutcome> {
    if (!this.#asleep) return { emitted: [], note: 'not asleep' };
    this.#asleep = false;
    const records = this.#registrationRecords();
    if (this.#connected) records.push(connected);
    return { emitted: await this.#context.emit(...records) };
  }

  /** The plan expired: its profile is deleted; returns the records for a dropped connection. */
  deleteProfile(): FakeRecord[] {
    this.#profilePresent = false;
    if (!this.#connected) return [];
    this.#connected = false;
    return [disconnected];
  }

  /** Provisioning created the profile again. */
  restoreProfile(): void {
    this.#profilePresent = true;
  }

  /** Throws ERR_INVALID_STATE when asleep. */
  checkAwake(what: string): void {
    this.#checkAwake(what);
  }

  #registrationRecords(): FakeRecord[] {
    if (this.#registration === 'home') return [{ messageType: 9 }];
    if (this.roaming) return [{ messageType: 8 }];
    return [];
  }

  #checkAwake(what: string): void {
    if (this.#asleep) {
      throw new MobileBroadbandError(
        'ERR_INVALID_STATE',
        `${what} while the machine is asleep: resume() first`,
      );
    }
  }
}
