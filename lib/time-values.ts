/**
 * Range checks for the times users give: timeouts, instants and ISO 8601 date-times. Each
 * value is checked where it enters, so no later arithmetic meets NaN, a timer that Node fires
 * at once, or a date that rolled over.
 *
 * @module
 * @internal
 */

import { describeKind } from './check-arguments.js';
import { MobileBroadbandError, type ErrorCode } from './errors.js';

/**
 * The longest delay a Node timer keeps: 2³¹−1 ms (about 24.8 days). Node fires a longer one
 * after 1 ms, with only a warning.
 */
export const maxTimerDelayMs = 2 ** 31 - 1;

/** The years an instant may fall in: what a four-digit year can say, and no earlier than 1900. */
export const minYear = 1900;
export const maxYear = 9999;
const minInstant = Date.UTC(minYear, 0, 1);
const maxInstant = Date.UTC(maxYear, 11, 31, 23, 59, 59, 999);

/** A timer delay in ms: a finite number from 0 to {@link maxTimerDelayMs}. */
export function checkTimerDelay(
  value: unknown,
  name: string,
  code: ErrorCode = 'ERR_INVALID_ARGUMENT',
): number {
  if (typeof value !== 'number' || !(value >= 0 && value <= maxTimerDelayMs))
    throw new MobileBroadbandError(
      code,
      `${name} must be a number of milliseconds from 0 to ${maxTimerDelayMs} (about 24.8 days), got ${describeKind(value)}`,
      { details: { min: 0, max: maxTimerDelayMs } },
    );
  return value;
}

/**
 * An instant given as a Date or ms since the epoch: a valid one (not an Invalid Date, not NaN)
 * in the years {@link minYear}–{@link maxYear}. Returns ms since the epoch.
 */
export function checkInstant(
  value: unknown,
  name: string,
  code: ErrorCode = 'ERR_INVALID_ARGUMENT',
): number {
  const time =
    value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Number.NaN;
  if (!(time >= minInstant && time <= maxInstant))
    throw new MobileBroadbandError(
      code,
      `${name} must be a valid Date (or ms since the epoch) in the years ${minYear} to ${maxYear}, got ${
        value instanceof Date && !Number.isNaN(time) ? value.toISOString() : describeKind(value)
      }`,
      {
        details: {
          min: new Date(minInstant).toISOString(),
          max: new Date(maxInstant).toISOString(),
        },
      },
    );
  return time;
}

const isoDateTime =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * Reads an ISO 8601 date and time (`2026-01-01T00:00:00Z`; without a zone, UTC) strictly: a
 * day that its month does not have (30 February), hour 24 or minute 60 is refused, never
 * rolled over. Returns ms since the epoch, or why the text is not a date-time.
 */
export function parseIsoDateTime(text: string): number | string {
  const match = isoDateTime.exec(text);
  if (match === null) return 'not an ISO 8601 date and time such as 2026-01-01T00:00:00Z';
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((n) => Number(n ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (year < minYear) return `the year ${year} is before ${minYear}`;
  if (month < 1 || month > 12) return `the month ${month} is not 1 to 12`;
  if (day < 1 || day > daysInMonth(year, month)) return `${year}-${pad(month)} has no day ${day}`;
  if (hour > 23 || minute > 59 || second > 59)
    return `${pad(hour)}:${pad(minute)}:${pad(second)} is not a time of day`;
  const zone = match[8] ?? 'Z';
  const offset =
    zone === 'Z'
      ? 0
      : (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  if (Math.abs(offset) > 14 * 60) return `the zone ${zone} is not from -14:00 to +14:00`;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, Math.floor(Number(match[7] ?? 0) * 1000));
  return date.getTime() - offset * 60_000;
}

const monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The days of `month` (1 to 12) in `year` of the Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : monthDays[month - 1]!;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
