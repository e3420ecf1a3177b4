/**
 * `connect({ derived })`: how derived notifications are made.
 *
 * @module
 */

import { describeKind } from '../check-arguments.js';
import { MobileBroadbandError } from '../errors.js';

/** The data-plan poll's interval when `connect({ derived: { dataPlanPollMs } })` does not say. */
export const defaultDataPlanPollMs = 60_000;

/** The hotspot poll's interval when `connect({ derived: { hotspotPollMs } })` does not say. */
export const defaultHotspotPollMs = 5_000;

/** Options of derived notifications (a process without Windows' own operator events). */
export interface DerivedOptions {
  /**
   * How often the data plan is read while someone listens for a data-plan type, in ms
   * (default 60 000, the interval Windows 8 itself used; 1 000 to 86 400 000). No listener for
   * a data-plan type, no reads at all.
   */
  dataPlanPollMs?: number;
  /**
   * How often the hotspot's state and client count are read while someone listens for
   * `tetheringOperationalStateChanged` or `tetheringNumberOfClientsChanged`, in ms (default
   * 5 000; 1 000 to 86 400 000). A change that comes and goes between two reads is not seen.
   */
  hotspotPollMs?: number;
}

/** The poll intervals `connect()` passes to the backend. */
export interface DerivedPolls {
  dataPlanPollMs: number;
  hotspotPollMs: number;
}

const minPollMs = 1_000;
const maxPollMs = 86_400_000;

function pollMs(options: DerivedOptions, name: keyof DerivedOptions, fallback: number): number {
  const ms = options[name];
  if (ms === undefined) return fallback;
  if (typeof ms !== 'number' || !Number.isInteger(ms) || ms < minPollMs || ms > maxPollMs)
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      `connect({ derived: { ${name} } }) must be a whole number of ms from ${minPollMs} to ${maxPollMs}, got ${describeKind(ms)}`,
    );
  return ms;
}

/** Checks `connect({ derived })` and fills in the defaults. */
export function derivedPollsOf(options: DerivedOptions | undefined): DerivedPolls {
  if (options === undefined)
    return { dataPlanPollMs: defaultDataPlanPollMs, hotspotPollMs: defaultHotspotPollMs };
  if (typeof options !== 'object' || options === null || Array.isArray(options))
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      `connect({ derived }) must be an object, got ${describeKind(options)}`,
    );
  return {
    dataPlanPollMs: pollMs(options, 'dataPlanPollMs', defaultDataPlanPollMs),
    hotspotPollMs: pollMs(options, 'hotspotPollMs', defaultHotspotPollMs),
  };
}
