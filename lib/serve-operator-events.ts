/**
 * `serveOperatorEvents()`: what a process started by COM to serve the operator app's events
 * does (`wmbb serve`, or an app's own entry point for `-Embedding`). It connects with
 * `operatorEvents: 'serve'`, lets the handler attach its listeners, serves, and ends after
 * `idleMs` without a record and with no entitlement check waiting.
 *
 * @module
 */

import type { Backend, NotificationSource, NotificationSubscription } from './backend.js';
import { systemClock, type Clock, type TimerHandle } from './clock.js';
import { connect } from './connect.js';
import { MobileBroadbandError } from './errors.js';
import { describeValue } from './events/describe-value.js';
import type { MobileBroadband, MobileBroadbandOptions } from './mobile-broadband.js';
import { createNativeBackend } from './native/create-native-backend.js';
import type { Notification } from './notifications/notification.js';
import { checkTimerDelay } from './time-values.js';

/** Attaches the app's listeners to the serving connection; may be async. */
export type OperatorEventsHandler = (mbb: MobileBroadband) => unknown;

/** Options of {@link serveOperatorEvents}. */
export interface ServeOperatorEventsOptions {
  /** Called once with the connection before serving starts: add your listeners here. */
  handler?: OperatorEventsHandler;
  /**
   * How long to serve without a record and with no entitlement check waiting before ending, in
   * milliseconds of the system clock (1 to 2³¹−1). Default 30 000.
   */
  idleMs?: number;
  /**
   * The backend. Default: the native backend with `operatorEvents: 'serve'` (Windows only). A
   * fake (`windows-mobile-broadband/fake`) plays the operator's app in tests.
   */
  backend?: Backend;
  /** Options of the connection (entitlement timeout and default answer, …). */
  connection?: MobileBroadbandOptions;
  /** Called for each notification delivered, after the handler's listeners were added. */
  onNotification?: (notification: Notification) => void;
  /** Called for each error of the notifications (`mbb.notifications.on('error')`). */
  onError?: (error: MobileBroadbandError) => void;
  /** Called once serving has begun (the class is registered, or the fake subscribed). */
  onServing?: () => void;
  /** Ends serving early (Ctrl+C); the result's `ended` is then `'aborted'`. */
  signal?: AbortSignal;
  /** @internal The clock of the idle timer (tests); default the system clock. */
  idleClock?: Clock;
}

/** How serving ended. */
export interface ServeOperatorEventsResult {
  /** Notifications delivered while serving. */
  delivered: number;
  /** `'idle'`: `idleMs` passed with nothing to do; `'aborted'`: the signal. */
  ended: 'idle' | 'aborted';
}

/** The default of {@link ServeOperatorEventsOptions.idleMs}. */
export const defaultServeIdleMs = 30_000;

/**
 * Serves the operator app's events until idle. Rejects when the class cannot be registered (the
 * process serves it already, or this is not Windows and no backend was given) or the handler
 * throws; the connection is closed either way.
 *
 * @example
 * ```ts
 * import { serveOperatorEvents } from 'windows-mobile-broadband';
 * import { createFakeBackend } from 'windows-mobile-broadband/fake';
 *
 * const fake = createFakeBackend(); // plays the operator's app; omit on Windows
 * const served = serveOperatorEvents({
 *   backend: fake,
 *   idleMs: 1000,
 *   handler: (mbb) => {
 *     mbb.notifications.on('tetheringEntitlementCheck', (check) => check.authorize(true));
 *   },
 * });
 * const { delivered } = await served;
 * console.log(delivered, 'notifications served');
 * ```
 */
export async function serveOperatorEvents(
  options: ServeOperatorEventsOptions = {},
): Promise<ServeOperatorEventsResult> {
  const checked = checkOptions(options);
  const backend = options.backend ?? (await createNativeBackend({ operatorEvents: 'serve' }));
  const { watched, subscribed } = watchSubscription(backend);
  const mbb = await connect({ ...options.connection, backend: watched });
  try {
    if (options.onError !== undefined) mbb.notifications.on('error', options.onError);
    if (options.handler !== undefined) await options.handler(mbb);
    const idle = new IdleTimer(checked.idleMs, options.idleClock ?? systemClock);
    let delivered = 0;
    mbb.notifications.on('notification', (n) => {
      delivered += 1;
      idle.activity(n.type === 'tetheringEntitlementCheck' ? n.answered : undefined);
      options.onNotification?.(n);
    });
    // Serving starts with the subscription (the class is registered while someone listens).
    await subscribed;
    options.onServing?.();
    const ended = await idle.until(options.signal);
    return { delivered, ended };
  } finally {
    await mbb.close();
  }
}

