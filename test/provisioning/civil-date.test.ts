/**
 * The integer calendar arithmetic the timestamp reader uses instead of `Date` agrees with
 * `Date.UTC` and `getUTC*` over every year a timestamp may have.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { civilFromDays, daysFromCivil } from '../../lib/provisioning/civil-date.js';

const msPerDay = 86_400_000;

describe('civil dates', () => {
  it('days from a date are what Date.UTC says', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1800, max: 10_001 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        (year, month, day) => {
          expect(daysFromCivil(year, month, day) * msPerDay).toBe(Date.UTC(year, month - 1, day));
        },
      ),
      { numRuns: 5000 },
    );
    // Leap days, and the century rules.
    for (const [year, month, day] of [
      [2000, 2, 29],
      [2024, 2, 29],
      [1900, 3, 1],
      [2100, 3, 1],
      [1970, 1, 1],
      [9999, 12, 31],
    ] as const)
      expect(daysFromCivil(year, month, day) * msPerDay).toBe(Date.UTC(year, month - 1, day));
  });

  it('the date of a day is what getUTCFullYear, getUTCMonth and getUTCDate say', () => {
    fc.assert(
      fc.property(
        fc.integer({
          min: Date.UTC(1800, 0, 1) / msPerDay,
          max: Date.UTC(10_001, 0, 1) / msPerDay,
        }),
        (days) => {
          const date = new Date(days * msPerDay);
          expect(civilFromDays(days)).toEqual({
            year: date.getUTCFullYear(),
            month: date.getUTCMonth() + 1,
            day: date.getUTCDate(),
          });
          expect(
            daysFromCivil(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()),
          ).toBe(days);
        },
      ),
      { numRuns: 5000 },
    );
  });
});
