/**
 * The fake's virtual clock: time moves only when told to, and timers fire in time order as it
 * moves, so hours of simulated Windows run in milliseconds and every run is the same.
 *
 * @module
 */

import type { Clock, TimerHandle } from '../clock.js';
import { MobileBroadbandError } from '../errors.js';
import { describeValue } from '../events/describe-value.js';

interface Timer extends TimerHandle {
  readonly due: number;
  /** Breaks ties: timers due at the same time fire in the order they were set. */
  readonly order: number;
  readonly callback: () => void;
  /** Position in the heap, or -1 once fired or cleared. */
  index: number;
}

/** The default start: a fixed instant, so runs are identical. */
export const defaultVirtualStart = Date.UTC(2026, 0, 5, 8, 0, 0);

/**
 * A clock whose time moves only through {@link VirtualClock.advance}. Pending timers are kept
 * in a binary heap ordered by due time, then by the order they were set, so setting, clearing
 * and firing each cost O(log n) whatever number of timers is pending (tens of thousands of
 * unanswered entitlement checks, say).
 */
export class VirtualClock implements Clock {
  #now: number;
  #order = 0;
  readonly #heap: Timer[] = [];

  constructor(start: number = defaultVirtualStart) {
    if (!Number.isFinite(start)) {
      throw new MobileBroadbandError(
        'ERR_INVALID_ARGUMENT',
        `The virtual clock's start must be a finite number of ms, got ${describeValue(start)}`,
      );
    }
    this.#now = start;
  }

  now(): number {
    return this.#now;
  }

  setTimeout(callback: () => void, ms: number): TimerHandle {
    const delay = Number.isFinite(ms) && ms > 0 ? ms : 0;
    const timer: Timer = {
      due: this.#now + delay,
      order: this.#order++,
      callback,
      index: this.#heap.length,
    };
    this.#heap.push(timer);
    this.#siftUp(timer.index);
    return timer;
  }

  clearTimeout(handle: TimerHandle): void {
    const timer = handle as Partial<Timer> | undefined;
    const index = timer?.index;
    // Only a pending timer of this clock is at its index here; anything else is ignored.
    if (typeof index !== 'number' || index < 0 || this.#heap[index] !== timer) return;
    this.#removeAt(index);
  }

  /** Timers waiting to fire. */
  get pendingTimers(): number {
    return this.#heap.length;
  }

  /**
   * Moves time forward by `ms`, firing each timer that falls due, in order, with the clock set
   * to its due time. Timers set by those callbacks fire too if they fall due in the window.
   */
  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) {
      throw new MobileBroadbandError(
        'ERR_INVALID_ARGUMENT',
        `advance(ms): ms must be a non-negative number, got ${describeValue(ms)}`,
      );
    }
    const end = this.#now + ms;
    for (;;) {
      const next = this.#nextDue(end);
      if (next === undefined) break;
      this.#removeAt(0);
      this.#now = next.due;
      next.callback();
    }
    this.#now = end;
  }

  /** Moves time to `time` (ms since the epoch), firing timers on the way. */
  advanceTo(time: number): void {
    this.advance(Math.max(0, time - this.#now));
  }

  /** When the next timer falls due, if one does by `end`. */
  nextDueTime(end: number): number | undefined {
    return this.#nextDue(end)?.due;
  }

  #nextDue(end: number): Timer | undefined {
    const first = this.#heap[0];
    return first !== undefined && first.due <= end ? first : undefined;
  }

  #removeAt(index: number): void {
    const heap = this.#heap;
    const removed = heap[index]!;
    removed.index = -1;
    const last = heap.pop()!;
    if (last === removed) return;
    heap[index] = last;
    last.index = index;
    this.#siftDown(index);
    this.#siftUp(last.index);
  }

  #siftUp(index: number): void {
    const heap = this.#heap;
    const timer = heap[index]!;
    while (index > 0) {
      const parentIndex = (index - 1) >> 1;
      const parent = heap[parentIndex]!;
      if (!before(timer, parent)) break;
      heap[index] = parent;
      parent.index = index;
      index = parentIndex;
    }
    heap[index] = timer;
    timer.index = index;
  }

  #siftDown(index: number): void {
    const heap = this.#heap;
    const timer = heap[index]!;
    for (;;) {
      const left = 2 * index + 1;
      if (left >= heap.length) break;
      const right = left + 1;
      const child = right < heap.length && before(heap[right]!, heap[left]!) ? right : left;
      if (!before(heap[child]!, timer)) break;
      heap[index] = heap[child]!;
      heap[index]!.index = index;
      index = child;
    }
    heap[index] = timer;
    timer.index = index;
  }
}

/** Whether `a` fires before `b`: earlier due time, or the same and set earlier. */
function before(a: Timer, b: Timer): boolean {
  return a.due < b.due || (a.due === b.due && a.order < b.order);
}
