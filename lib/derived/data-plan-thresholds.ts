/**
 * The DataPlanThresholdReached rule of the MobileOperatorNotification documents (Windows 8.1
 * and later), written once for Windows' own events on the fake and for derived notifications on
 * every backend:
 *
 * - Raised when local usage has grown, since the last such event, by at least 5 % of the plan's
 *   limit (home network, limit set), 100 MB (home network, no limit), or 5 MB (roaming or
 *   partner network; the limit does not apply there).
 * - One event per observation, however many steps the usage crossed; the next step counts from
 *   the usage at that event.
 * - A correction of the counter (an operator message's usage, a billing reset, a new plan)
 *   re-bases the steps: it is not traffic.
 *
 * @module
 */

/** One megabyte as Windows counts data plans (`DataLimitInMegabytes`, `MegabytesUsed`). */
export const megabyte = 2 ** 20;

/** Steps of the threshold rule, in bytes. */
export const thresholdSteps = {
  /** Fraction of the limit at home. */
  homeLimitFraction: 0.05,
  /** Home network, no limit. */
  homeUnlimited: 100 * megabyte,
  /** Roaming or partner network, limit ignored. */
  roaming: 5 * megabyte,
} as const;

/** The step that applies, in bytes. */
export function thresholdStep(limitBytes: number | undefined, roaming: boolean): number {
  if (roaming) return thresholdSteps.roaming;
  if (limitBytes !== undefined) return limitBytes * thresholdSteps.homeLimitFraction;
  return thresholdSteps.homeUnlimited;
}

/** Where the next threshold step counts from. */
export class DataPlanThresholds {
  /** Usage at the last threshold event (or at the last re-base). */
  #baseline: number;

  constructor(usedBytes = 0) {
    this.#baseline = usedBytes;
  }

  /** Usage the next step counts from. */
  get baseline(): number {
    return this.#baseline;
  }

  /** Counts from `usedBytes` from now on (a correction, a reset, a new plan). */
  rebase(usedBytes: number): void {
    this.#baseline = usedBytes;
  }

  /** Usage now `usedBytes`: whether a threshold event is due (and if so, counts from here). */
  reached(usedBytes: number, limitBytes: number | undefined, roaming: boolean): boolean {
    if (usedBytes - this.#baseline < thresholdStep(limitBytes, roaming)) return false;
    this.#baseline = usedBytes;
    return true;
  }
}
