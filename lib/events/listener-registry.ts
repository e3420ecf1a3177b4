/**
 * The listener bookkeeping every watcher-backed emitter of the package shares
 * (`mbb.notifications`, `mbb.esim.watch()`): typed registration with clear errors, `once`,
 * copy-on-write lists (a listener may add or remove listeners during a delivery), isolated
 * calls (a throw or a rejected promise, whatever the value, becomes `ERR_LISTENER_FAILED` on
 * `'error'`, or a process warning when nobody listens for errors), overflow
 * reports that are never silent, and a keep-alive handle while data listeners are attached and
 * the emitter is referenced.
 *
 * @module
 * @internal
 */

import { MobileBroadbandError } from '../errors.js';
import { describeValue } from './describe-value.js';
import { callUserCode, listenerFailedError, warnUnhandled } from './listener-failure.js';

/** A listener of any event. */
export type AnyListener = (value: never) => unknown;
type OnceWrapper = AnyListener & { listener: AnyListener };

/** What an `'overflow'` event reports: records the backend discarded because delivery fell behind. */
export interface OverflowInfo {
  /** Discarded this time. */
  discarded: number;
  /** Discarded since the emitter was made. */
  total: number;
}

/** How a registry is set up. */
export interface ListenerRegistryOptions {
  /** What its events are called in messages: `'notification event'`, `'eSIM watcher event'`. */
  eventKind: string;
  /** What overflows are counted in: `'notifications'`, `'eSIM events'`. */
  recordKind: string;
  /** Events whose listeners need the backend source running. */
  dataEvents: readonly string[];
  /** Called when the first data listener is added and when the last is removed. */
  onDemandChange(wanted: boolean): void;
  /** Called after a data listener of `event` was added or removed. */
  onListenersChange?(event: string): void;
  /** The error to throw when a data listener is added after close. */
  closedError(event: string): MobileBroadbandError;
}

/** A long interval: its only purpose is to hold the event loop open while referenced. */
const keepAlivePeriodMs = 2 ** 30;
const controlEvents = ['error', 'overflow'];

/** @internal */
export class ListenerRegistry {
  readonly #options: ListenerRegistryOptions;
  readonly #dataEvents: ReadonlySet<string>;
  readonly #listeners = new Map<string, AnyListener[]>();
  #version = 0;
  /** Data listeners plus other consumers that need the source (streams). */
  #demand = 0;
  #discarded = 0;
  #referenced = true;
  #closed = false;
  #keepAlive: ReturnType<typeof setInterval> | undefined;

  constructor(options: ListenerRegistryOptions) {
    this.#options = options;
    this.#dataEvents = new Set(options.dataEvents);
  }

