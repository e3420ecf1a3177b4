/**
 * One running fake `ESimWatcher`: events are queued and delivered to the sink in order, in one
 * batch on a later microtask, never inside the call that caused them, as the native backend
 * delivers them from Windows threads. Like the native queue it is bounded: data events beyond
 * the limit are discarded, counted and reported through `overflow`.
 *
 * @module
 * @internal
 */

import type { EsimInfo, EsimWatchHandle, EsimWatchSink } from '../backend.js';

type FakeRecord =
  | { kind: 'added' | 'updated' | 'removed'; esim: EsimInfo }
  | { kind: 'enumerationCompleted' | 'stopped' }
  | { kind: 'overflow'; discarded: number }
  | { kind: 'error'; error: Error };

/** A sink that threw: surfaced as an uncaught exception, as the native backend does. */
function rethrowLater(error: unknown): void {
  queueMicrotask(() => {
    throw error;
  });
}

export class FakeEsimWatch implements EsimWatchHandle {
  readonly #sink: EsimWatchSink;
  readonly #queueLimit: () => number;
  readonly #onEnded: (watch: FakeEsimWatch) => void;
  #queue: FakeRecord[] = [];
  #queuedData = 0;
  #discarded = 0;
  #scheduled = false;
  #stopping = false;
  #ended = false;
  #closing: Promise<void> | undefined;
  #resolveClosing: (() => void) | undefined;

  constructor(
    sink: EsimWatchSink,
    queueLimit: () => number,
    onEnded: (watch: FakeEsimWatch) => void,
  ) {
    this.#sink = sink;
    this.#queueLimit = queueLimit;
    this.#onEnded = onEnded;
  }

  /** Whether the watcher still takes events (not stopping or stopped). */
  get running(): boolean {
    return !this.#stopping && !this.#ended;
  }

  /** Queues an eSIM event; discarded and counted when the queue is full. */
  esim(kind: 'added' | 'updated' | 'removed', esim: EsimInfo): void {
    if (!this.running) return;
    if (this.#queuedData >= this.#queueLimit()) {
      this.#discarded++;
      return;
    }
    this.#queuedData++;
    this.#push({ kind, esim });
  }

  enumerationCompleted(): void {
    if (this.running) this.#push({ kind: 'enumerationCompleted' });
  }

  /** An event Windows failed to read, delivered in its place. */
  error(error: Error): void {
    if (this.running) this.#push({ kind: 'error', error });
  }

  close(): Promise<void> {
    this.#closing ??= new Promise<void>((resolve) => {
      if (this.#ended) {
        resolve();
        return;
      }
      this.#resolveClosing = resolve;
      this.#push({ kind: 'stopped' });
      this.#stopping = true;
    });
    return this.#closing;
  }

  #push(record: FakeRecord): void {
    if (this.#discarded > 0) {
      this.#queue.push({ kind: 'overflow', discarded: this.#discarded });
      this.#discarded = 0;
    }
    this.#queue.push(record);
    if (!this.#scheduled) {
      this.#scheduled = true;
      queueMicrotask(() => this.#drain());
    }
  }

  #drain(): void {
    this.#scheduled = false;
    const batch = this.#queue;
    this.#queue = [];
    this.#queuedData = 0;
    // Losses after the last queued event are reported with the batch that empties the queue.
    if (this.#discarded > 0) {
      batch.push({ kind: 'overflow', discarded: this.#discarded });
      this.#discarded = 0;
    }
    for (const record of batch) {
      if (this.#ended) return;
      try {
        switch (record.kind) {
          case 'added':
          case 'updated':
          case 'removed':
            this.#sink[record.kind](record.esim);
            break;
          case 'enumerationCompleted':
            this.#sink.enumerationCompleted();
            break;
          case 'overflow':
            this.#sink.overflow(record.discarded);
            break;
          case 'error':
            this.#sink.error(record.error);
            break;
          case 'stopped':
            this.#sink.stopped();
            this.#end();
            break;
        }
      } catch (error) {
        rethrowLater(error);
        if (record.kind === 'stopped') this.#end();
      }
    }
  }

  #end(): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#stopping = true;
    this.#onEnded(this);
    this.#resolveClosing?.();
  }
}
