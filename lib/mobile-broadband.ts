/**
 * `MobileBroadband`: one connection to a backend, with the public parts of the API.
 *
 * @module
 */

import type { Backend } from './backend.js';
import type { Clock } from './clock.js';
import { Esim } from './esim/esim.js';
import type { EntitlementOptions } from './notifications/entitlement-check.js';
import { Notifications } from './notifications/notifications.js';
import { Modems } from './modems/modems.js';
import { Tethering } from './tethering/tethering.js';
import { derivedPollsOf, type DerivedOptions } from './derived/derived-options.js';
import { Provisioning } from './provisioning/provisioning.js';
import { Ussd } from './ussd/ussd.js';

/** Options of {@link MobileBroadband}; see {@link connect}. */
export interface MobileBroadbandOptions {
  /** How unanswered tethering entitlement checks are handled. */
  entitlement?: EntitlementOptions;
  /** How derived notifications are made (a process without Windows' own operator events). */
  derived?: DerivedOptions;
}

/**
 * A connection to Windows Mobile Broadband (or to a fake of it). Get one with {@link connect}
 * and {@link MobileBroadband.close} it when done.
 */
export class MobileBroadband {
  /** MobileOperatorNotification events, typed. */
  readonly notifications: Notifications;
  /** eSIM discovery: `list()`, `watch()`, `serviceInfo()`. */
  readonly esim: Esim;
  /** Network accounts and modems: `accounts()`, `account(id)`, `dataPlanStatus(id)`. */
  readonly modems: Modems;
  /** The mobile hotspot of the internet connection profile; `forProfile(name)` for another. */
  readonly tethering: Tethering;
  /** USSD dialogues with the network: `send(text)`, `open()` for a menu. */
  readonly ussd: Ussd;
  /** Carrier provisioning: `apply(document)` with per-element results. */
  readonly provisioning: Provisioning;
  readonly #backend: Backend;
  #closing: Promise<void> | undefined;

  /** @internal Use {@link connect}. */
  constructor(backend: Backend, options: MobileBroadbandOptions = {}) {
    this.#backend = backend;
    this.notifications = new Notifications(
      backend,
      options.entitlement,
      derivedPollsOf(options.derived),
    );
    this.esim = new Esim(backend.esim, backend.links);
    this.modems = new Modems(backend.modems);
    this.tethering = new Tethering(backend.tethering);
    this.ussd = new Ussd(backend.ussd, backend.modems);
    this.provisioning = new Provisioning(backend.provisioning);
  }

  /** The backend's name: `'native'` on Windows, `'fake'` elsewhere, or a custom backend's. */
  get backendName(): string {
    return this.#backend.name;
  }

  /**
   * The backend's clock: the system clock on Windows, the fake's virtual clock on the fake.
   * Code that schedules work against the device (Mobile Plans' download delays, for one) uses
   * it, so a simulated backend plays hours in milliseconds.
   */
  get clock(): Clock {
    return this.#backend.clock;
  }

  /**
   * Stops every watcher, ends streams, answers pending entitlement checks with the default,
   * and closes the backend. Listeners may stay attached; nothing more is delivered. Calling it
   * again returns the same promise.
   */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      await Promise.all([this.notifications.close(), this.esim.close(), this.ussd.close()]);
      await this.#backend.close();
    })();
    return this.#closing;
  }
}