  /** Throws `ERR_INVALID_ARGUMENT` unless `event` is a data event (or, if allowed, a control one). */
  checkEvent(event: unknown, allowControl = true): void {
    if (
      typeof event === 'string' &&
      (this.#dataEvents.has(event) || (allowControl && controlEvents.includes(event)))
    ) {
      return;
    }
    const expected = [...this.#dataEvents, ...(allowControl ? controlEvents : [])].join(', ');
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      `Unknown ${this.#options.eventKind} ${JSON.stringify(event)}; expected one of: ${expected}`,
    );
  }

  add(event: string, listener: AnyListener): void {
    this.checkEvent(event);
    checkListener(listener);
    const isData = this.#dataEvents.has(event);
    if (isData && this.#closed) throw this.#options.closedError(event);
    // Copy on write: a listener that adds or removes listeners does not disturb a delivery.
    this.#listeners.set(event, [...(this.#listeners.get(event) ?? []), listener]);
    this.#version++;
    if (isData) {
      this.#options.onListenersChange?.(event);
      this.retain();
    }
  }

  once(event: string, listener: AnyListener): void {
    checkListener(listener);
    const wrapper = ((value: never) => {
      this.remove(event, wrapper);
      return listener(value);
    }) as OnceWrapper;
    wrapper.listener = listener;
    this.add(event, wrapper);
  }

  /** Removes `listener` (or the `once` wrapper around it); unknown listeners are ignored. */
  remove(event: string, listener: AnyListener): void {
    const list = this.#listeners.get(event);
    if (list === undefined) return;
    const index = list.findLastIndex(
      (l) => l === listener || (l as Partial<OnceWrapper>).listener === listener,
    );
    if (index < 0) return;
    const next = list.toSpliced(index, 1);
    if (next.length === 0) this.#listeners.delete(event);
    else this.#listeners.set(event, next);
    this.#version++;
    if (this.#dataEvents.has(event)) {
      this.#options.onListenersChange?.(event);
      this.release();
    }
  }

  removeAll(event?: string): void {
    const events = event === undefined ? [...this.#listeners.keys()] : [event];
    for (const name of events) {
      for (const listener of [...(this.#listeners.get(name) ?? [])]) this.remove(name, listener);
    }
  }

  count(event: string): number {
    return this.#listeners.get(event)?.length ?? 0;
  }

  /** The listeners of `event`, or undefined when it has none. The array is never mutated. */
  get(event: string): readonly AnyListener[] | undefined {
    return this.#listeners.get(event);
  }

  /**
   * Changes whenever a listener is added or removed: an emitter that keeps the arrays of
   * {@link ListenerRegistry.get} between events looks them up again only when it changed.
   */
  get version(): number {
    return this.#version;
  }

  /** A consumer that needs the source (a data listener, a stream) arrived. */
  retain(): void {
    if (++this.#demand === 1) {
      this.#updateKeepAlive();
      this.#options.onDemandChange(true);
    }
  }

  /** A consumer that needed the source left. */
  release(): void {
    if (--this.#demand === 0) {
      this.#updateKeepAlive();
      this.#options.onDemandChange(false);
    }
  }

  /**
   * Calls a listener; a throw or a rejected promise goes to `onFailure` with the value. The
   * value is passed back so that an emitter can hand the same `onFailure` to every call: a
   * delivery then allocates nothing for failures that do not happen. `onFailure` must not
   * throw (build its report with {@link listenerFailedError}).
   */
  call<T>(listener: AnyListener, value: T, onFailure: (error: unknown, value: T) => void): void {
    callUserCode(listener as (v: T) => unknown, value, onFailure);
  }

  /**
   * Reports an error on `'error'`. Without an `'error'` listener it becomes a process warning:
   * never lost, and never an uncaught exception. An `'error'` listener that throws is reported
   * the same way (reporting it on `'error'` again could loop).
   */
  reportError(error: MobileBroadbandError): void {
    const listeners = this.#listeners.get('error');
    if (listeners === undefined) {
      warnUnhandled(error);
      return;
    }
    for (const listener of listeners) {
      this.call(listener, error, this.#errorListenerFailed);
    }
  }

  readonly #errorListenerFailed = (thrown: unknown): void =>
    warnUnhandled(listenerFailedError("An 'error' listener", thrown));

  /** Counts records the backend discarded and tells `'overflow'` listeners, or the process. */
  reportOverflow(discarded: number): void {
    this.#discarded += discarded;
    const report: OverflowInfo = { discarded, total: this.#discarded };
    const listeners = this.#listeners.get('overflow');
    if (listeners === undefined) {
      // Never silent: without a listener the loss still shows as a process warning.
      process.emitWarning(
        `windows-mobile-broadband: ${discarded} ${this.#options.recordKind} were discarded because delivery fell behind (${report.total} in all)`,
        { code: 'ERR_OVERFLOW' },
      );
      return;
    }
    for (const listener of listeners) {
      this.call(listener, report, this.#overflowListenerFailed);
    }
  }

  readonly #overflowListenerFailed = (thrown: unknown): void =>
    this.reportError(listenerFailedError("An 'overflow' listener", thrown));

  /** Records discarded since the emitter was made. */
  get discarded(): number {
    return this.#discarded;
  }

  ref(): void {
    this.#referenced = true;
    this.#updateKeepAlive();
  }

  unref(): void {
    this.#referenced = false;
    this.#updateKeepAlive();
  }

  /** No more data listeners; the keep-alive goes. */
  close(): void {
    this.#closed = true;
    this.#updateKeepAlive();
  }

  get closed(): boolean {
    return this.#closed;
  }

  #updateKeepAlive(): void {
    const wanted = this.#referenced && this.#demand > 0 && !this.#closed;
    if (wanted && this.#keepAlive === undefined) {
      this.#keepAlive = setInterval(() => undefined, keepAlivePeriodMs);
    } else if (!wanted && this.#keepAlive !== undefined) {
      clearInterval(this.#keepAlive);
      this.#keepAlive = undefined;
    }
  }
}

function checkListener(listener: unknown): void {
  if (typeof listener !== 'function') {
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      `A listener must be a function, got ${typeof listener}`,
    );
  }
}

/** `error` as a MobileBroadbandError: as it is, or wrapped as `ERR_WINDOWS` with a context. */
export function asMobileBroadbandError(error: unknown, context: string): MobileBroadbandError {
  if (isMobileBroadbandError(error)) return error;
  return new MobileBroadbandError('ERR_WINDOWS', `${context}: ${describeValue(error)}`, {
    cause: error,
  });
}

/** `instanceof`, which a Proxy's getPrototypeOf trap can make throw. */
function isMobileBroadbandError(error: unknown): error is MobileBroadbandError {
  try {
    return error instanceof MobileBroadbandError;
  } catch {
    return false;
  }
}
