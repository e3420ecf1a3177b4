/**
 * Truncated and inconsistent PDUs: each is refused with ERR_INVALID_PDU naming the field and
 * the byte offset — never another kind of error, never a hang.
 */

import { describe, expect, it } from 'vitest';
import { MobileBroadbandError } from '../../lib/errors.js';
import { decodeSmsPdu, type DecodeSmsPduOptions } from '../../lib/messages/index.js';

const dreamfabric = '07917283010010F5040BC87238880900F10000993092516195800AE8329BFD4697D9EC37';

function failure(input: string | Uint8Array, options?: DecodeSmsPduOptions): MobileBroadbandError {
  try {
    decodeSmsPdu(input, options);
  } catch (error) {
    expect(error).toBeInstanceOf(MobileBroadbandError);
    return error as MobileBroadbandError;
  }
  throw new Error('decodeSmsPdu accepted the PDU');
}

function expectInvalid(input: string, field: string, offset: number, text?: RegExp): void {
  const error = failure(input);
  expect(error.code).toBe('ERR_INVALID_PDU');
  expect(error.details).toEqual({ field, offset });
  expect(error.message).toContain(field);
  expect(error.message).toContain(`byte ${offset}`);
  if (text !== undefined) expect(error.message).toMatch(text);
}

// Frame: no SMSC (offset 0), first octet at 1, TP-OA at 2 (0C 91 + 6 octets), TP-PID at 10,
// TP-DCS at 11, TP-SCTS at 12–18, TP-UDL at 19, TP-UD from 20.
const sender = '0C91447700091032';
const scts = '62105080000000';
const frame = (firstOctet: string, dcs: string, udl: string, ud: string) =>
  `00${firstOctet}${sender}00${dcs}${scts}${udl}${ud}`;

describe('truncated PDUs', () => {
  it('refuses every proper prefix of a valid PDU with ERR_INVALID_PDU', () => {
    const bytes = Buffer.from(dreamfabric, 'hex');
    for (let length = 0; length < bytes.length; length++) {
      const error = failure(bytes.subarray(0, length));
      expect(error.code).toBe('ERR_INVALID_PDU');
      expect(error.details).toMatchObject({
        field: expect.any(String),
        offset: expect.any(Number),
      });
    }
  });

  it('names the field that was cut', () => {
    // Cut inside the time stamp. SMSC: bytes 0–7; first octet 8; TP-OA 9–16 (0B C8 + 6 octets);
    // TP-PID 17; TP-DCS 18; TP-SCTS from 19. Cut after 23 bytes: 4 of its 7 octets remain.
    expectInvalid(dreamfabric.slice(0, 2 * 23), 'TP-SCTS', 19, /needs 7 bytes, but only 4 remain/);
    expectInvalid('', 'SMSC address', 0, /ends before this field/);
    expectInvalid('07917283010010F5', 'TP-MTI', 8);
  });
});