function checkOptions(options: ServeOperatorEventsOptions): { idleMs: number } {
  if (typeof options !== 'object' || options === null) {
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      'serveOperatorEvents(options): options must be an object',
    );
  }
  if (options.handler !== undefined && typeof options.handler !== 'function') {
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      `serveOperatorEvents({ handler }) must be a function, got ${describeValue(options.handler)}`,
    );
  }
  const idleMs = checkTimerDelay(options.idleMs ?? defaultServeIdleMs, 'idleMs');
  if (idleMs < 1) {
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      'serveOperatorEvents({ idleMs }) must be at least 1',
    );
  }
  return { idleMs };
}

/**
 * The backend with its notification source watched: `subscribed` settles when the public layer's
 * subscription does (serving began, or registering the class failed).
 */
function watchSubscription(backend: Backend): {
  watched: Backend;
  subscribed: Promise<void>;
} {
  const source = backend.notifications;
  let settle!: { resolve: () => void; reject: (error: unknown) => void };
  const subscribed = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
  // Awaited only once the handler has run: a failure before then is reported by the handler's.
  subscribed.catch(() => {});
  const notifications: NotificationSource = {
    subscribe: async (sink, subscribeOptions): Promise<NotificationSubscription> => {
      try {
        const subscription = await source.subscribe(sink, subscribeOptions);
        settle.resolve();
        return subscription;
      } catch (error) {
        settle.reject(error);
        throw error;
      }
    },
    answerEntitlementCheck: (id, answer) => source.answerEntitlementCheck(id, answer),
    ...(typeof source.availability === 'function'
      ? { availability: () => source.availability!() }
      : {}),
  };
  // Read once from the backend (a class instance keeps its parts behind getters and private
  // fields): the parts as they are, the source watched.
  const watched: Backend = {
    name: backend.name,
    clock: backend.clock,
    notifications,
    esim: backend.esim,
    tethering: backend.tethering,
    modems: backend.modems,
    ussd: backend.ussd,
    provisioning: backend.provisioning,
    ...(backend.links === undefined ? {} : { links: backend.links }),
    close: () => backend.close(),
  };
  return { watched, subscribed };
}

/** Ends serving after `idleMs` without activity and with no entitlement check waiting. */
class IdleTimer {
  readonly #idleMs: number;
  readonly #clock: Clock;
  #timer: TimerHandle | undefined;
  #pendingChecks = 0;
  #end: ((ended: 'idle' | 'aborted') => void) | undefined;

  constructor(idleMs: number, clock: Clock) {
    this.#idleMs = idleMs;
    this.#clock = clock;
  }

  /** A record arrived; `answered` is the check's answer, which ends its wait. */
  activity(answered: Promise<unknown> | undefined): void {
    if (answered !== undefined) {
      this.#pendingChecks += 1;
      void answered.finally(() => {
        this.#pendingChecks -= 1;
        this.#arm();
      });
    }
    this.#arm();
  }

  /** Resolves when idle (or aborted). */
  until(signal: AbortSignal | undefined): Promise<'idle' | 'aborted'> {
    return new Promise((resolve) => {
      if (signal?.aborted === true) {
        resolve('aborted');
        return;
      }
      const onAbort = (): void => this.#finish('aborted');
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#end = (ended) => {
        signal?.removeEventListener('abort', onAbort);
        resolve(ended);
      };
      this.#arm();
    });
  }

  #arm(): void {
    if (this.#timer !== undefined) this.#clock.clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#end === undefined || this.#pendingChecks > 0) return;
    this.#timer = this.#clock.setTimeout(() => this.#finish('idle'), this.#idleMs);
  }

  #finish(ended: 'idle' | 'aborted'): void {
    if (this.#timer !== undefined) this.#clock.clearTimeout(this.#timer);
    this.#timer = undefined;
    const end = this.#end;
    this.#end = undefined;
    end?.(ended);
  }
}
