/**
 * What the fake keeps for a test to look at (`fake.recorded()`, `fake.entitlementAnswers()`):
 * the latest entries up to a limit, in a ring, so a long-running simulation holds a bounded
 * amount of history however many records it raises.
 *
 * @module
 * @internal
 */

import { MobileBroadbandError } from '../errors.js';

/** The default of `createFakeBackend({ recordLimit })`. */
export const defaultRecordLimit = 10_000;

/** Checks a `recordLimit`: a non-negative integer, or `Infinity` for no limit. */
export function checkRecordLimit(limit: unknown): number {
  if (limit === undefined) return defaultRecordLimit;
  if (limit === Infinity || (Number.isSafeInteger(limit) && (limit as number) >= 0)) {
    return limit as number;
  }
  throw new MobileBroadbandError(
    'ERR_INVALID_ARGUMENT',
    `createFakeBackend({ recordLimit }) must be a non-negative integer (0 keeps nothing) or Infinity (keeps everything), got ${typeof limit === 'number' ? String(limit) : typeof limit}`,
  );
}

/** The latest `limit` entries, oldest first. */
export class BoundedLog<T> {
  readonly #limit: number;
  readonly #items: T[] = [];
  /** Where the oldest entry is, once the ring is full. */
  #start = 0;
  #dropped = 0;

  constructor(limit: number) {
    this.#limit = limit;
  }

  push(item: T): void {
    if (this.#items.length < this.#limit) {
      this.#items.push(item);
      return;
    }
    this.#dropped++;
    if (this.#limit === 0) return;
    this.#items[this.#start] = item;
    // A compare, not `%`: every record the fake raises passes here once the ring is full.
    if (++this.#start === this.#limit) this.#start = 0;
  }

  /** The entries kept, oldest first (a copy). */
  toArray(): T[] {
    return [...this.#items.slice(this.#start), ...this.#items.slice(0, this.#start)];
  }

  /** The newest entry kept that satisfies `test`. */
  findLast(test: (item: T) => boolean): T | undefined {
    return this.toArray().findLast(test);
  }

  /** Entries let go to keep the limit. */
  get dropped(): number {
    return this.#dropped;
  }
}
