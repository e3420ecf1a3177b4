/**
 * Runs the fake's eSIM operations the way Windows runs `IAsyncOperation`s: never inside the
 * call that started them, progress reported in order before the end, on the fake's clock when
 * they take time, cancelled through an AbortSignal (`ERR_ABORTED`) and rejected with
 * `ERR_CLOSED` when the fake closes while they are pending.
 *
 * @module
 * @internal
 */

import type { Clock, TimerHandle } from '../clock.js';
import { MobileBroadbandError } from '../errors.js';
import { abortedError } from '../esim/esim-validation.js';

/** One simulated operation. */
export interface SimulatedOperation<T> {
  /** How long it takes on the clock; 0 completes a few microtasks later without the clock. */
  durationMs: number;
  /** Progress reports, spread evenly over the duration, the last one just before the end. */
  progressSteps?: number;
  /** Reports step `step` (1-based) of `progressSteps`. */
  onStep?: (step: number) => void;
  /** Computes the outcome at the end (and applies its effects); may throw. */
  finish: () => T;
  signal?: AbortSignal | undefined;
  /** The public call, for the ERR_ABORTED message. */
  where: string;
}

/** Ends a pending operation early: the wait rejects with `error`. */
type Interrupt = (error: Error) => void;

export class FakeEsimOperationRunner {
  readonly #clock: Clock;
  readonly #pending = new Set<Interrupt>();

  constructor(clock: Clock) {
    this.#clock = clock;
  }

  /** Operations started and not yet settled. */
  get pending(): number {
    return this.#pending.size;
  }

  async run<T>(operation: SimulatedOperation<T>): Promise<T> {
    const { signal, where } = operation;
    if (signal?.aborted) throw abortedError(where, signal);
    const steps = operation.progressSteps ?? 0;
    const slices = Math.max(steps, 1);
    let timer: TimerHandle | undefined;
    let interrupt!: Interrupt;
    const interrupted = new Promise<never>((_, reject) => (interrupt = reject));
    // Nobody may be listening when an interrupt comes after the end; that is not a failure.
    interrupted.catch(() => undefined);
    const onAbort = (): void => interrupt(abortedError(where, signal!));
    signal?.addEventListener('abort', onAbort, { once: true });
    this.#pending.add(interrupt);
    const wait = (ms: number): Promise<void> =>
      Promise.race([
        ms > 0
          ? new Promise<void>((resolve) => (timer = this.#clock.setTimeout(resolve, ms)))
          : Promise.resolve(),
        interrupted,
      ]);
    try {
      let elapsed = 0;
      for (let slice = 1; slice <= slices; slice++) {
        const due = Math.round((operation.durationMs * slice) / slices);
        await wait(due - elapsed);
        elapsed = due;
        if (slice <= steps) operation.onStep?.(slice);
      }
      // One more turn, so that the last progress report reaches the app before the end.
      await wait(0);
      return operation.finish();
    } finally {
      if (timer !== undefined) this.#clock.clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      this.#pending.delete(interrupt);
    }
  }

  /** Rejects every pending operation with `ERR_CLOSED`. */
  closeAll(): void {
    for (const interrupt of [...this.#pending]) {
      interrupt(
        new MobileBroadbandError(
          'ERR_CLOSED',
          'The fake backend closed while an eSIM operation was pending; create a new one',
        ),
      );
    }
  }
}
