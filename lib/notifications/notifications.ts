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
  NotificationSink,
  NotificationSubscription,
  RawNotification,
} from '../backend.js';
import { MobileBroadbandError } from '../errors.js';
import { EntitlementChecks, type EntitlementOptions } from './entitlement-check.js';
import type { Notification, NotificationMap } from './notification.js';
import { NotificationStream, type StreamOptions } from './notification-stream.js';
import { allNotificationTypeNames } from './notification-type.js';
import { toNotification, type ConversionContext } from './to-notification.js';

/** What {@link Notifications} reports when records were lost to an overflow. */
export interface OverflowInfo {
  /** Records discarded this time. */
  discarded: number;
  /** Records discarded since the connection opened. */
  total: number;
}

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

type AnyListener = (value: never) => unknown;
type OnceWrapper = AnyListener & { listener: AnyListener };

const dataEvents: ReadonlySet<string> = new Set<string>([
  ...allNotificationTypeNames,
  'notification',
]);
const controlEvents: ReadonlySet<string> = new Set<string>(['error', 'overflow']);

/** A long interval: its only purpose is to hold the event loop open while referenced. */
const keepAlivePeriodMs = 2 ** 30;

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
export class Notifications {
  readonly #backend: Backend;
  readonly #listeners = new Map<string, AnyListener[]>();
  readonly #streams = new Set<NotificationStream>();
  readonly #entitlementChecks: EntitlementChecks;
  #dataListenerCount = 0;
  #sequence = 0;
  #discarded = 0;
  #referenced = true;
  #keepAlive: ReturnType<typeof setInterval> | undefined;
  #closed = false;
  /** Serialises subscribe/close of the backend source. */
  #lifecycle: Promise<void> = Promise.resolve();
  #subscription: NotificationSubscription | undefined;
  #wantSubscription = false;
  readonly #sink: NotificationSink = {
    deliver: (records) => this.#deliver(records),
    overflow: (discarded) => this.#overflow(discarded),
    error: (error) =>
      this.#reportError(
        error instanceof MobileBroadbandError
          ? error
          : new MobileBroadbandError(
              'ERR_WINDOWS',
              `The notification source failed: ${error.message}`,
              {
                cause: error,
              },
            ),
      ),
  };

  /** @internal Use {@link connect}. */
  constructor(backend: Backend, entitlement: EntitlementOptions = {}) {
    this.#backend = backend;
    this.#entitlementChecks = new EntitlementChecks(
      backend.notifications,
      backend.clock,
      entitlement,
      (error) => this.#reportError(error),
    );
  }

  /** Adds a listener for one notification type, for every notification, or for errors. */
  on<E extends NotificationEventName>(event: E, listener: NotificationEventMap[E]): this {
    this.#add(event, listener);
    return this;
  }

  /** Same as {@link Notifications.on}. */
  addListener<E extends NotificationEventName>(event: E, listener: NotificationEventMap[E]): this {
    return this.on(event, listener);
  }

  /** Adds a listener that is removed after its first call. */
  once<E extends NotificationEventName>(event: E, listener: NotificationEventMap[E]): this {
    checkListener(listener);
    const wrapper = ((value: never) => {
      this.#remove(event, wrapper);
      return (listener as AnyListener)(value);
    }) as OnceWrapper;
    wrapper.listener = listener;
    this.#add(event, wrapper);
    return this;
  }

  /** Removes a listener added with `on` or `once`. Unknown listeners are ignored. */
  off<E extends NotificationEventName>(event: E, listener: NotificationEventMap[E]): this {
    this.#remove(event, listener);
    return this;
  }

  /** Same as {@link Notifications.off}. */
  removeListener<E extends NotificationEventName>(
    event: E,
    listener: NotificationEventMap[E],
  ): this {
    return this.off(event, listener);
  }

  /** Removes every listener of `event`, or of every event. */
  removeAllListeners(event?: NotificationEventName): this {
    const events = event === undefined ? [...this.#listeners.keys()] : [event];
    for (const name of events) {
      for (const listener of [...(this.#listeners.get(name) ?? [])]) this.#remove(name, listener);
    }
    return this;
  }

  /** How many listeners `event` has. */
  listenerCount(event: NotificationEventName): number {
    return this.#listeners.get(event)?.length ?? 0;
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
    this.#checkOpen('stream()');
    if (options.types !== undefined) {
      if (!Array.isArray(options.types)) {
        throw new MobileBroadbandError(
          'ERR_INVALID_ARGUMENT',
          'stream({ types }) must be an array of notification types',
        );
      }
      for (const type of options.types) checkEvent(type, false);
    }
    const stream = new NotificationStream<NotificationMap[T]>(this, options);
    if (stream.open) {
      this.#streams.add(stream as unknown as NotificationStream);
      this.#listenerAdded();
    }
    return stream;
  }

  /**
   * Keeps the process alive while listeners are attached (the default): a watching process does
   * not exit on its own.
   */
  ref(): this {
    this.#referenced = true;
    this.#updateKeepAlive();
    return this;
  }

  /** Lets the process exit even while listeners are attached. */
  unref(): this {
    this.#referenced = false;
    this.#updateKeepAlive();
    return this;
  }

  /** Records the backend discarded since the connection opened (see the `'overflow'` event). */
  get discarded(): number {
    return this.#discarded;
  }

  /** @internal Stops delivery, ends streams, answers pending checks; part of `mbb.close()`. */
  async close(): Promise<void> {
    if (this.#closed) return this.#lifecycle;
    this.#closed = true;
    for (const stream of [...this.#streams]) stream.end();
    this.#entitlementChecks.closeAll();
    this.#wantSubscription = false;
    this.#updateKeepAlive();
    await this.#syncSubscription();
  }

  /** @internal */
  detach(stream: object): void {
    if (this.#streams.delete(stream as NotificationStream)) this.#listenerRemoved();
  }

  #add(event: string, listener: AnyListener): void {
    checkEvent(event, true);
    checkListener(listener);
    const isData = dataEvents.has(event);
    if (isData) this.#checkOpen(`on('${event}')`);
    // Copy on write: a listener that adds or removes listeners does not disturb a delivery in progress.
    this.#listeners.set(event, [...(this.#listeners.get(event) ?? []), listener]);
    if (isData) this.#listenerAdded();
  }

  #remove(event: string, listener: AnyListener): void {
    const list = this.#listeners.get(event);
    if (list === undefined) return;
    const index = list.findLastIndex(
      (l) => l === listener || (l as Partial<OnceWrapper>).listener === listener,
    );
    if (index < 0) return;
    const next = list.toSpliced(index, 1);
    if (next.length === 0) this.#listeners.delete(event);
    else this.#listeners.set(event, next);
    if (dataEvents.has(event)) this.#listenerRemoved();
  }

  #listenerAdded(): void {
    if (++this.#dataListenerCount === 1) {
      this.#wantSubscription = true;
      this.#updateKeepAlive();
      void this.#syncSubscription();
    }
  }

  #listenerRemoved(): void {
    if (--this.#dataListenerCount === 0) {
      this.#wantSubscription = false;
      this.#updateKeepAlive();
      void this.#syncSubscription();
    }
  }

  /** Brings the backend subscription in line with whether anyone listens, one step at a time. */
  #syncSubscription(): Promise<void> {
    this.#lifecycle = this.#lifecycle.then(async () => {
      try {
        if (this.#wantSubscription && this.#subscription === undefined && !this.#closed) {
          this.#subscription = await this.#backend.notifications.subscribe(this.#sink);
        } else if (!this.#wantSubscription && this.#subscription !== undefined) {
          const subscription = this.#subscription;
          this.#subscription = undefined;
          await subscription.close();
        }
      } catch (error) {
        this.#reportError(asError(error, 'Subscribing to operator notifications failed'));
      }
    });
    return this.#lifecycle;
  }

  #updateKeepAlive(): void {
    const wanted = this.#referenced && this.#dataListenerCount > 0 && !this.#closed;
    if (wanted && this.#keepAlive === undefined) {
      this.#keepAlive = setInterval(() => undefined, keepAlivePeriodMs);
    } else if (!wanted && this.#keepAlive !== undefined) {
      clearInterval(this.#keepAlive);
      this.#keepAlive = undefined;
    }
  }

  #deliver(records: readonly RawNotification[]): void {
    if (this.#closed) return;
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

  /** Delivers one notification; returns whether anyone received it. */
  #dispatch(notification: Notification): boolean {
    const typed = this.#listeners.get(notification.type);
    const all = this.#listeners.get('notification');
    let received = false;
    if (typed !== undefined) {
      received = true;
      for (const listener of typed) this.#call(listener, notification);
    }
    if (all !== undefined) {
      received = true;
      for (const listener of all) this.#call(listener, notification);
    }
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

  #call(listener: AnyListener, notification: Notification): void {
    try {
      const result = (listener as (n: Notification) => unknown)(notification);
      // Async listeners: a rejection is reported like a throw.
      if (result !== undefined && typeof (result as PromiseLike<unknown>).then === 'function') {
        (result as PromiseLike<unknown>).then(undefined, (error: unknown) =>
          this.#listenerFailed(error, notification),
        );
      }
    } catch (error) {
      this.#listenerFailed(error, notification);
    }
  }

  #listenerFailed(error: unknown, notification: Notification): void {
    this.#reportError(
      new MobileBroadbandError(
        'ERR_LISTENER_FAILED',
        `A listener for '${notification.type}' (notification #${notification.sequence}) failed: ${
          error instanceof Error ? error.message : String(error)
        }`,
        { cause: error, details: { type: notification.type, sequence: notification.sequence } },
      ),
    );
  }

  #overflow(discarded: number): void {
    this.#discarded += discarded;
    const info: OverflowInfo = { discarded, total: this.#discarded };
    const listeners = this.#listeners.get('overflow');
    if (listeners === undefined) {
      // Never silent: without a listener the loss still shows as a process warning.
      process.emitWarning(
        `windows-mobile-broadband: ${discarded} notifications were discarded because delivery fell behind (${info.total} in all)`,
        { code: 'ERR_OVERFLOW' },
      );
      return;
    }
    for (const listener of listeners) {
      try {
        (listener as (i: OverflowInfo) => void)(info);
      } catch (error) {
        this.#reportError(asError(error, "An 'overflow' listener failed"));
      }
    }
  }

  /**
   * Reports an error on `'error'`; with no `'error'` listener it is thrown asynchronously, the
   * way Node's EventEmitter treats an unhandled `'error'`, so it is never lost.
   */
  #reportError(error: MobileBroadbandError): void {
    const listeners = this.#listeners.get('error');
    if (listeners === undefined) {
      process.nextTick(() => {
        throw error;
      });
      return;
    }
    for (const listener of listeners) {
      try {
        (listener as (e: MobileBroadbandError) => void)(error);
      } catch (thrown) {
        process.nextTick(() => {
          throw thrown;
        });
      }
    }
  }

  #checkOpen(what: string): void {
    if (this.#closed) {
      throw new MobileBroadbandError(
        'ERR_CLOSED',
        `${what} after close(): this connection is closed; connect() again`,
      );
    }
  }
}

function checkEvent(event: unknown, allowControl: boolean): void {
  if (
    typeof event === 'string' &&
    (dataEvents.has(event) || (allowControl && controlEvents.has(event)))
  ) {
    return;
  }
  const expected = [...dataEvents, ...(allowControl ? controlEvents : [])].join(', ');
  throw new MobileBroadbandError(
    'ERR_INVALID_ARGUMENT',
    `Unknown notification event ${JSON.stringify(event)}; expected one of: ${expected}`,
  );
}

function checkListener(listener: unknown): void {
  if (typeof listener !== 'function') {
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      `A listener must be a function, got ${typeof listener}`,
    );
  }
}

function asError(error: unknown, context: string): MobileBroadbandError {
  if (error instanceof MobileBroadbandError) return error;
  return new MobileBroadbandError(
    'ERR_WINDOWS',
    `${context}: ${error instanceof Error ? error.message : String(error)}`,
    { cause: error },
  );
}
