/**
 * Addresses (3GPP TS 23.040 §9.1.2.5): the sender (TP-OA) and the service centre address that
 * precedes the TPDU in modem and Windows PDUs (TS 24.011 §8.2.5.1).
 *
 * @module
 */

import type { ByteReader } from './byte-reader.js';
import { decodeGsm7 } from './gsm7-alphabet.js';
import { invalidPdu } from './invalid-pdu.js';
import { unpackSeptets } from './septets.js';

/** Type of number (bits 6..4 of the type-of-address octet). */
export type TypeOfNumber =
  | 'unknown'
  | 'international'
  | 'national'
  | 'networkSpecific'
  | 'subscriber'
  | 'alphanumeric'
  | 'abbreviated'
  | 'reserved';

/** Numbering plan identification (bits 3..0 of the type-of-address octet). */
export type NumberingPlan =
  | 'unknown'
  | 'isdn'
  | 'data'
  | 'telex'
  | 'serviceCentreSpecific1'
  | 'serviceCentreSpecific2'
  | 'national'
  | 'private'
  | 'ermes'
  | 'reserved';

/** A decoded address. */
export interface SmsAddress {
  /**
   * The address as people write it: `+` and digits for international numbers, digits (and
   * `*`, `#`, `a`, `b`, `c`) otherwise, the name for alphanumeric senders.
   */
  readonly value: string;
  /** The type of number. */
  readonly typeOfNumber: TypeOfNumber;
  /** The numbering plan. */
  readonly numberingPlan: NumberingPlan;
  /** The raw type-of-address octet. */
  readonly typeOfAddress: number;
}

const typesOfNumber: readonly TypeOfNumber[] = [
  'unknown',
  'international',
  'national',
  'networkSpecific',
  'subscriber',
  'alphanumeric',
  'abbreviated',
  'reserved',
];

function numberingPlanOf(npi: number): NumberingPlan {
  switch (npi) {
    case 0b0000:
      return 'unknown';
    case 0b0001:
      return 'isdn';
    case 0b0011:
      return 'data';
    case 0b0100:
      return 'telex';
    case 0b0101:
      return 'serviceCentreSpecific1';
    case 0b0110:
      return 'serviceCentreSpecific2';
    case 0b1000:
      return 'national';
    case 0b1001:
      return 'private';
    case 0b1010:
      return 'ermes';
    default:
      return 'reserved';
  }
}

/** Semi-octet values 0–14 as characters (TS 23.040 §9.1.2.3); 15 (F) is only a filler. */
const semiOctetCharacters = '0123456789*#abc';

/** TP-OA carries at most 20 digits (TS 23.040 §9.1.2.5: 2–12 octets). */
const maxAddressDigits = 20;
/** The SC address is at most 11 octets after its length octet (TS 24.011 §8.2.5.1). */
const maxServiceCentreOctets = 11;

/** Reads TP-OA: length in semi-octets, type of address, value. */
export function readOriginatingAddress(reader: ByteReader): SmsAddress {
  const start = reader.offset;
  const digits = reader.u8('TP-OA');
  if (digits > maxAddressDigits) {
    throw invalidPdu(
      'TP-OA',
      start,
      `the address length is ${digits} semi-octets; at most ${maxAddressDigits} are possible`,
    );
  }
  const typeOfAddress = reader.u8('TP-OA');
  const octets = reader.take((digits + 1) >> 1, 'TP-OA', `an address of ${digits} semi-octets`);
  const typeOfNumber = typesOfNumber[(typeOfAddress >> 4) & 7]!;
  let value: string;
  if (typeOfNumber === 'alphanumeric') {
    // The length counts the semi-octets that hold packed 7-bit characters.
    const count = Math.floor((digits * 4) / 7);
    value = decodeGsm7(unpackSeptets(octets, 0, count));
  } else {
    value = readSemiOctets(octets, digits, 'TP-OA', start);
    if (typeOfNumber === 'international' && value !== '') value = `+${value}`;
  }
  return {
    value,
    typeOfNumber,
    numberingPlan: numberingPlanOf(typeOfAddress & 0x0f),
    typeOfAddress,
  };
}

/**
 * Reads the SC address in front of the TPDU: a length in octets (0 = none), the type of
 * address, then digits with an F filler when their count is odd.
 */
export function readServiceCentreAddress(reader: ByteReader): SmsAddress | undefined {
  const start = reader.offset;
  const length = reader.u8('SMSC address');
  if (length === 0) return undefined;
  if (length > maxServiceCentreOctets) {
    throw invalidPdu(
      'SMSC address',
      start,
      `the length octet says ${length} octets; at most ${maxServiceCentreOctets} are possible ` +
        '(is this a TPDU without an SMSC address? Then pass { smsc: false })',
    );
  }
  const typeOfAddress = reader.u8('SMSC address');
  const octets = reader.take(length - 1, 'SMSC address', `an address of ${length} octets`);
  let count = octets.length * 2;
  if (count > 0 && octets[octets.length - 1]! >> 4 === 0x0f) count--;
  let value = readSemiOctets(octets, count, 'SMSC address', start);
  const typeOfNumber = typesOfNumber[(typeOfAddress >> 4) & 7]!;
  if (typeOfNumber === 'international' && value !== '') value = `+${value}`;
  return {
    value,
    typeOfNumber,
    numberingPlan: numberingPlanOf(typeOfAddress & 0x0f),
    typeOfAddress,
  };
}

/** `count` semi-octets, low nibble first; an F inside the count is an error. */
function readSemiOctets(octets: Uint8Array, count: number, field: string, start: number): string {
  let value = '';
  for (let i = 0; i < count; i++) {
    const octet = octets[i >> 1]!;
    const nibble = (i & 1) === 0 ? octet & 0x0f : octet >> 4;
    if (nibble === 0x0f) {
      throw invalidPdu(
        field,
        start,
        `digit ${i + 1} of ${count} is the filler F; a filler may only end an odd-length number`,
      );
    }
    value += semiOctetCharacters[nibble]!;
  }
  return value;
}
