/**
 * The fake's virtual clock: time moves only when told to, and timers fire in time order as it
 * moves, so hours of simulated Windows run in milliseconds and every run is the same.
 *
 * @module
 */

import type { Clock, TimerHandle } from '../clock.js';
import { MobileBroadbandError } from '../errors.js';

interface Timer extends TimerHandle {
  readonly due: number;
  readonly order: number;
  readonly callback: () => void;
}

/** The default start: a fixed instant, so runs are identical. */
export const defaultVirtualStart = Date.UTC(2026, 0, 5, 8, 0, 0);

/** A clock whose time moves only through {@link VirtualClock.advance}. */
export class VirtualClock implements Clock {
  #now: number;
  #order = 0;
  #timers: Timer[] = [];

  constructor(start: number = defaultVirtualStart) {
    if (!Number.isFinite(start)) {
      throw new MobileBroadbandError(
        'ERR_INVALID_ARGUMENT',
        `The virtual clock's start must be a finite number of ms, got ${String(start)}`,
      );
    }
    this.#now = start;
  }

  now(): number {
    return this.#now;
  }

  setTimeout(callback: () => void, ms: number): TimerHandle {
    const delay = Number.isFinite(ms) && ms > 0 ? ms : 0;
    const timer: Timer = { due: this.#now + delay, order: this.#order++, callback };
    this.#timers.push(timer);
    return timer;
  }

  clearTimeout(handle: TimerHandle): void {
    const index = this.#timers.indexOf(handle as Timer);
    if (index >= 0) this.#timers.splice(index, 1);
  }

  /** Timers waiting to fire. */
  get pendingTimers(): number {
    return this.#timers.length;
  }

  /**
   * Moves time forward by `ms`, firing each timer that falls due, in order, with the clock set
   * to its due time. Timers set by those callbacks fire too if they fall due in the window.
   */
  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) {
      throw new MobileBroadbandError(
        'ERR_INVALID_ARGUMENT',
        `advance(ms): ms must be a non-negative number, got ${String(ms)}`,
      );
    }
    const end = this.#now + ms;
    for (;;) {
      const next = this.#nextDue(end);
      if (next === undefined) break;
      this.#timers.splice(this.#timers.indexOf(next), 1);
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
    let best: Timer | undefined;
    for (const timer of this.#timers) {
      if (timer.due > end) continue;
      if (
        best === undefined ||
        timer.due < best.due ||
        (timer.due === best.due && timer.order < best.order)
      ) {
        best = timer;
      }
    }
    return best;
  }
}
