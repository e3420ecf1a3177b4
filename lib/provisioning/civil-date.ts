/**
 * Days since the epoch from a date of the proleptic Gregorian calendar and back, in integer
 * arithmetic: what `Date.UTC` and `getUTCFullYear()`/`getUTCMonth()`/`getUTCDate()` give, with
 * no `Date` made on the way (reading a message's timestamp made three).
 *
 * The era arithmetic of H. Hinnant's "chrono-Compatible Low-Level Date Algorithms": a 400-year
 * era has 146 097 days, and counting years from 1 March puts the leap day last.
 *
 * @module
 * @internal
 */

const daysPerEra = 146_097;
/** Days from 0000-03-01 to 1970-01-01. */
const epochShift = 719_468;

/** Days since 1970-01-01 of `year`-`month`-`day` (month 1–12, day 1–31, already valid). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * daysPerEra + dayOfEra - epochShift;
}

/** A calendar date: year, month 1–12, day 1–31. */
export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/** The date `days` days after 1970-01-01. */
export function civilFromDays(days: number): CivilDate {
  const z = days + epochShift;
  const era = Math.floor(z / daysPerEra);
  const dayOfEra = z - era * daysPerEra;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return {
    year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0),
    month,
    day: dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1,
  };
}
