/**
 * What every part of the fake shares: its clock, the simulated account, and the way records
 * reach the app (through the fake's notification source, as Windows' events would).
 *
 * @module
 */

import type { RawNotification } from '../backend.js';
import type { FakeDerivedObserver } from './fake-derived-observer.js';
import type { FakeNotificationSource } from './fake-notification-source.js';
import type { VirtualClock } from './virtual-clock.js';
import type { Clock } from '../clock.js';

/** The simulated mobile broadband account and modem. */
export interface FakeAccount {
  /** `MobileBroadbandAccount.NetworkAccountId`. */
  networkAccountId: string;
  /** GUID of the modem's network interface. */
  interfaceId: string;
  /** The operator's name (`ServiceProviderName`, and the connection profile's name). */
  providerName: string;
  /** `ServiceProviderGuid`. */
  serviceProviderGuid: string;
  /** The access point name of the data connection. */
  accessPointName: string;
  /** `MobileBroadbandModem.DeviceId`. */
  modemDeviceId: string;
}

/** The defaults of a fresh fake. */
export const defaultFakeAccount: FakeAccount = {
  networkAccountId: '{5e8b4a0c-3c1e-4f4e-9a55-0d1c2b3a4f01}',
  interfaceId: '{9f2c0e6a-7d35-4b8e-a1c4-52e0d8f3b6a2}',
  providerName: 'Contoso',
  serviceProviderGuid: '{7b1c2f3e-4d5a-4b6c-8d7e-9f0a1b2c3d4e}',
  accessPointName: 'internet.contoso.example',
  modemDeviceId: 'fake-modem-0',
};

/** What a control of the fake did: the records it raised, and why it raised none if so. */
export interface FakeOutcome {
  /** The MobileOperatorNotification records the control raised, in order. */
  emitted: RawNotification[];
  /** Why nothing (or not everything) happened, in words. */
  note?: string;
}

/** A record as a part of the fake makes it; the context adds the account and origin. */
export type FakeRecord = Omit<RawNotification, 'networkAccountId' | 'interfaceId' | 'origin'>;

/** @internal Shared by the parts of one fake machine. */
export class FakeContext {
  readonly clock: Clock & { advance(ms: number): void };
  readonly virtualClock: VirtualClock | undefined;
  readonly account: FakeAccount;
  readonly #source: FakeNotificationSource;
  /**
   * Set when the fake plays an unpackaged process: Windows' own events do not reach it, and
   * what it sees goes to this observer instead (the derived notifications).
   */
  observer: FakeDerivedObserver | undefined;

  constructor(
    clock: Clock & { advance(ms: number): void },
    virtualClock: VirtualClock | undefined,
    account: FakeAccount,
    source: FakeNotificationSource,
  ) {
    this.clock = clock;
    this.virtualClock = virtualClock;
    this.account = account;
    this.#source = source;
  }

  /**
   * Raises MobileOperatorNotifications the way Windows does for this account, in order, in one
   * step; resolves with the records once the app has received them.
   */
  async emit(...records: FakeRecord[]): Promise<RawNotification[]> {
    if (this.observer !== undefined) return await this.#observe(records);
    const queued = records.map((record) =>
      this.#source.queue({
        ...record,
        networkAccountId: this.account.networkAccountId,
        interfaceId: this.account.interfaceId,
        origin: 'system',
      }),
    );
    await Promise.all(queued.map((q) => q.delivered));
    return queued.map((q) => q.record);
  }

  /** Whether the fake plays the operator's packaged app (Windows' own events reach it). */
  get packaged(): boolean {
    return this.observer === undefined;
  }

  /**
   * An unpackaged process: what Windows raised is seen only through the watchers (registrations;
   * connection, profile and plan changes through NetworkStatusChanged). Resolves with the
   * derived records that reached the app.
   */
  async #observe(records: FakeRecord[]): Promise<RawNotification[]> {
    const observer = this.observer!;
    const types = new Set(records.map((r) => r.messageType));
    const { records: derived, delivered } = this.#source.capture(() => {
      if (types.has(8) || types.has(9)) observer.registrationChanged();
      if (types.has(5) || types.has(6) || types.has(7)) observer.networkStatusChanged();
    });
    await delivered;
    return derived;
  }
}
