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

  it('places a year-less date at its most recent occurrence, as the documents say', () => {
    // 20 December, when it is 10 January 2026: last December.
    expect(read('%I:%M%p on %d %b', '08:00AM on 20 Dec')).toBe('2025-12-20T08:00:00.000Z');
    // 11 January is tomorrow: its most recent occurrence was a year ago (the nearest date,
    // which this package took before, would have been tomorrow).
    expect(read('%I:%M%p on %d %b', '08:00AM on 11 Jan')).toBe('2025-01-11T08:00:00.000Z');
    expect(
      read('%d %b', '02 Jan', { referenceTime: Date.UTC(2025, 11, 30), utcOffsetMinutes: 0 }),
    ).toBe('2025-01-02T00:00:00.000Z');
    // The reference day itself is this year's occurrence, whatever the time of day.
    expect(read('%d %b', '10 Jan')).toBe('2026-01-10T00:00:00.000Z');
    expect(read('%H:%M %d %b', '23:59 10 Jan')).toBe('2026-01-10T23:59:00.000Z');
    // 29 February: the last leap year whose 29 February has passed.
    expect(read('%d %b', '29 Feb')).toBe('2024-02-29T00:00:00.000Z');
    const mar2024 = { referenceTime: Date.UTC(2024, 2, 1), utcOffsetMinutes: 0 };
    expect(read('%d %b', '29 Feb', mar2024)).toBe('2024-02-29T00:00:00.000Z');
    const feb2024 = { referenceTime: Date.UTC(2024, 1, 28), utcOffsetMinutes: 0 };
    expect(read('%d %b', '29 Feb', feb2024)).toBe('2020-02-29T00:00:00.000Z');
    // 1900 is no leap year: from 1903, the last 29 February is 1896's.
    const y1903 = { referenceTime: Date.UTC(1903, 5, 1), utcOffsetMinutes: 0 };
    expect(read('%d %b', '29 Feb', y1903)).toBe('1896-02-29T00:00:00.000Z');
    // A date no year has.
    expect(compileTimestampFormat('%d %b').parse('30 Feb', utc)).toEqual({
      ok: false,
      reason: 'month 2 has no day 30',
    });
  });

  it('takes the reference date in the operator’s zone', () => {
    // 23:30 UTC on 9 January is already 10 January in UTC+1: "10.01." is today there.
    const late = { referenceTime: Date.UTC(2026, 0, 9, 23, 30), utcOffsetMinutes: 60 };
    expect(read('%H:%M %d.%m.', '00:15 10.01.', late)).toBe('2026-01-09T23:15:00.000Z');
    // Read as UTC, the same text is a day ahead of 9 January: a year back.
    expect(read('%H:%M %d.%m.', '00:15 10.01.', { ...late, utcOffsetMinutes: 0 })).toBe(
      '2025-01-10T00:15:00.000Z',
    );
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
    expect(read('100%% at %d %b', '100% at 7 Mar')).toBe('2025-03-07T00:00:00.000Z');
    const tokens = { ...utc, amToken: 'vorm.', pmToken: 'nachm.' };
    expect(read('%d.%m. %I:%M %p', '07.01. 03:00 nachm.', tokens)).toBe('2026-01-07T15:00:00.000Z');
  });

  it('month names: full or three letters, any case, ending where the name ends', () => {
    const names = [
      'Jan',
      'FEBRUARY',
      'mar',
      'April',
      'MAY',
      'june',
      'Jul',
      'aUgUsT',
      'Sep',
      'Oct',
      'November',
      'dec',
    ];
    names.forEach((name, index) =>
      expect(read('%d %b %Y', `01 ${name} 2025`)).toBe(
        new Date(Date.UTC(2025, index, 1)).toISOString(),
      ),
    );
    expect(read('%d %b%Y', '01 Mar2025')).toBe('2025-03-01T00:00:00.000Z');
    // Not a month name: too short, too long, a prefix of a longer word, or followed by a
    // letter that only Unicode case-folds to ASCII (the Kelvin sign is a k in lower case).
    for (const text of [
      '01 Ma 2025',
      '01 Sept 2025',
      '01 Marching 2025',
      '01 Janu 2025',
      '01 Mar\u212a 2025',
      '01 Septembers 2025',
    ])
      expect(compileTimestampFormat('%d %b %Y').parse(text, utc), text).toMatchObject({
        ok: false,
        reason: 'expected a month name at character 4',
      });
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