describe('length fields that lie', () => {
  it('TP-UDL larger than the data', () => {
    // 0B septets need ceil(77/8) = 10 octets; 9 follow.
    const lying = dreamfabric.replace('800AE832', '800BE832');
    expectInvalid(lying, 'TP-UDL', 26, /11 septets \(10 octets\).*only 9 bytes/);
  });

  it('TP-UDL smaller than the data', () => {
    // 8 septets need 7 octets; 9 follow → 2 bytes nobody accounts for, after the 7 at 27..33.
    const lying = dreamfabric.replace('800AE832', '8008E832');
    expectInvalid(lying, 'TP-UD', 34, /2 bytes follow the user data/);
  });

  it('TP-UDL beyond what an SMS can hold', () => {
    expectInvalid(frame('04', '00', 'A1', ''), 'TP-UDL', 19, /161 septets; at most 160/);
    expectInvalid(frame('04', '08', '8D', ''), 'TP-UDL', 19, /141 octets; at most 140/);
  });

  it('an address length beyond 20 digits', () => {
    expectInvalid('000415910000', 'TP-OA', 2, /21 semi-octets/);
  });

  it('an SMSC length beyond 11 octets, with a hint about bare TPDUs', () => {
    expectInvalid('0C' + '00'.repeat(30), 'SMSC address', 0, /smsc: false/);
  });

  it('a header longer than the user data', () => {
    // UDHI set, UDHL 20 (33 octets with itself) but TP-UDL is 4 octets.
    expectInvalid(frame('44', '04', '04', '20000300'), 'TP-UDH', 20, /longer than the user data/);
    // In septets: UDHL 05 is 48 bits; TP-UDL 6 septets are 42 bits.
    expectInvalid(frame('44', '00', '06', '050003CC0201'), 'TP-UDH', 20);
    // UDHI set but no user data at all.
    expectInvalid(frame('44', '04', '00', ''), 'TP-UDH', 20, /empty/);
  });

  it('an information element longer than the header', () => {
    // UDHL 05, element 00 says 04 octets: 2 + 4 > 5.
    expectInvalid(frame('44', '04', '06', '050004CC0201'), 'TP-UDH', 21, /says 4 octets/);
    // UDHL 03: element 00 03 … needs 5 octets.
    expectInvalid(frame('44', '04', '04', '030003CC'), 'TP-UDH', 21);
    // UDHL 01: one octet cannot hold an identifier and a length.
    expectInvalid(frame('44', '04', '02', '0100'), 'TP-UDH', 21, /only 1 octet/);
  });

  it('an interpreted element with the wrong data length', () => {
    // Concatenation (IEI 00) with 2 octets of data instead of 3.
    expectInvalid(frame('44', '04', '05', '040002CC02'), 'TP-UDH', 21, /must have 3 octets/);
  });

  it('UCS-2 text with an odd number of octets', () => {
    expectInvalid(frame('04', '08', '03', '004100'), 'TP-UD', 20, /even number/);
  });
});

describe('malformed fields', () => {
  it('a time stamp that is not a date', () => {
    expectInvalid(
      frame('04', '00', '00', '').replace(scts, '62315080000000'),
      'TP-SCTS',
      12,
      /month 13/,
    );
    expectInvalid(
      frame('04', '00', '00', '').replace(scts, '62209280000000'),
      'TP-SCTS',
      12,
      /day 29 does not exist in 2026-02/,
    );
    expectInvalid(
      frame('04', '00', '00', '').replace(scts, '6210508F000000'),
      'TP-SCTS',
      15,
      /hour octet/,
    );
    expectInvalid(
      frame('04', '00', '00', '').replace(scts, '621050800000F0'),
      'TP-SCTS',
      18,
      /time zone/,
    );
  });

  it('a filler digit inside a number', () => {
    expectInvalid('00040491F12100' + '00' + scts + '00', 'TP-OA', 2, /filler F/);
  });

  it('SMS-SUBMIT and SMS-STATUS-REPORT', () => {
    // The SMS-SUBMIT example of the same dreamfabric tutorial.
    expectInvalid(
      '0011000B916407281553F80000AA0AE8329BFD4697D9EC37',
      'TP-MTI',
      1,
      /SMS-SUBMIT.*only SMS-DELIVER/,
    );
    expectInvalid(frame('06', '00', '00', ''), 'TP-MTI', 1, /SMS-STATUS-REPORT/);
  });

  it('a TPDU passed as if it had an SMSC address', () => {
    // The bare TPDU starts 04 0B …: read as an SMSC of 4 octets, the rest no longer fits.
    const error = failure('040BC87238880900F10000993092516195800AE8329BFD4697D9EC37');
    expect(error.code).toBe('ERR_INVALID_PDU');
  });
});

describe('input', () => {
  it('odd hex', () => {
    expectInvalid('0', 'hex', 0, /odd number of hex digits/);
    expectInvalid('00 0', 'hex', 3, /odd number/);
  });

  it('characters that are not hex, with their index', () => {
    expectInvalid('07 91 7x', 'hex', 7, /"x" is not a hex digit/);
    expectInvalid('0x07', 'hex', 1);
  });

  it('too much input, before any work', () => {
    expectInvalid('00'.repeat(177), 'length', 0, /more than 176 bytes/);
    expectInvalid('0'.repeat(100_000), 'length', 0, /100000 characters/);
    const error = failure(new Uint8Array(177));
    expect(error.details).toEqual({ field: 'length', offset: 0 });
  });

  it('wrong argument types are ERR_INVALID_ARGUMENT', () => {
    const values: unknown[] = [null, undefined, 42, {}, [0, 1]];
    for (const value of values) {
      expect(() => decodeSmsPdu(value as string)).toThrow(
        expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }),
      );
    }
  });
});
