/**
 * `notifications.stream()`: notifications as an async iterator, for `for await` loops.
 *
 * @module
 */

import { checkOptionsObject } from '../check-arguments.js';
import { describeKind } from '../check-arguments.js';
import { MobileBroadbandError } from '../errors.js';
import type { Notification, NotificationMap } from './notification.js';

/** Options of {@link Notifications.stream}. */
export interface StreamOptions<T extends keyof NotificationMap = keyof NotificationMap> {
  /** Only these types (default: every type). */
  types?: readonly T[];
  /** Ends the stream: the loop finishes normally (no error is thrown). */
  signal?: AbortSignal;
  /**
   * How many notifications may wait for the consumer. When a slow consumer lets more pile up,
   * the stream fails with `ERR_OVERFLOW` after the buffered ones are read: nothing is dropped
   * silently. Default 65 536.
   */
  maxBuffered?: number;
}

/** The stream's link to the hub that feeds it. */
export interface StreamHost {
  detach(stream: object): void;
}

/** An async iterator over notifications; ends on abort, `return()` or close. */
export class NotificationStream<
  N extends Notification = Notification,
> implements AsyncIterableIterator<N> {
  readonly #host: StreamHost;
  readonly #types: ReadonlySet<string> | undefined;
  readonly #maxBuffered: number;
  readonly #signal: AbortSignal | undefined;
  readonly #onAbort = (): void => this.end();
  #buffer: N[] = [];
  #head = 0;
  #waiting: { resolve: (r: IteratorResult<N>) => void; reject: (e: unknown) => void } | undefined;
  #ended = false;
  #failure: MobileBroadbandError | undefined;

  /** @internal */
  constructor(host: StreamHost, options: StreamOptions) {
    checkOptionsObject(options, 'stream()');
    this.#host = host;
    const maxBuffered = options.maxBuffered ?? 65_536;
    if (typeof maxBuffered !== 'number' || !Number.isInteger(maxBuffered) || maxBuffered < 1) {
      throw new MobileBroadbandError(
        'ERR_INVALID_ARGUMENT',
        `stream({ maxBuffered }) must be a positive integer, got ${describeKind(maxBuffered)}`,
      );
    }
    if (options.signal !== undefined && !(options.signal instanceof AbortSignal)) {
      throw new MobileBroadbandError(
        'ERR_INVALID_ARGUMENT',
        `stream({ signal }) must be an AbortSignal, got ${describeKind(options.signal)}`,
      );
    }
    this.#types = options.types === undefined ? undefined : new Set(options.types);
    this.#maxBuffered = maxBuffered;
    this.#signal = options.signal;
    if (this.#signal?.aborted) this.#ended = true;
    else this.#signal?.addEventListener('abort', this.#onAbort, { once: true });
  }

  /** True when the stream wants this notification. @internal */
  /** @internal The types it takes; `undefined` for every type. */
  get types(): ReadonlySet<string> | undefined {
    return this.#types;
  }

  accepts(notification: Notification): boolean {
    return !this.#ended && (this.#types === undefined || this.#types.has(notification.type));
  }

  /** Whether the stream still takes notifications. @internal */
  get open(): boolean {
    return !this.#ended;
  }

  /** Hands a notification to the consumer. @internal */
  push(notification: N): void {
    if (this.#ended) return;
    const waiting = this.#waiting;
    if (waiting !== undefined) {
      this.#waiting = undefined;
      waiting.resolve({ value: notification, done: false });
      return;
    }
    if (this.#buffer.length - this.#head >= this.#maxBuffered) {
      this.#failure = new MobileBroadbandError(
        'ERR_OVERFLOW',
        `The stream's consumer fell more than ${this.#maxBuffered} notifications behind; the stream stopped. Read faster or pass a larger maxBuffered.`,
        { details: { maxBuffered: this.#maxBuffered } },
      );
      this.end();
      return;
    }
    this.#buffer.push(notification);
  }

  /** Ends the stream; buffered notifications can still be read. @internal */
  end(): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#signal?.removeEventListener('abort', this.#onAbort);
    this.#host.detach(this);
    const waiting = this.#waiting;
    if (waiting !== undefined) {
      this.#waiting = undefined;
      if (this.#failure) waiting.reject(this.#failure);
      else waiting.resolve({ value: undefined, done: true });
    }
  }

  next(): Promise<IteratorResult<N>> {
    if (this.#head < this.#buffer.length) {
      const value = this.#buffer[this.#head++] as N;
      if (this.#head > 1024 && this.#head * 2 > this.#buffer.length) {
        this.#buffer = this.#buffer.slice(this.#head);
        this.#head = 0;
      }
      return Promise.resolve({ value, done: false });
    }
    if (this.#ended || this.#signal?.aborted) {
      this.end();
      const failure = this.#failure;
      this.#failure = undefined;
      return failure ? Promise.reject(failure) : Promise.resolve({ value: undefined, done: true });
    }
    if (this.#waiting !== undefined) {
      return Promise.reject(
        new MobileBroadbandError(
          'ERR_INVALID_STATE',
          'next() was called again before the previous call settled; await each call in turn',
        ),
      );
    }
    return new Promise((resolve, reject) => (this.#waiting = { resolve, reject }));
  }

  return(): Promise<IteratorResult<N>> {
    this.#buffer = [];
    this.#head = 0;
    this.#failure = undefined;
    this.end();
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}
