/**
 * `mbb.esim.watch()`: typed `ESimWatcher` events.
 *
 * The backend watcher runs only while someone listens: it starts when the first listener of an
 * eSIM event is added and stops when the last is removed. A throwing or rejecting listener is
 * reported on `'error'` and never stops delivery to the others.
 *
 * @module
 */

import type { EsimBackend, EsimInfo, EsimWatchHandle, EsimWatchSink } from '../backend.js';
import { MobileBroadbandError } from '../errors.js';

/** What an `'overflow'` listener receives. */
export interface EsimOverflowInfo {
  /** Events discarded this time. */
  discarded: number;
  /** Events discarded since the watcher was made. */
  total: number;
}

/** The events of {@link EsimWatcher} and their listeners. Listeners may be async. */
export interface EsimWatcherEventMap {
  /** An eSIM appeared (during the first enumeration: every eSIM present). */
  added: (esim: EsimInfo) => unknown;
  /** An eSIM or one of its profiles changed. */
  updated: (esim: EsimInfo) => unknown;
  /** An eSIM went away (`state` is usually `'removed'`). */
  removed: (esim: EsimInfo) => unknown;
  /** The first enumeration is complete: later events are changes. */
  enumerationCompleted: () => unknown;
  /**
   * The backend watcher stopped: after the last listener was removed or `close()`, or because
   * Windows stopped it. In the last case remove the listeners and add them again to restart.
   */
  stopped: () => unknown;
  /** A listener failed (`ERR_LISTENER_FAILED`), the watcher could not start, or an event was unreadable. */
  error: (error: MobileBroadbandError) => void;
  /** Events were discarded because JavaScript fell behind the backend's bounded queue. */
  overflow: (info: EsimOverflowInfo) => void;
}

/** An event name of {@link EsimWatcher}. */
export type EsimWatcherEventName = keyof EsimWatcherEventMap;

type AnyListener = (value: never) => unknown;
type OnceWrapper = AnyListener & { listener: AnyListener };

const dataEvents: ReadonlySet<string> = new Set([
  'added',
  'updated',
  'removed',
  'enumerationCompleted',
  'stopped',
]);
const controlEvents: ReadonlySet<string> = new Set(['error', 'overflow']);

/** A long interval whose only purpose is to hold the event loop open while referenced. */
const keepAlivePeriodMs = 2 ** 30;

/**
 * Watches the eSIMs of the machine.
 *
 * @example
 * ```ts
 * import { connect } from 'windows-mobile-broadband';
 * const mbb = await connect();
 * const watcher = mbb.esim.watch();
 * watcher.on('added', (esim) => console.log('eSIM', esim.eid, esim.profiles.length, 'profiles'));
 * watcher.on('enumerationCompleted', () => console.log('that was every eSIM present'));
 * watcher.on('error', (err) => console.error(err.code, err.message));
 * // later
 * await watcher.close();
 * ```
 */
