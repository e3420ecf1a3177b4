/**
 * Derived notifications: MobileOperatorNotification records made from what any process may
 * read, for a process that does not get Windows' own events (no package identity, or the
 * operator app's task not serving). One engine for every backend: the native backend and the
 * fake feed it {@link DerivedObservation}s and deliver what it returns.
 *
 * Rules, per account (matching what Windows raises for the operator's app):
 * - Every registration Windows reports on the home network is registeredHome (9), on a roaming
 *   or partner network registeredRoaming (8), repeats included; other states raise nothing.
 * - The connection raises profileConnected (6) / profileDisconnected (7) on transitions only.
 * - The data plan: dataPlanThresholdReached (3) by the steps of
 *   {@link DataPlanThresholds}; dataPlanReset (4) when usage falls or the billing cycle passes
 *   (`nextBillingCycle` moves on); dataPlanDeleted (5) when the profile carrying the plan goes.
 *   A process cannot read the plan's DataUsageInMobileOperatorNotificationEnabled, so the
 *   threshold steps always apply.
 * - The hotspot (machine-wide, read by the hotspot poll): tetheringOperationalStateChanged (11)
 *   when its state changes, tetheringNumberOfClientsChanged (12) when its client count does,
 *   state first when both change between two reads.
 * - State found when watching starts (`initial`) is learnt, never announced.
 *
 * @module
 */

import type {
  DerivedObservation,
  NetworkRegistrationState,
  RawNotification,
  TetheringOperationalState,
} from '../backend.js';
import { DataPlanThresholds } from './data-plan-thresholds.js';

interface PlanState {
  usedBytes: number;
  nextBillingCycle: number | undefined;
  thresholds: DataPlanThresholds;
}

interface AccountState {
  registration: NetworkRegistrationState | undefined;
  connected: boolean | undefined;
  /** `null`: the account has no profile (no plan); `undefined`: not read yet. */
  plan: PlanState | null | undefined;
}

/** The engine; see the module. Pure: no timers, no I/O. */
export class DerivedNotifications {
  readonly #accounts = new Map<string, AccountState>();
  readonly #now: () => number;
  #hotspot: { state: TetheringOperationalState; clientCount: number } | undefined;

  /** @param now - the backend clock's now, for records whose observation has no timestamp. */
  constructor(now: () => number) {
    this.#now = now;
  }

  /** The accounts the engine has seen (and not seen removed), for the data-plan poll. */
  get accountIds(): string[] {
    return [...this.#accounts.keys()];
  }

  /**
   * The account hotspot records name (Windows' own carry the operator's account): the first
   * connected account, else the first known; `undefined` without accounts.
   */
  get hotspotAccountId(): string | undefined {
    for (const [id, account] of this.#accounts) if (account.connected === true) return id;
    return this.#accounts.keys().next().value;
  }

  /** Whether an account is registered on a roaming or partner network, as last observed. */
  roaming(networkAccountId: string): boolean {
    const state = this.#accounts.get(networkAccountId)?.registration;
    return state === 'roaming' || state === 'partner';
  }

  /** Learns the observations, in order; returns the records they raise, in order. */
  observe(observations: readonly DerivedObservation[]): RawNotification[] {
    const records: RawNotification[] = [];
    for (const observation of observations) this.#observe(observation, records);
    return records;
  }

  #observe(observation: DerivedObservation, records: RawNotification[]): void {
    const id = observation.networkAccountId;
    if (observation.kind === 'accountRemoved') {
      this.#accounts.delete(id);
      return;
    }
    if (observation.kind === 'hotspot') {
      this.#observeHotspot(observation, records);
      return;
    }
    const account = this.#account(id);
    const raise = (messageType: number): void => {
      records.push({
        messageType,
        networkAccountId: id,
        origin: 'derived',
        timestamp: observation.timestamp ?? this.#now(),
      });
    };
    const initial = observation.initial === true;
    switch (observation.kind) {
      case 'registration': {
        account.registration = observation.state;
        if (initial) return;
        if (observation.state === 'home') raise(9);
        else if (observation.state === 'roaming' || observation.state === 'partner') raise(8);
        return;
      }
      case 'connection': {
        const was = account.connected;
        account.connected = observation.connected;
        if (initial || was === undefined || was === observation.connected) return;
        raise(observation.connected ? 6 : 7);
        return;
      }
      case 'dataPlan': {
        const status = observation.status;
        const was = account.plan;
        if (status === undefined) {
          account.plan = null;
          if (!initial && was !== null && was !== undefined) raise(5);
          return;
        }
        if (initial || was === null || was === undefined) {
          // A plan seen for the first time (or a new profile after deletion) is the new base.
          account.plan = {
            usedBytes: status.usedBytes,
            nextBillingCycle: status.nextBillingCycle,
            thresholds: new DataPlanThresholds(status.usedBytes),
          };
          return;
        }
        const cyclePassed =
          was.nextBillingCycle !== undefined &&
          status.nextBillingCycle !== undefined &&
          status.nextBillingCycle > was.nextBillingCycle;
        was.nextBillingCycle = status.nextBillingCycle;
        if (status.usedBytes < was.usedBytes || cyclePassed) {
          was.usedBytes = status.usedBytes;
          was.thresholds.rebase(status.usedBytes);
          raise(4);
          return;
        }
        was.usedBytes = status.usedBytes;
        if (was.thresholds.reached(status.usedBytes, status.limitBytes, this.roaming(id))) raise(3);
        return;
      }
    }
  }

  #observeHotspot(
    observation: Extract<DerivedObservation, { kind: 'hotspot' }>,
    records: RawNotification[],
  ): void {
    const was = this.#hotspot;
    this.#hotspot = { state: observation.state, clientCount: observation.clientCount };
    if (observation.initial === true || was === undefined) return;
    const base = {
      networkAccountId: observation.networkAccountId,
      origin: 'derived' as const,
      timestamp: observation.timestamp ?? this.#now(),
    };
    if (observation.state !== was.state)
      records.push({ ...base, messageType: 11, tetheringState: observation.state });
    if (observation.clientCount !== was.clientCount)
      records.push({ ...base, messageType: 12, clientCount: observation.clientCount });
  }

  #account(id: string): AccountState {
    let account = this.#accounts.get(id);
    if (account === undefined) {
      account = { registration: undefined, connected: undefined, plan: undefined };
      this.#accounts.set(id, account);
    }
    return account;
  }
}
