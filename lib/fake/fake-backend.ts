/**
 * The fake backend: an in-memory Windows for tests and demos on any OS. Instance-based: every
 * `createFakeBackend()` is an independent machine.
 *
 * @module
 */

import type {
  Backend,
  EsimBackend,
  ModemBackend,
  ProvisioningBackend,
  RawNotification,
  TetheringBackend,
  UssdBackend,
} from '../backend.js';
import { systemClock, type Clock } from '../clock.js';
import { MobileBroadbandError } from '../errors.js';
import { notSupported } from '../not-supported.js';
import {
  FakeNotificationSource,
  type RecordedEntitlementAnswer,
} from './fake-notification-source.js';
import { VirtualClock } from './virtual-clock.js';

/** Options of {@link createFakeBackend}. */
export interface FakeBackendOptions {
  /**
   * `'virtual'` (default): time moves only with `fake.clock.advance(ms)`. `'system'`: real time
   * and `globalThis` timers (which a test framework's fake timers can control).
   */
  clock?: 'virtual' | 'system';
  /** Where virtual time starts (default 2026-01-05T08:00:00Z). */
  startTime?: Date | number;
}

/** The fake's clock: a {@link Clock} you can move. */
export interface FakeClock extends Clock {
  /** Moves virtual time forward by `ms`, firing due timers in order. */
  advance(ms: number): void;
}

/** A simulated Windows machine; see {@link createFakeBackend}. */
export class FakeBackend implements Backend {
  readonly name = 'fake';
  readonly clock: FakeClock;
  readonly notifications: FakeNotificationSource;
  readonly esim: EsimBackend = notSupported(
    'fake',
    'esim',
    'the fake simulates eSIM in a later release',
  );
  readonly tethering: TetheringBackend = notSupported('fake', 'tethering');
  readonly modems: ModemBackend = notSupported('fake', 'modems');
  readonly ussd: UssdBackend = notSupported('fake', 'ussd');
  readonly provisioning: ProvisioningBackend = notSupported('fake', 'provisioning');
  #closed = false;

  /** @internal Use {@link createFakeBackend}. */
  constructor(options: FakeBackendOptions = {}) {
    const kind = options.clock ?? 'virtual';
    if (kind !== 'virtual' && kind !== 'system') {
      throw new MobileBroadbandError(
        'ERR_INVALID_ARGUMENT',
        `createFakeBackend({ clock }) must be 'virtual' or 'system', got ${JSON.stringify(kind)}`,
      );
    }
    const start =
      options.startTime instanceof Date ? options.startTime.getTime() : options.startTime;
    this.clock = kind === 'virtual' ? new VirtualClock(start) : realClock();
    this.notifications = new FakeNotificationSource(() => this.clock.now());
  }

  /**
   * Injects a raw MobileOperatorNotification record, as if Windows had raised it. Resolves once
   * the app's listeners have received it. The record goes through the same typed pipeline as
   * the native backend's; malformed records arrive as `unknown` notifications.
   */
  notify(record: RawNotification): Promise<void> {
    if (typeof record !== 'object' || record === null || Array.isArray(record)) {
      throw new MobileBroadbandError(
        'ERR_INVALID_ARGUMENT',
        `notify(record): record must be an object, got ${record === null ? 'null' : typeof record}`,
      );
    }
    return this.notifications.emit(record);
  }

  /** Every record the fake has emitted, in order (whether or not anyone listened). */
  recorded(): RawNotification[] {
    return [...this.notifications.recorded];
  }

  /** Every entitlement answer the fake received, in order. */
  entitlementAnswers(): RecordedEntitlementAnswer[] {
    return [...this.notifications.answers];
  }

  /** Resolves once every emitted record has been delivered. */
  settled(): Promise<void> {
    return this.notifications.settled();
  }

  close(): Promise<void> {
    if (!this.#closed) {
      this.#closed = true;
      this.notifications.close();
    }
    return Promise.resolve();
  }
}

function realClock(): FakeClock {
  return {
    ...systemClock,
    advance() {
      throw new MobileBroadbandError(
        'ERR_INVALID_STATE',
        "This fake uses the system clock ({ clock: 'system' }); move time with your test framework's fake timers instead",
      );
    },
  };
}

/**
 * Creates an independent simulated Windows machine.
 *
 * @example
 * ```ts
 * import { connect } from 'windows-mobile-broadband';
 * import { createFakeBackend } from 'windows-mobile-broadband/fake';
 *
 * const fake = createFakeBackend();
 * const mbb = await connect({ backend: fake });
 * const seen: string[] = [];
 * mbb.notifications.on('notification', (n) => seen.push(n.type));
 * await fake.notify({ messageType: 9, networkAccountId: 'acct', origin: 'system' });
 * console.log(seen); // ['registeredHome']
 * ```
 */
export function createFakeBackend(options: FakeBackendOptions = {}): FakeBackend {
  return new FakeBackend(options);
}