export class EsimWatcher {
  readonly #backend: EsimBackend;
  readonly #onClosed: (watcher: EsimWatcher) => void;
  readonly #listeners = new Map<string, AnyListener[]>();
  #dataListenerCount = 0;
  #discarded = 0;
  #referenced = true;
  #keepAlive: ReturnType<typeof setInterval> | undefined;
  #closed = false;
  /** Serialises start/stop of the backend watcher. */
  #lifecycle: Promise<void> = Promise.resolve();
  #handle: EsimWatchHandle | undefined;
  #wanted = false;
  readonly #sink: EsimWatchSink = {
    added: (esim) => this.#emit('added', esim),
    updated: (esim) => this.#emit('updated', esim),
    removed: (esim) => this.#emit('removed', esim),
    enumerationCompleted: () => this.#emit('enumerationCompleted'),
    stopped: () => this.#emit('stopped'),
    overflow: (discarded) => this.#overflow(discarded),
    error: (error) => this.#reportError(asError(error, 'The eSIM watcher failed')),
  };

  /** @internal Use `mbb.esim.watch()`. */
  constructor(backend: EsimBackend, onClosed: (watcher: EsimWatcher) => void) {
    this.#backend = backend;
    this.#onClosed = onClosed;
  }

  /** Adds a listener. The first listener of an eSIM event starts the backend watcher. */
  on<E extends EsimWatcherEventName>(event: E, listener: EsimWatcherEventMap[E]): this {
    this.#add(event, listener);
    return this;
  }

  /** Same as {@link EsimWatcher.on}. */
  addListener<E extends EsimWatcherEventName>(event: E, listener: EsimWatcherEventMap[E]): this {
    return this.on(event, listener);
  }

  /** Adds a listener that is removed after its first call. */
  once<E extends EsimWatcherEventName>(event: E, listener: EsimWatcherEventMap[E]): this {
    checkListener(listener);
    const wrapper = ((value: never) => {
      this.#remove(event, wrapper);
      return (listener as AnyListener)(value);
    }) as OnceWrapper;
    wrapper.listener = listener;
    this.#add(event, wrapper);
    return this;
  }

  /** Removes a listener. Removing the last listener of the eSIM events stops the backend watcher. */
  off<E extends EsimWatcherEventName>(event: E, listener: EsimWatcherEventMap[E]): this {
    this.#remove(event, listener);
    return this;
  }

  /** Same as {@link EsimWatcher.off}. */
  removeListener<E extends EsimWatcherEventName>(event: E, listener: EsimWatcherEventMap[E]): this {
    return this.off(event, listener);
  }

  /** Removes every listener of `event`, or of every event. */
  removeAllListeners(event?: EsimWatcherEventName): this {
    const events = event === undefined ? [...this.#listeners.keys()] : [event];
    for (const name of events) {
      for (const listener of [...(this.#listeners.get(name) ?? [])]) this.#remove(name, listener);
    }
    return this;
  }

  /** How many listeners `event` has. */
  listenerCount(event: EsimWatcherEventName): number {
    return this.#listeners.get(event)?.length ?? 0;
  }

  /** Keeps the process alive while eSIM listeners are attached (the default). */
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

  /** Events the backend discarded since the watcher was made (see `'overflow'`). */
  get discarded(): number {
    return this.#discarded;
  }

  /**
   * Stops the backend watcher and ends the watcher for good; listeners stay attached but
   * receive nothing more after `'stopped'`. Resolves once Windows confirmed the stop.
   */
  close(): Promise<void> {
    if (!this.#closed) {
      this.#closed = true;
      this.#wanted = false;
      this.#updateKeepAlive();
      void this.#sync();
      this.#lifecycle = this.#lifecycle.then(() => this.#onClosed(this));
    }
    return this.#lifecycle;
  }

  #add(event: string, listener: AnyListener): void {
    checkEvent(event);
    checkListener(listener);
    const isData = dataEvents.has(event);
    if (isData && this.#closed) {
      throw new MobileBroadbandError(
        'ERR_CLOSED',
        `on('${event}') after close(): this watcher is closed; call esim.watch() again`,
      );
    }
    // Copy on write: a listener that adds or removes listeners does not disturb a delivery.
    this.#listeners.set(event, [...(this.#listeners.get(event) ?? []), listener]);
    if (isData && ++this.#dataListenerCount === 1) {
      this.#wanted = true;
      this.#updateKeepAlive();
      void this.#sync();
    }
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
    if (dataEvents.has(event) && --this.#dataListenerCount === 0) {
      this.#wanted = false;
      this.#updateKeepAlive();
      void this.#sync();
    }
  }

  /** Brings the backend watcher in line with whether anyone listens, one step at a time. */
  #sync(): Promise<void> {
    this.#lifecycle = this.#lifecycle.then(async () => {
      try {
        if (this.#wanted && this.#handle === undefined && !this.#closed) {
          this.#handle = await this.#backend.watch(this.#sink);
        } else if (!this.#wanted && this.#handle !== undefined) {
          const handle = this.#handle;
          this.#handle = undefined;
          await handle.close();
        }
      } catch (error) {
        this.#reportError(asError(error, 'Starting the eSIM watcher failed'));
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

  #emit(event: string, value?: EsimInfo): void {
    const listeners = this.#listeners.get(event);
    if (listeners === undefined) return;
    for (const listener of listeners) {
      try {
        const result = (listener as (v?: EsimInfo) => unknown)(value);
        // Async listeners: a rejection is reported like a throw.
        if (result !== undefined && typeof (result as PromiseLike<unknown>).then === 'function') {
          (result as PromiseLike<unknown>).then(undefined, (error: unknown) =>
            this.#listenerFailed(error, event, value),
          );
        }
      } catch (error) {
        this.#listenerFailed(error, event, value);
      }
    }
  }

  #listenerFailed(error: unknown, event: string, esim: EsimInfo | undefined): void {
    this.#reportError(
      new MobileBroadbandError(
        'ERR_LISTENER_FAILED',
        `A listener for '${event}'${esim ? ` (eSIM ${esim.id})` : ''} failed: ${
          error instanceof Error ? error.message : String(error)
        }`,
        { cause: error, details: { event, ...(esim ? { esimId: esim.id } : {}) } },
      ),
    );
  }

  #overflow(discarded: number): void {
    this.#discarded += discarded;
    const info: EsimOverflowInfo = { discarded, total: this.#discarded };
    const listeners = this.#listeners.get('overflow');
    if (listeners === undefined) {
      // Never silent: without a listener the loss still shows as a process warning.
      process.emitWarning(
        `windows-mobile-broadband: ${discarded} eSIM events were discarded because delivery fell behind (${info.total} in all)`,
        { code: 'ERR_OVERFLOW' },
      );
      return;
    }
    for (const listener of listeners) {
      try {
        (listener as (i: EsimOverflowInfo) => void)(info);
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
}

function checkEvent(event: unknown): void {
  if (typeof event === 'string' && (dataEvents.has(event) || controlEvents.has(event))) return;
  throw new MobileBroadbandError(
    'ERR_INVALID_ARGUMENT',
    `Unknown eSIM watcher event ${JSON.stringify(event)}; expected one of: ${[...dataEvents, ...controlEvents].join(', ')}`,
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
