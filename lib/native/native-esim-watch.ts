/**
 * One native `ESimWatcher` behind an {@link EsimWatchHandle}: decodes the addon's batches into
 * sink calls and stops the watcher on close.
 *
 * @module
 * @internal
 */

import type { EsimInfo, EsimWatchHandle, EsimWatchSink } from '../backend.js';
import { esimAdvice } from '../esim/esim-errors.js';
import type { NativeAddon, NativeEsimWatcher } from './addon-types.js';
import { decodeEsimRecords, type EsimRecordHandler } from './event-records.js';
import { errorFromHresult, fromNativeError } from './hresult.js';

/** How native events are queued; see {@link NativeBackendOptions}. */
export interface NativeEventLimits {
  maxBatch: number;
  maxQueued: number;
  stopTimeoutMs: number;
}

/** A sink that threw: surfaced as an uncaught exception, after the batch is delivered. */
function rethrowLater(error: unknown): void {
  queueMicrotask(() => {
    throw error;
  });
}

export class NativeEsimWatch implements EsimWatchHandle {
  readonly #sink: EsimWatchSink;
  readonly #limits: NativeEventLimits;
  readonly #onEnded: () => void;
  #native: NativeEsimWatcher | undefined;
  #ended = false;
  #closing: Promise<void> | undefined;
  #resolveClosing: (() => void) | undefined;
  #stopTimer: ReturnType<typeof setTimeout> | undefined;

  readonly #handler: EsimRecordHandler = {
    esim: (kind, esim) => this.#call(kind, esim),
    enumerationCompleted: () => this.#call('enumerationCompleted'),
    stopped: () => {
      this.#call('stopped');
      this.#end();
    },
    overflow: (discarded) => this.#call('overflow', discarded),
    error: (hresult, call, esimId) =>
      this.#call(
        'error',
        errorFromHresult(hresult, call, {
          operation:
            esimId === undefined
              ? 'Reading an eSIM event'
              : 'Reading an eSIM (delivered with the fields that could be read)',
          advice: esimAdvice,
          details: esimId === undefined ? undefined : { esimId, partial: true },
        }),
      ),
  };

  /**
   * Creates and starts the watcher; `null` when Windows gives no watcher (not authorized).
   * Both steps run on the addon's MTA thread; nothing here waits on Windows.
   */
  static async start(
    addon: NativeAddon,
    sink: EsimWatchSink,
    limits: NativeEventLimits,
    onEnded: () => void,
  ): Promise<NativeEsimWatch | null> {
    const operation = 'Starting an eSIM watcher';
    const watch = new NativeEsimWatch(sink, limits, onEnded);
    let native: NativeEsimWatcher | null;
    try {
      native = await addon.esim.createWatcher(
        (words, text) => watch.#onBatch(words, text),
        limits.maxBatch,
        limits.maxQueued,
      ).promise;
    } catch (error) {
      throw fromNativeError(error, { operation, advice: esimAdvice });
    }
    if (native === null) return null;
    watch.#native = native;
    try {
      await native.start().promise;
    } catch (error) {
      watch.#ended = true;
      native.close();
      throw fromNativeError(error, { operation, advice: esimAdvice });
    }
    return watch;
  }

  private constructor(sink: EsimWatchSink, limits: NativeEventLimits, onEnded: () => void) {
    this.#sink = sink;
    this.#limits = limits;
    this.#onEnded = onEnded;
  }

  /** Data records the addon discarded so far (its bounded queue was full). */
  get discarded(): number {
    return this.#native?.discarded() ?? 0;
  }

  close(): Promise<void> {
    this.#closing ??= new Promise<void>((resolve) => {
      if (this.#ended) {
        resolve();
        return;
      }
      this.#resolveClosing = resolve;
      try {
        // Windows answers with Stopped, which ends the watch (#end).
        this.#native?.stop();
      } catch (error) {
        this.#call(
          'error',
          fromNativeError(error, { operation: 'Stopping an eSIM watcher', advice: esimAdvice }),
        );
        this.#call('stopped');
        this.#end();
        return;
      }
      // A Windows that never answers must not hang close(): give up waiting, say stopped. The
      // timer is referenced on purpose: it keeps the process alive until the stop is confirmed.
      this.#stopTimer = setTimeout(() => {
        if (this.#ended) return;
        this.#call('stopped');
        this.#end();
      }, this.#limits.stopTimeoutMs);
    });
    return this.#closing;
  }

  #onBatch(words: Int32Array, text: string): void {
    if (this.#ended) return;
    decodeEsimRecords(words, text, this.#handler);
  }

  #call(method: 'added' | 'updated' | 'removed', esim: EsimInfo): void;
  #call(method: 'enumerationCompleted' | 'stopped'): void;
  #call(method: 'overflow', discarded: number): void;
  #call(method: 'error', error: Error): void;
  #call(method: keyof EsimWatchSink, argument?: unknown): void {
    if (this.#ended) return;
    try {
      (this.#sink[method] as (value?: unknown) => void)(argument);
    } catch (error) {
      rethrowLater(error);
    }
  }

  /** The watcher stopped: release the native object and everything it holds. */
  #end(): void {
    if (this.#ended) return;
    this.#ended = true;
    if (this.#stopTimer !== undefined) clearTimeout(this.#stopTimer);
    this.#native?.close();
    this.#native = undefined;
    this.#onEnded();
    this.#resolveClosing?.();
  }
}
