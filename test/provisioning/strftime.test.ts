import { describe, expect, it } from 'vitest';
import { isMobileBroadbandError } from '../../lib/errors.js';
import { compileTimestampFormat } from '../../lib/provisioning/index.js';
import { thrown } from './fixtures.js';

const jan10 = Date.UTC(2026, 0, 10, 12, 0);
const utc = { referenceTime: jan10, utcOffsetMinutes: 0 };

function read(format: string, text: string, context = utc): string {
  const result = compileTimestampFormat(format).parse(text, context);
  if (!result.ok) throw new Error(result.reason);
  return result.date.toISOString();
}

describe('the documents’ format %I:%M%p on %d %b', () => {
  it('reads 12-hour times with AM/PM in any case, and month names', () => {
    expect(read('%I:%M%p on %d %b', '10:30PM on 05 Jan')).toBe('2026-01-05T22:30:00.000Z');
    expect(read('%I:%M%p on %d %b', '9:05am on 5 jan')).toBe('2026-01-05T09:05:00.000Z');
    expect(read('%I:%M%p on %d %b', '12:00AM on 01 January')).toBe('2026-01-01T00:00:00.000Z');
    expect(read('%I:%M%p on %d %b', '12:15PM on 1 JAN')).toBe('2026-01-01T12:15:00.000Z');
  });

  it('places a year-less date in the year nearest the reference time', () => {
    // 20 December is nearer in 2025 than in 2026 when it is 10 January 2026.
    expect(read('%I:%M%p on %d %b', '08:00AM on 20 Dec')).toBe('2025-12-20T08:00:00.000Z');
    // Slightly in the future (a clock off by a day) stays in this year.
    expect(read('%I:%M%p on %d %b', '08:00AM on 11 Jan')).toBe('2026-01-11T08:00:00.000Z');
    expect(
      read('%d %b', '02 Jan', { referenceTime: Date.UTC(2025, 11, 30), utcOffsetMinutes: 0 }),
    ).toBe('2026-01-02T00:00:00.000Z');
    // 29 February takes the nearest leap year.
    expect(read('%d %b', '29 Feb')).toBe('2024-02-29T00:00:00.000Z');
  });

  it('reads times in the operator’s zone when told its UTC offset', () => {
    expect(
      read('%H:%M %d.%m.', '23:30 04.01.', { referenceTime: jan10, utcOffsetMinutes: 60 }),
    ).toBe('2026-01-04T22:30:00.000Z');
  });
});

describe('other directives', () => {
  it('%Y %m %d %H %M %S, %y, %e, %#d, %B and AmToken/PmToken', () => {
    expect(read('%Y-%m-%d %H:%M:%S', '2025-03-07 08:09:10')).toBe('2025-03-07T08:09:10.000Z');
    expect(read('%d/%m/%y', '07/03/25')).toBe('2025-03-07T00:00:00.000Z');
    expect(read('%d/%m/%y', '07/03/99')).toBe('1999-03-07T00:00:00.000Z');
    expect(read('%e %B %Y', ' 7 March 2025')).toBe('2025-03-07T00:00:00.000Z');
    expect(read('%#d.%#m.%Y %#H:%M', '7.3.2025 8:05')).toBe('2025-03-07T08:05:00.000Z');
    expect(read('100%% at %d %b', '100% at 7 Mar')).toBe('2026-03-07T00:00:00.000Z');
    const tokens = { ...utc, amToken: 'vorm.', pmToken: 'nachm.' };
    expect(read('%d.%m. %I:%M %p', '07.01. 03:00 nachm.', tokens)).toBe('2026-01-07T15:00:00.000Z');
  });

  it('says why a text does not fit', () => {
    const format = compileTimestampFormat('%I:%M%p on %d %b');
    expect(format.parse('10:30PM', utc)).toEqual({
      ok: false,
      reason: 'expected "on" at character 8',
    });
    expect(format.parse('13:30PM on 05 Jan', utc)).toMatchObject({
      ok: false,
      reason: /hour 13 is out of range/,
    });
    expect(format.parse('10:30PM on 31 Feb', utc)).toMatchObject({
      ok: false,
      reason: /month 2 has no day 31/,
    });
    expect(format.parse('10:30PM on 05 Jan!', utc)).toMatchObject({
      ok: false,
      reason: /unexpected "!"/,
    });
    expect(compileTimestampFormat('%Y-%m-%d').parse('2025-02-29', utc)).toMatchObject({
      ok: false,
    });
  });

  it('refuses formats it cannot read', () => {
    for (const [format, reason] of [
      ['%d %Q', /unknown directive %Q/],
      ['%H:%M', /needs a month .* and a day/],
      ['%d %m %d', /the day appears twice/],
      ['%d %m %', /ends with a lone %/],
    ] as const) {
      const error = thrown(() => compileTimestampFormat(format));
      expect(isMobileBroadbandError(error, 'ERR_INVALID_ARGUMENT')).toBe(true);
      expect(error.message).toMatch(reason);
    }
  });
});
