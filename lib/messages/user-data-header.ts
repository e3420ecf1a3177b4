/**
 * The user-data header (3GPP TS 23.040 §9.2.3.24): a length octet (UDHL) and information
 * elements, each an identifier (IEI), a length and data. The elements this package interprets
 * are concatenation (8- and 16-bit references), application ports (8- and 16-bit) and the
 * national language shift tables; every element, known or not, is kept raw in `elements`.
 *
 * Rules taken from TS 23.040: a concatenation element with 0 parts, or a sequence number of 0
 * or above the number of parts, is ignored (the message is then treated as a single message);
 * when an element that may not repeat appears twice, or two elements contradict each other (an
 * 8-bit and a 16-bit port element), the last one counts.
 *
 * @module
 */

import { copyBytes } from './allocate-bytes.js';
import { invalidPdu } from './invalid-pdu.js';

/** Information element identifiers this package interprets. */
export const InformationElementId = {
  /** Concatenated short messages, 8-bit reference number. */
  Concatenation8: 0x00,
  /** Application port addressing, 8-bit ports. */
  ApplicationPort8: 0x04,
  /** Application port addressing, 16-bit ports. */
  ApplicationPort16: 0x05,
  /** Concatenated short messages, 16-bit reference number. */
  Concatenation16: 0x08,
  /** National language single shift table. */
  SingleShift: 0x24,
  /** National language locking shift table. */
  LockingShift: 0x25,
} as const;

/** One information element as it appears in the header. */
export interface InformationElement {
  /** The identifier (IEI). */
  readonly id: number;
  /** The element's data (a copy). */
  readonly data: Uint8Array;
}

/** Where a part belongs in a concatenated message. */
export interface Concatenation {
  /** The reference number shared by every part of the message. */
  readonly reference: number;
  /** Whether the reference came from the 8-bit (IEI 0x00) or 16-bit (IEI 0x08) element. */
  readonly referenceBits: 8 | 16;
  /** Number of parts, 1–255. */
  readonly total: number;
  /** This part's position, 1–`total`. */
  readonly sequence: number;
}

/** Application port addressing (IEI 0x04 / 0x05), as used by WAP push and OTA messages. */
export interface ApplicationPorts {
  readonly destination: number;
  readonly source: number;
  /** Whether the ports came from the 8-bit or the 16-bit element. */
  readonly bits: 8 | 16;
}

/** A decoded user-data header. */
export interface UserDataHeader {
  /** The header length octet (UDHL): octets after it that belong to the header. */
  readonly length: number;
  /** Every information element, in order. */
  readonly elements: readonly InformationElement[];
  /** Concatenation, when a valid concatenation element is present. */
  readonly concatenation: Concatenation | undefined;
  /** Application ports, when present. */
  readonly ports: ApplicationPorts | undefined;
  /**
   * The national language single shift table asked for (TS 23.038 Annex A), if any. Not
   * applied: the text is decoded with the default extension table.
   */
  readonly singleShiftLanguage: number | undefined;
  /**
   * The national language locking shift table asked for (TS 23.038 Annex A), if any. Not
   * applied: the text is decoded with the default alphabet.
   */
  readonly lockingShiftLanguage: number | undefined;
}

/** Data lengths the interpreted elements must have. */
const expectedLengths: Readonly<Record<number, number>> = {
  [InformationElementId.Concatenation8]: 3,
  [InformationElementId.ApplicationPort8]: 2,
  [InformationElementId.ApplicationPort16]: 4,
  [InformationElementId.Concatenation16]: 4,
  [InformationElementId.SingleShift]: 1,
  [InformationElementId.LockingShift]: 1,
};

/**
 * Parses the header at the start of `userData` (which starts with UDHL). `offset` is where
 * `userData` starts in the whole PDU, for error messages. The caller has checked that UDHL
 * fits in the user data.
 */
export function parseUserDataHeader(userData: Uint8Array, offset: number): UserDataHeader {
  const length = userData[0]!;
  const end = 1 + length;
  const elements: InformationElement[] = [];
  let concatenation: Concatenation | undefined;
  let ports: ApplicationPorts | undefined;
  let singleShiftLanguage: number | undefined;
  let lockingShiftLanguage: number | undefined;
  let at = 1;
  while (at < end) {
    if (at + 2 > end) {
      throw invalidPdu(
        'TP-UDH',
        offset + at,
        `only 1 octet of the header (UDHL ${length}) is left for an information element, which needs an identifier and a length`,
      );
    }
    const id = userData[at]!;
    const dataLength = userData[at + 1]!;
    const dataStart = at + 2;
    if (dataStart + dataLength > end) {
      throw invalidPdu(
        'TP-UDH',
        offset + at,
        `information element 0x${hex(id)} says ${dataLength} octets of data, but the header (UDHL ${length}) has only ${end - dataStart} left`,
      );
    }
    const expected = expectedLengths[id];
    if (expected !== undefined && dataLength !== expected) {
      throw invalidPdu(
        'TP-UDH',
        offset + at,
        `information element 0x${hex(id)} must have ${expected} octets of data, has ${dataLength}`,
      );
    }
    const data = copyBytes(userData, dataStart, dataStart + dataLength);
    elements.push({ id, data });
    switch (id) {
      case InformationElementId.Concatenation8:
        concatenation = concatenationOf(data[0]!, 8, data[1]!, data[2]!) ?? concatenation;
        break;
      case InformationElementId.Concatenation16:
        concatenation =
          concatenationOf((data[0]! << 8) | data[1]!, 16, data[2]!, data[3]!) ?? concatenation;
        break;
      case InformationElementId.ApplicationPort8:
        ports = { destination: data[0]!, source: data[1]!, bits: 8 };
        break;
      case InformationElementId.ApplicationPort16:
        ports = {
          destination: (data[0]! << 8) | data[1]!,
          source: (data[2]! << 8) | data[3]!,
          bits: 16,
        };
        break;
      case InformationElementId.SingleShift:
        singleShiftLanguage = data[0]!;
        break;
      case InformationElementId.LockingShift:
        lockingShiftLanguage = data[0]!;
        break;
    }
    at = dataStart + dataLength;
  }
  return { length, elements, concatenation, ports, singleShiftLanguage, lockingShiftLanguage };
}

/** A concatenation, or `undefined` when TS 23.040 says to ignore the element. */
function concatenationOf(
  reference: number,
  referenceBits: 8 | 16,
  total: number,
  sequence: number,
): Concatenation | undefined {
  if (total === 0 || sequence === 0 || sequence > total) return undefined;
  return { reference, referenceBits, total, sequence };
}

function hex(octet: number): string {
  return octet.toString(16).padStart(2, '0').toUpperCase();
}
