/**
 * A plan's billing cycle on the fake's clock (Plans schema `BillingCycle`: StartDate, Duration,
 * Resets): at the end of each cycle whose plan resets, local usage goes back to zero and Windows
 * raises DataPlanReset (4).
 *
 * @module
 */

import type { TimerHandle } from '../clock.js';
import { MobileBroadbandError } from '../errors.js';
import { checkInstant } from '../time-values.js';
import type { FakeContext } from './fake-context.js';
import {
  addIsoDuration,
  parseIsoDuration,
  type IsoDuration,
} from '../provisioning/iso-duration.js';

/** A billing cycle. */
export interface BillingCycle {
  /** When the first cycle started (ms since the epoch, or a Date), in the years 1900–9999. */
  start: number | Date;
  /** ISO 8601 duration of one cycle (`P1M`, `P30D`), from PT1H to P100Y. */
  duration: string;
  /** Whether usage resets at the end of each cycle (the schema's default: true). */
  resets?: boolean;
}

/** @internal Schedules the resets of one billing cycle. */
export class FakeBillingCycle {
  readonly #context: FakeContext;
  readonly #onReset: () => void;
  #timer: TimerHandle | undefined;
  #nextEnd: number | undefined;

  constructor(context: FakeContext, onReset: () => void) {
    this.#context = context;
    this.#onReset = onReset;
  }

  /** Replaces the cycle (or removes it with `undefined`). */
  set(cycle: BillingCycle | undefined): void {
    this.clear();
    if (cycle === undefined) return;
    if (typeof cycle !== 'object' || cycle === null)
      throw new MobileBroadbandError(
        'ERR_INVALID_ARGUMENT',
        'a billing cycle must be an object { start, duration, resets? }',
      );
    if (cycle.resets !== undefined && typeof cycle.resets !== 'boolean')
      throw new MobileBroadbandError(
        'ERR_INVALID_ARGUMENT',
        'billingCycle.resets must be a boolean',
      );
    // Checked even when the cycle does not reset: a bad cycle is a bad argument either way.
    const start = checkInstant(cycle.start, 'billingCycle.start');
    const duration = parseIsoDuration(cycle.duration);
    if (cycle.resets === false) return;
    this.#schedule(start, duration, this.#firstEndAfter(start, duration));
  }

  clear(): void {
    if (this.#timer !== undefined) this.#context.clock.clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#nextEnd = undefined;
  }

  /** When the current cycle ends (`DataPlanStatus.NextBillingCycle`), if a cycle resets. */
  get nextEnd(): number | undefined {
    return this.#nextEnd;
  }

  /** The number of the first cycle that ends after now. */
  #firstEndAfter(start: number, duration: IsoDuration): number {
    const now = this.#context.clock.now();
    let n = 1;
    // Cycles are calendar-based (months differ in length), so step rather than divide; a
    // guess from the average length keeps long histories cheap.
    const approx = addIsoDuration(start, duration) - start;
    if (now > start && approx > 0) n = Math.max(1, Math.floor((now - start) / approx) - 1);
    while (addIsoDuration(start, duration, n) <= now) n++;
    return n;
  }

  #schedule(start: number, duration: IsoDuration, n: number): void {
    const end = addIsoDuration(start, duration, n);
    this.#nextEnd = end;
    this.#timer = this.#context.clock.setTimeout(() => {
      this.#onReset();
      this.#schedule(start, duration, n + 1);
    }, end - this.#context.clock.now());
  }
}
