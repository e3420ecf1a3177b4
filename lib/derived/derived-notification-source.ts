/**
 * The notification source of a process without Windows' own operator events: a
 * {@link DerivedObserver} (what the backend watches) feeding the shared
 * {@link DerivedNotifications} engine, plus the data-plan poll. The native backend and the
 * unpackaged fake both use it; only the observer differs.
 *
 * @module
 */

import type {
  DerivedObservation,
  DerivedObserver,
  DerivedObserverHandle,
  EntitlementAnswer,
  ModemBackend,
  NotificationAvailabilityMap,
  NotificationSink,
  NotificationSource,
  NotificationSubscribeOptions,
  NotificationSubscription,
  TetheringBackend,
} from '../backend.js';
import type { Clock } from '../clock.js';
import { MobileBroadbandError } from '../errors.js';
import type { KnownNotificationTypeName } from '../notifications/notification-type.js';
import { dataPlanTypes, hotspotTypes, unpackagedAvailability } from './availability.js';
import { ClockPoll } from './clock-poll.js';
import { defaultDataPlanPollMs, defaultHotspotPollMs } from './derived-options.js';
import { DerivedNotifications } from './derived-notifications.js';

/** What a {@link DerivedNotificationSource} is made of. */
export interface DerivedSourceParts {
  /** The backend's clock: records' default timestamps and the poll's timers. */
  clock: Clock;
  /** What the backend watches. */
  observer: DerivedObserver;
  /** Where the poll reads the data plan of each account the engine knows. */
  modems: Pick<ModemBackend, 'dataPlanStatus'>;
  /**
   * Where the hotspot poll reads the hotspot's state and clients (the internet connection
   * profile's hotspot); without it, hotspot changes are unavailable.
   */
  tethering?: Pick<TetheringBackend, 'status'>;
}

/**
 * A {@link NotificationSource} of derived notifications; a custom backend may use it too.
 */
export class DerivedNotificationSource implements NotificationSource {
  readonly #parts: DerivedSourceParts;

  constructor(parts: DerivedSourceParts) {
    this.#parts = parts;
  }

  async subscribe(
    sink: NotificationSink,
    options?: NotificationSubscribeOptions,
  ): Promise<NotificationSubscription> {
    const subscription = new DerivedSubscription(this.#parts, sink, options);
    await subscription.start();
    return subscription;
  }

  /** No entitlement check ever reaches a process without the operator's app. */
  answerEntitlementCheck(entitlementCheckId: string, _answer: EntitlementAnswer): Promise<void> {
    return Promise.reject(
      new MobileBroadbandError(
        'ERR_INVALID_STATE',
        `No entitlement check ${JSON.stringify(entitlementCheckId)} is waiting: this process gets no entitlement checks (they go to the operator's packaged app)`,
      ),
    );
  }

  availability(): Promise<NotificationAvailabilityMap> {
    return Promise.resolve(
      unpackagedAvailability({ hotspot: this.#parts.tethering !== undefined }),
    );
  }
}

class DerivedSubscription implements NotificationSubscription {
  readonly #parts: DerivedSourceParts;
  readonly #sink: NotificationSink;
  readonly #engine: DerivedNotifications;
  readonly #poll: ClockPoll;
  readonly #hotspotPoll: ClockPoll;
  /** The hotspot poll's first read (what later reads compare with); `undefined` when stopped. */
  #hotspotLearnt: Promise<void> | undefined;
  /** A hotspot read failed and was reported; the next failure is not, until a read succeeds. */
  #hotspotFailing = false;
  #handle: DerivedObserverHandle | undefined;
  #types: ReadonlySet<KnownNotificationTypeName>;
  #closed = false;

  constructor(
    parts: DerivedSourceParts,
    sink: NotificationSink,
    options: NotificationSubscribeOptions | undefined,
  ) {
    this.#parts = parts;
    this.#sink = sink;
    this.#engine = new DerivedNotifications(() => parts.clock.now());
    this.#types = options?.types ?? new Set(dataPlanTypes);
    this.#poll = new ClockPoll(parts.clock, options?.dataPlanPollMs ?? defaultDataPlanPollMs, () =>
      this.#readDataPlans(),
    );
    this.#hotspotPoll = new ClockPoll(
      parts.clock,
      options?.hotspotPollMs ?? defaultHotspotPollMs,
      async () => {
        await this.#hotspotLearnt;
        await this.#readHotspot(false);
      },
    );
  }

  async start(): Promise<void> {
    this.#handle = await this.#parts.observer.start({
      observe: (observations) => this.#observe(observations),
      error: (error) => {
        if (!this.#closed) this.#sink.error(error);
      },
    });
    if (this.#closed) await this.#handle.close();
    else this.#updatePoll();
  }

  setTypes(types: ReadonlySet<KnownNotificationTypeName>): void {
    this.#types = types;
    this.#updatePoll();
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#poll.running = false;
    this.#hotspotPoll.running = false;
    await this.#handle?.close();
  }

  #updatePoll(): void {
    this.#poll.running = !this.#closed && dataPlanTypes.some((type) => this.#types.has(type));
    const hotspot =
      !this.#closed &&
      this.#parts.tethering !== undefined &&
      hotspotTypes.some((type) => this.#types.has(type));
    if (hotspot === this.#hotspotPoll.running) return;
    // Each start learns the hotspot afresh: what changed while nobody listened is not news.
    this.#hotspotLearnt = hotspot ? this.#readHotspot(true) : undefined;
    this.#hotspotPoll.running = hotspot;
  }

  #observe(observations: readonly DerivedObservation[]): void {
    if (this.#closed) return;
    const records = this.#engine.observe(observations);
    if (records.length > 0) this.#sink.deliver(records);
  }

  async #readHotspot(initial: boolean): Promise<void> {
    const tethering = this.#parts.tethering;
    if (tethering === undefined || this.#closed) return;
    try {
      const status = await tethering.status();
      this.#hotspotFailing = false;
      const networkAccountId = this.#engine.hotspotAccountId;
      // Windows' records name the operator's account; without any account there is none to name.
      if (networkAccountId === undefined) return;
      this.#observe([
        {
          kind: 'hotspot',
          networkAccountId,
          state: status.operationalState,
          clientCount: status.clientCount,
          initial,
        },
      ]);
    } catch (error) {
      // No internet connection to share, or a Windows without the hotspot: nothing to report,
      // and no error every few seconds while it lasts.
      if (
        error instanceof MobileBroadbandError &&
        (error.code === 'ERR_INVALID_STATE' || error.code === 'ERR_NOT_SUPPORTED')
      )
        return;
      if (this.#closed || this.#hotspotFailing) return;
      this.#hotspotFailing = true;
      this.#sink.error(error instanceof Error ? error : new Error(String(error)));
    }
  }

  async #readDataPlans(): Promise<void> {
    for (const id of this.#engine.accountIds) {
      if (this.#closed) return;
      try {
        const status = await this.#parts.modems.dataPlanStatus(id);
        this.#observe([{ kind: 'dataPlan', networkAccountId: id, status }]);
      } catch (error) {
        // An account that went away between the watcher's report and the read is not a fault.
        if (error instanceof MobileBroadbandError && error.code === 'ERR_INVALID_ARGUMENT') {
          this.#observe([{ kind: 'accountRemoved', networkAccountId: id }]);
        } else if (!this.#closed) {
          this.#sink.error(error instanceof Error ? error : new Error(String(error)));
        }
      }
    }
  }
}
