/**
 * `connect({ derived })`: how derived notifications are made.
 *
 * @module
 */

import { describeKind } from '../check-arguments.js';
import { MobileBroadbandError } from '../errors.js';
import { defaultDataPlanPollMs } from './data-plan-poll.js';

/** Options of derived notifications (a process without Windows' own operator events). */
export interface DerivedOptions {
  /**
   * How often the data plan is read while someone listens for a data-plan type, in ms
   * (default 60 000, the interval Windows 8 itself used; 1 000 to 86 400 000). No listener for
   * a data-plan type, no reads at all.
   */
  dataPlanPollMs?: number;
}

const minPollMs = 1_000;
const maxPollMs = 86_400_000;

/** The poll interval `connect()` passes to the backend. */
export function dataPlanPollMsOf(options: DerivedOptions | undefined): number {
  if (options === undefined) return defaultDataPlanPollMs;
  if (typeof options !== 'object' || options === null || Array.isArray(options))
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      `connect({ derived }) must be an object, got ${describeKind(options)}`,
    );
  const ms = options.dataPlanPollMs;
  if (ms === undefined) return defaultDataPlanPollMs;
  if (typeof ms !== 'number' || !Number.isInteger(ms) || ms < minPollMs || ms > maxPollMs)
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      `connect({ derived: { dataPlanPollMs } }) must be a whole number of ms from ${minPollMs} to ${maxPollMs}, got ${describeKind(ms)}`,
    );
  return ms;
}
