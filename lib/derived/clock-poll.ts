/**
 * A poll of derived notifications: where Windows raises no event a process may receive (data
 * usage growing, the hotspot's state and clients), the state is read every `intervalMs` on the
 * backend's clock, and only while someone listens for a type it derives (a process that does
 * not pays no timer at all). A read finishes before the next is scheduled: reads never pile up
 * behind a slow Windows.
 *
 * @module
 */

import type { Clock, TimerHandle } from '../clock.js';

/** @internal */
export class ClockPoll {
  readonly #clock: Clock;
  readonly #intervalMs: number;
  readonly #read: () => Promise<void>;
  #timer: TimerHandle | undefined;
  #running = false;

  constructor(clock: Clock, intervalMs: number, read: () => Promise<void>) {
    this.#clock = clock;
    this.#intervalMs = intervalMs;
    this.#read = read;
  }

  /** Starts or stops the poll. */
  set running(running: boolean) {
    if (running === this.#running) return;
    this.#running = running;
    if (running) this.#schedule();
    else if (this.#timer !== undefined) {
      this.#clock.clearTimeout(this.#timer);
      this.#timer = undefined;
    }
  }

  get running(): boolean {
    return this.#running;
  }

  #schedule(): void {
    const timer = this.#clock.setTimeout(() => {
      this.#timer = undefined;
      void this.#read().finally(() => {
        if (this.#running && this.#timer === undefined) this.#schedule();
      });
    }, this.#intervalMs);
    // A poll alone never keeps the process alive: the listeners' keep-alive decides that.
    timer.unref?.();
    this.#timer = timer;
  }
}
