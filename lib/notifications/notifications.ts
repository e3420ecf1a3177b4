/**
 * `mbb.notifications`: typed MobileOperatorNotification events.
 *
 * The backend's notification source runs only while someone listens: it is subscribed when the
 * first listener (or stream) is added and closed when the last is removed. Delivery is
 * synchronous per record and in order; a throwing or rejecting listener is reported on
 * `'error'` and never stops delivery to the others.
 *
 * @module
 */

import type {
  Backend,
  NotificationAvailabilityMap,
  NotificationSink,
  NotificationSubscription,
  OperatorTaskBackend,
  OperatorTaskInfo,
  OperatorTaskRegistrationOptions,
  RawNotification,
} from '../backend.js';
import { describeKind } from '../check-arguments.js';
import { MobileBroadbandError } from '../errors.js';
import {
  asMobileBroadbandError,
  type AnyListener,
  type OverflowInfo,
} from '../events/listener-registry.js';
import { listenerFailedError } from '../events/listener-failure.js';
import { SourceLifecycle } from '../events/source-lifecycle.js';
import { TypedEmitter } from '../events/typed-emitter.js';
import { EntitlementChecks, type EntitlementOptions } from './entitlement-check.js';
import type { Notification, NotificationMap } from './notification.js';
import { NotificationStream, type StreamOptions } from './notification-stream.js';
import {
  allNotificationTypeNames,
  notificationTypeNames,
  type KnownNotificationTypeName,
} from './notification-type.js';
import { packagedAvailability } from '../derived/availability.js';
import { derivedPollsOf, type DerivedPolls } from '../derived/derived-options.js';
import { toNotification, type ConversionContext } from './to-notification.js';
import { checkOperatorTaskOptions } from './operator-tasks.js';

export type { OverflowInfo };

/** A listener; it may be async (a rejection is reported like a throw). */
export type NotificationListener<N> = (notification: N) => unknown;

/** The events of {@link Notifications} and their listeners. */
export type NotificationEventMap = {
  [K in keyof NotificationMap]: NotificationListener<NotificationMap[K]>;
} & {
  /** Every notification, whatever its type. */
  notification: NotificationListener<Notification>;
  /** A listener failed (`ERR_LISTENER_FAILED`), or the backend's source failed. */
  error: (error: MobileBroadbandError) => void;
  /** The backend discarded records because delivery fell behind its bounded queue. */
  overflow: (info: OverflowInfo) => void;
};

/** An event name of {@link Notifications}. */
export type NotificationEventName = keyof NotificationEventMap;

const dataEvents: readonly string[] = [...allNotificationTypeNames, 'notification'];

/** Where {@link Notifications.#receivers} keeps the receivers of `unknown` notifications. */
const unknownReceivers = notificationTypeNames.length;

/**
 * The notifications of one connection.
 *
 * @example
 * ```ts
 * import { connect } from 'windows-mobile-broadband';
 * const mbb = await connect();
 * mbb.notifications.on('registeredRoaming', (n) => console.log('roaming on', n.networkAccountId));
 * mbb.notifications.on('tetheringEntitlementCheck', async (check) => {
 *   await check.authorize(true);
 * });
 * mbb.notifications.on('error', (err) => console.error(err.code, err.message));
 * ```
 */
