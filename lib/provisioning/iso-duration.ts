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

/** Parses an ISO 8601 duration; throws ERR_INVALID_ARGUMENT for anything else or a zero one. */
export function parseIsoDuration(text: string): IsoDuration {
  const match = pattern.exec(text);
  if (match === null || text === 'P' || text.endsWith('T')) {
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      `${JSON.stringify(text.slice(0, 40))} is not an ISO 8601 duration such as P1M, P30D or PT12H`,
    );
  }
  const n = (i: number): number => Number(match[i] ?? 0);
  const duration: IsoDuration = {
    years: n(1),
    months: n(2),
    milliseconds: ((((n(3) * 7 + n(4)) * 24 + n(5)) * 60 + n(6)) * 60 + n(7)) * 1000,
  };
  if (duration.years === 0 && duration.months === 0 && duration.milliseconds === 0) {
    throw new MobileBroadbandError('ERR_INVALID_ARGUMENT', `The duration ${text} is zero`);
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
