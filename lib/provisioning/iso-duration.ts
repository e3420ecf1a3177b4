/**
 * ISO 8601 durations (`P1M`, `P30D`, `PT12H`), as the Plans schema's BillingCycle/@Duration
 * gives them, added to an instant in UTC.
 *
 * @module
 */

import { MobileBroadbandError } from '../errors.js';

/** A parsed duration. Calendar parts (years, months) are kept apart from exact ones. */
export interface IsoDuration {
  years: number;
  months: number;
  /** Days, hours, minutes and seconds, in milliseconds. */
  milliseconds: number;
}

const pattern =
  /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/**
 * The shortest duration accepted: one hour. A billing cycle resets the usage and raises a
 * notification at each end, so a shorter one floods (a billionth of a second locked the fake
 * in a loop).
 */
export const minIsoDurationMs = 3_600_000;
/** The longest duration accepted: 100 years (as months, or as 36,525 days). */
export const maxIsoDurationYears = 100;
const maxMonths = maxIsoDurationYears * 12;
const maxMs = maxIsoDurationYears * 365.25 * 86_400_000;
const range = `from PT1H to P${maxIsoDurationYears}Y`;

/**
 * Parses an ISO 8601 duration from one hour to 100 years; throws ERR_INVALID_ARGUMENT for
 * anything else, with the allowed range.
 */
export function parseIsoDuration(text: string): IsoDuration {
  const match = typeof text === 'string' && text.length <= 64 ? pattern.exec(text) : null;
  if (match === null || text === 'P' || text.endsWith('T')) {
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      `${typeof text === 'string' ? JSON.stringify(text.slice(0, 40)) : 'a non-string'} is not an ISO 8601 duration such as P1M, P30D or PT12H`,
    );
  }
  const n = (i: number): number => Number(match[i] ?? 0);
  const duration: IsoDuration = {
    years: n(1),
    months: n(2),
    milliseconds: ((((n(3) * 7 + n(4)) * 24 + n(5)) * 60 + n(6)) * 60 + n(7)) * 1000,
  };
  const months = duration.years * 12 + duration.months;
  const tooShort = months === 0 && duration.milliseconds < minIsoDurationMs;
  const tooLong =
    months > maxMonths || duration.milliseconds + (months * maxMs) / maxMonths > maxMs;
  if (tooShort || tooLong || !Number.isFinite(duration.milliseconds)) {
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      `The duration ${text} is too ${tooShort ? 'short' : 'long'}: a duration must be ${range}`,
      { details: { min: 'PT1H', max: `P${maxIsoDurationYears}Y` } },
    );
  }
  return duration;
}

/** `time` plus `count` times `duration`, with calendar months in UTC (31 Jan + P1M = 28/29 Feb). */
export function addIsoDuration(time: number, duration: IsoDuration, count = 1): number {
  const date = new Date(time);
  const months = (duration.years * 12 + duration.months) * count;
  if (months !== 0) {
    const day = date.getUTCDate();
    date.setUTCDate(1);
    date.setUTCMonth(date.getUTCMonth() + months);
    const lastDay = new Date(
      Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0),
    ).getUTCDate();
    date.setUTCDate(Math.min(day, lastDay));
  }
  return date.getTime() + duration.milliseconds * count;
}