export class Notifications extends TypedEmitter<NotificationEventMap> {
  readonly #backend: Backend;
  readonly #source: SourceLifecycle<NotificationSubscription>;
  readonly #streams = new Set<NotificationStream>();
  readonly #entitlementChecks: EntitlementChecks;
  #sequence = 0;
  readonly #polls: DerivedPolls;
  #subscription: NotificationSubscription | undefined;
  #availability: Promise<NotificationAvailabilityMap> | undefined;
  readonly #warned = new Set<string>();
  readonly #sink: NotificationSink = {
    deliver: (records) => this.#deliver(records),
    overflow: (discarded) => this.registry.reportOverflow(discarded),
    error: (error) =>
      this.registry.reportError(asMobileBroadbandError(error, 'The notification source failed')),
  };

  /** @internal Use {@link connect}. */
  constructor(
    backend: Backend,
    entitlement: EntitlementOptions = {},
    polls: DerivedPolls = derivedPollsOf(undefined),
  ) {
    super({
      eventKind: 'notification event',
      recordKind: 'notifications',
      dataEvents,
      closedError: (event) =>
        new MobileBroadbandError(
          'ERR_CLOSED',
          `on('${event}') after close(): this connection is closed; connect() again`,
        ),
    });
    this.#backend = backend;
    this.#polls = polls;
    this.#source = new SourceLifecycle(
      () => this.#subscribe(),
      (error) =>
        this.registry.reportError(
          asMobileBroadbandError(error, 'Subscribing to operator notifications failed'),
        ),
    );
    this.#entitlementChecks = new EntitlementChecks(
      backend.notifications,
      backend.clock,
      entitlement,
      (error) => this.registry.reportError(error),
    );
  }

  /** @internal The first listener or stream subscribes to the backend; the last unsubscribes. */
  protected demandChanged(wanted: boolean): void {
    void this.#source.want(wanted);
  }

  /** @internal The backend learns which types are listened for; unavailable ones are warned of. */
  protected override listenersChanged(event: string): void {
    if (this.registry.count(event) > 0) this.#warnIfUnavailable([event]);
    this.#subscription?.setTypes?.(this.#listenedTypes());
  }

  /**
   * Which notification types this process can receive, and from where: `'system'` (Windows'
   * own events, as the operator's packaged app gets them), `'derived'` (made from registration,
   * connection and data-plan state any process may read; `origin: 'derived'`), or
   * `'unavailable'`, with the reason. Adding a listener for an unavailable type emits one
   * process warning (code `WMBB_NOTIFICATION_UNAVAILABLE`) naming what is needed.
   *
   * @example
   * ```ts
   * import { connect } from 'windows-mobile-broadband';
   * const mbb = await connect();
   * const availability = await mbb.notifications.availability();
   * if (availability.gsmSms.source === 'unavailable') console.log(availability.gsmSms.reason);
   * ```
   */
  availability(): Promise<NotificationAvailabilityMap> {
    this.#availability ??= (async () => {
      const source = this.#backend.notifications;
      // A backend without availability() is one that delivers Windows' own events.
      if (typeof source.availability !== 'function') return packagedAvailability();
      return await source.availability();
    })();
    return this.#availability.then((map) => structuredClone(map));
  }

  async #subscribe(): Promise<NotificationSubscription> {
    const subscription = await this.#backend.notifications.subscribe(this.#sink, {
      types: this.#listenedTypes(),
      dataPlanPollMs: this.#polls.dataPlanPollMs,
      hotspotPollMs: this.#polls.hotspotPollMs,
    });
    this.#subscription = subscription;
    return {
      close: () => {
        if (this.#subscription === subscription) this.#subscription = undefined;
        return subscription.close();
      },
    };
  }

  /** The types someone listens for now (every type for a catch-all listener or stream). */
  #listenedTypes(): ReadonlySet<KnownNotificationTypeName> {
    const all = new Set<KnownNotificationTypeName>(notificationTypeNames);
    if (this.registry.count('notification') > 0) return all;
    const types = new Set<KnownNotificationTypeName>();
    for (const type of notificationTypeNames) if (this.registry.count(type) > 0) types.add(type);
    for (const stream of this.#streams) {
      const wanted = stream.types;
      if (wanted === undefined) return all;
      for (const type of wanted)
        if (all.has(type as KnownNotificationTypeName))
          types.add(type as KnownNotificationTypeName);
    }
    return types;
  }

  #warnIfUnavailable(types: readonly string[]): void {
    const fresh = types.filter((t) => !this.#warned.has(t));
    if (fresh.length === 0) return;
    void this.availability().then(
      (map) => {
        for (const type of fresh) {
          const entry = (map as Partial<NotificationAvailabilityMap>)[
            type as KnownNotificationTypeName
          ];
          if (entry?.source !== 'unavailable' || this.#warned.has(type)) continue;
          this.#warned.add(type);
          process.emitWarning(
            `windows-mobile-broadband: this process cannot receive '${type}' notifications: ${entry.reason ?? 'not available'}`,
            { code: 'WMBB_NOTIFICATION_UNAVAILABLE' },
          );
        }
      },
      () => undefined, // a backend that cannot say is not worth a second warning
    );
  }

  /**
   * The notifications as an async iterator. Ends when `signal` aborts, when the loop breaks,
   * or when the connection closes.
   *
   * @example
   * ```ts
   * import { connect } from 'windows-mobile-broadband';
   * const mbb = await connect();
   * const stop = new AbortController();
   * for await (const n of mbb.notifications.stream({ types: ['registeredRoaming', 'registeredHome'], signal: stop.signal })) {
   *   console.log(n.type, n.timestamp);
   * }
   * ```
   */
  stream<T extends keyof NotificationMap>(
    options: StreamOptions<T> = {},
  ): NotificationStream<NotificationMap[T]> {
    if (typeof options !== 'object' || options === null || Array.isArray(options)) {
      throw new MobileBroadbandError(
        'ERR_INVALID_ARGUMENT',
        `stream(options) takes an options object or nothing, got ${describeKind(options)}`,
      );
    }
    if (this.registry.closed) {
      throw new MobileBroadbandError(
        'ERR_CLOSED',
        'stream() after close(): this connection is closed; connect() again',
      );
    }
    if (options.types !== undefined) {
      if (!Array.isArray(options.types)) {
        throw new MobileBroadbandError(
          'ERR_INVALID_ARGUMENT',
          'stream({ types }) must be an array of notification types',
        );
      }
      for (const type of options.types) this.registry.checkEvent(type, false);
    }
    const stream = new NotificationStream<NotificationMap[T]>(
      { detach: (s) => this.#detach(s) },
      options,
    );
    if (stream.open) {
      this.#streams.add(stream as unknown as NotificationStream);
      if (options.types !== undefined) this.#warnIfUnavailable(options.types);
      this.registry.retain();
      this.#subscription?.setTypes?.(this.#listenedTypes());
    }
    return stream;
  }

  /**
   * Registers the operator app's two background tasks with Windows (`BackgroundTaskBuilder`):
   * `WindowsMobileBroadband.OperatorNotification`, started by every MobileOperatorNotification
   * of the account (`NetworkOperatorNotificationTrigger(networkAccountId)`), and
   * `WindowsMobileBroadband.TetheringEntitlementCheck`, started when a user turns the hotspot on
   * (`TetheringEntitlementCheckTrigger`). Both run the package's forwarding component
   * (`WindowsMobileBroadband.OperatorTask`), which the app's manifest declares. Resolves with
   * the two tasks.
   *
   * Registering again replaces them: earlier tasks of those two names are unregistered first,
   * so a task never runs twice for one event. The app does not need this when its manifest
   * registers the tasks; it is for apps that register their own at run time.
   *
   * Rejects with `ERR_PACKAGE_IDENTITY_REQUIRED` in a process without package identity (plain
   * `node.exe`, an unpackaged Electron app, the CLI): see docs/packaging.md. Rejects with
   * `ERR_NOT_AUTHORIZED` when Windows denies the app background access
   * (`BackgroundExecutionManager.RequestAccessAsync`), naming the status; with
   * `ERR_INVALID_ARGUMENT` for a `networkAccountId` that is not a non-empty string of at most
   * 256 characters without control characters; with `ERR_NOT_SUPPORTED` for a backend without
   * background tasks.
   *
   * @example
   * ```ts
   * import { connect } from 'windows-mobile-broadband';
   * const mbb = await connect();
   * const [account] = await mbb.modems.accounts();
   * if (account !== undefined) {
   *   const tasks = await mbb.notifications.registerOperatorTasks({
   *     networkAccountId: account.networkAccountId,
   *   });
   *   for (const task of tasks) console.log(task.name, task.trigger, task.taskId);
   * }
   * ```
   */
  async registerOperatorTasks(
    options: OperatorTaskRegistrationOptions,
  ): Promise<OperatorTaskInfo[]> {
    const where = 'registerOperatorTasks(options)';
    const checked = checkOperatorTaskOptions(options, where);
    return await this.#operatorTasks('registerOperatorTasks()').register(checked);
  }

  /**
   * The registered background tasks of the package (names starting `WindowsMobileBroadband.`),
   * sorted by name, each with its trigger kind. Same errors as
   * {@link Notifications.registerOperatorTasks} (no package identity, no support).
   *
   * @example
   * ```ts
   * import { connect } from 'windows-mobile-broadband';
   * const mbb = await connect();
   * for (const task of await mbb.notifications.listOperatorTasks()) {
   *   console.log(task.name, task.trigger);
   * }
   * ```
   */
  async listOperatorTasks(): Promise<OperatorTaskInfo[]> {
    return await this.#operatorTasks('listOperatorTasks()').list();
  }

  /**
   * Unregisters every background task of the package (those {@link listOperatorTasks} returns)
   * and resolves with how many there were; a running one is cancelled. Same errors as
   * {@link Notifications.registerOperatorTasks} (no package identity, no support).
   *
   * @example
   * ```ts
   * import { connect } from 'windows-mobile-broadband';
   * const mbb = await connect();
   * console.log(await mbb.notifications.unregisterOperatorTasks(), 'tasks unregistered');
   * ```
   */
  async unregisterOperatorTasks(): Promise<number> {
    return await this.#operatorTasks('unregisterOperatorTasks()').unregister();
  }

  /** The backend's background tasks, or why they cannot be used. */
  #operatorTasks(call: string): OperatorTaskBackend {
    if (this.registry.closed) {
      throw new MobileBroadbandError(
        'ERR_CLOSED',
        `${call} after close(): this connection is closed; connect() again`,
      );
    }
    const tasks = this.#backend.notifications.operatorTasks;
    if (tasks === undefined) {
      throw new MobileBroadbandError(
        'ERR_NOT_SUPPORTED',
        `${call}: the ${this.#backend.name} backend does not register background tasks`,
      );
    }
    return tasks;
  }

  /** @internal Stops delivery, ends streams, answers pending checks; part of `mbb.close()`. */
  async close(): Promise<void> {
    if (!this.registry.closed) {
      this.registry.close();
      for (const stream of [...this.#streams]) stream.end();
      this.#entitlementChecks.closeAll();
    }
    await this.#source.close();
  }

  #detach(stream: object): void {
    if (this.#streams.delete(stream as NotificationStream)) {
      this.registry.release();
      this.#subscription?.setTypes?.(this.#listenedTypes());
    }
  }

  #deliver(records: readonly RawNotification[]): void {
    if (this.registry.closed) return;
    const context: ConversionContext = {
      sequence: 0,
      now: this.#backend.clock.now(),
      createEntitlementCheck: (base, id) => this.#entitlementChecks.create(base, id),
    };
    for (const record of records) {
      context.sequence = ++this.#sequence;
      const notification = toNotification(record, context);
      const handled = this.#dispatch(notification);
      if (notification.type === 'tetheringEntitlementCheck' && !handled) {
        this.#entitlementChecks.sendDefault(notification, 'no-listener');
      }
    }
  }

  /**
   * Who receives a notification, by MessageType (0–12; index 13 for `unknown`): the type's own
   * listeners, then the 'notification' ones, in the order they are called. Built as of registry
   * version {@link Notifications.#listenersVersion}, so a delivery reads one array (no Map
   * lookup, no second loop), and rebuilt as soon as a listener comes or goes (even during a
   * batch). The registry's arrays are never mutated, so neither are these.
   */
  #receivers: (readonly AnyListener[])[] = [];
  #listenersVersion = -1;

  #collectReceivers(): void {
    const registry = this.registry;
    this.#listenersVersion = registry.version;
    const all = registry.get('notification') ?? [];
    this.#receivers = [...notificationTypeNames, 'unknown' as const].map((type) => {
      const typed = registry.get(type);
      return typed === undefined ? all : all.length === 0 ? typed : [...typed, ...all];
    });
  }

  /** Delivers one notification; returns whether anyone received it. */
  #dispatch(notification: Notification): boolean {
    if (this.registry.version !== this.#listenersVersion) this.#collectReceivers();
    const listeners =
      this.#receivers[
        notification.type === 'unknown' ? unknownReceivers : (notification.messageType as number)
      ]!;
    for (let i = 0; i < listeners.length; i++) {
      this.registry.call(listeners[i]!, notification, this.#listenerFailed);
    }
    let received = listeners.length > 0;
    if (this.#streams.size > 0) {
      for (const stream of this.#streams) {
        if (stream.accepts(notification)) {
          received = true;
          stream.push(notification);
        }
      }
    }
    return received;
  }

  readonly #listenerFailed = (error: unknown, notification: Notification): void => {
    this.registry.reportError(
      listenerFailedError(
        `A listener for '${notification.type}' (notification #${notification.sequence})`,
        error,
        { details: { type: notification.type, sequence: notification.sequence } },
      ),
    );
  };
}
