/**
 * TP-SCTS, the time the service centre received the message (3GPP TS 23.040 §9.2.3.11): seven
 * semi-octet pairs YY MM DD hh mm ss TZ in local time, the time zone in quarters of an hour,
 * its sign in bit 3 of the last octet.
 *
 * @module
 */

import type { ByteReader } from './byte-reader.js';
import { invalidPdu } from './invalid-pdu.js';
import { daysInMonth } from '../time-values.js';

/** A decoded service centre time stamp. */
export interface ServiceCentreTimestamp {
  /** The instant (UTC), local time minus the offset. */
  readonly timestamp: Date;
  /** The service centre's offset from UTC in minutes (`+120` for UTC+2). */
  readonly timeZoneOffsetMinutes: number;
}

/**
 * Two-digit years: 90–99 are 1990–1999 (GSM SMS began in 1992), 00–89 are 2000–2089. TS 23.040
 * does not say; this keeps the published 1999 examples right.
 */
const centuryPivot = 90;

const fields = ['year', 'month', 'day', 'hour', 'minute', 'second'] as const;

/** Reads the seven octets of TP-SCTS. */
export function readServiceCentreTimestamp(reader: ByteReader): ServiceCentreTimestamp {
  const start = reader.offset;
  const octets = reader.take(7, 'TP-SCTS', 'the time stamp');
  const values = [0, 0, 0, 0, 0, 0];
  for (let i = 0; i < 6; i++) {
    const value = swappedBcd(octets[i]!);
    if (value < 0) {
      throw invalidPdu(
        'TP-SCTS',
        start + i,
        `the ${fields[i]!} octet 0x${hex(octets[i]!)} is not two decimal digits`,
      );
    }
    values[i] = value;
  }
  const [yy, month, day, hour, minute, second] = values as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const year = yy >= centuryPivot ? 1900 + yy : 2000 + yy;
  const problem =
    month < 1 || month > 12
      ? `month ${month} is not 1-12`
      : day < 1 || day > daysInMonth(year, month)
        ? `day ${day} does not exist in ${year}-${String(month).padStart(2, '0')}`
        : hour > 23
          ? `hour ${hour} is not 0-23`
          : minute > 59
            ? `minute ${minute} is not 0-59`
            : second > 59
              ? `second ${second} is not 0-59`
              : undefined;
  if (problem !== undefined) throw invalidPdu('TP-SCTS', start, problem);

  const zone = octets[6]!;
  // The first semi-octet (low nibble) holds the tens digit in bits 2..0 and the sign in bit 3.
  const tens = zone & 0x07;
  const units = zone >> 4;
  if (units > 9) {
    throw invalidPdu('TP-SCTS', start + 6, `the time zone octet 0x${hex(zone)} is not decimal`);
  }
  const quarters = tens * 10 + units;
  const timeZoneOffsetMinutes = ((zone & 0x08) !== 0 ? -quarters : quarters) * 15;
  const local = Date.UTC(year, month - 1, day, hour, minute, second);
  return {
    timestamp: new Date(local - timeZoneOffsetMinutes * 60_000),
    // `-0` would print oddly and compare unequal with Object.is.
    timeZoneOffsetMinutes: timeZoneOffsetMinutes === 0 ? 0 : timeZoneOffsetMinutes,
  };
}

/** A semi-octet pair as a number (low nibble = tens), or -1 when a nibble is not 0–9. */
function swappedBcd(octet: number): number {
  const tens = octet & 0x0f;
  const units = octet >> 4;
  return tens > 9 || units > 9 ? -1 : tens * 10 + units;
}

function hex(octet: number): string {
  return octet.toString(16).padStart(2, '0').toUpperCase();
}
