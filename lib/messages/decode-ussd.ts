/**
 * USSD payload decoding: the bytes of a USSD string (`UssdMessage.GetPayload()`, the hex of
 * `+CUSD` in PDU-style modems) under the cell-broadcast data coding scheme (TS 23.038 §5).
 *
 * USSD carries no length in septets, so 7-bit text is read to the last whole septet. When the
 * text fills the octets exactly (a multiple of 7 octets) and the last septet is a carriage
 * return, that septet is padding and is dropped: TS 23.038 §6.1.2.3.1 has senders pad 8n−1
 * characters with CR instead of 7 zero bits (which would read as `@`), and add a second CR when
 * a wanted CR would otherwise end on the boundary.
 *
 * @module
 */

import { MobileBroadbandError } from '../errors.js';
import { copyBytes } from './allocate-bytes.js';
import { decodingAlphabet, type DecodedAlphabet } from './alphabet.js';
import { describeCbsDataCodingScheme, type CbsDataCodingScheme } from './cbs-data-coding-scheme.js';
import { checkByte } from './check-byte.js';
import { carriageReturnSeptet, decodeGsm7 } from './gsm7-alphabet.js';
import { invalidPdu } from './invalid-pdu.js';
import { toBytes, type PduInput } from './pdu-input.js';
import { septetAt, septetsInOctets, unpackSeptets } from './septets.js';
import { decodeUcs2 } from './ucs2.js';
import { parseUserDataHeader, type UserDataHeader } from './user-data-header.js';

/** A decoded USSD string. */
export interface DecodedUssd {
  /** The text; `undefined` for 8-bit data and compressed payloads. */
  readonly text: string | undefined;
  /** How the payload was decoded (reserved codes decode as GSM 7-bit). */
  readonly alphabet: DecodedAlphabet;
  /**
   * The language, as an ISO 639 code: from the DCS (language groups) or from the language
   * indication at the start of the text (DCS `0x10`, `0x11`). `undefined` when unspecified.
   */
  readonly language: string | undefined;
  /** The DCS, described. */
  readonly dataCodingScheme: CbsDataCodingScheme;
  /** The user-data header, for DCS group `1001`. */
  readonly userDataHeader: UserDataHeader | undefined;
  /**
   * The payload after any header and language indication: septets (one per element) for GSM
   * 7-bit, octets otherwise. A copy.
   */
  readonly data: Uint8Array;
}

/** The longest USSD string: maxUSSD-StringLength, 160 octets (TS 24.080, TS 29.002). */
export const maxUssdBytes = 160;

/**
 * Decodes a USSD string's bytes under its data coding scheme.
 *
 * @example
 * ```ts
 * import { decodeUssd } from 'windows-mobile-broadband/messages';
 * // "*100#" packed in GSM 7-bit, DCS 0x0F (language unspecified).
 * console.log(decodeUssd('AA180C3602', 0x0f).text); // '*100#'
 * ```
 *
 * @throws MobileBroadbandError `ERR_INVALID_PDU` when the payload does not fit its DCS (UCS-2
 *   with an odd number of octets, a header longer than the payload, more than 160 octets);
 *   `ERR_INVALID_ARGUMENT` when `dcs` is not a byte or the payload is neither bytes nor a string.
 */
export function decodeUssd(payload: PduInput, dcs: number): DecodedUssd {
  checkByte(dcs, 'The USSD data coding scheme');
  const bytes = toBytes(payload, maxUssdBytes, 'The USSD payload');
  try {
    return decode(bytes, describeCbsDataCodingScheme(dcs));
  } catch (error) {
    if (error instanceof MobileBroadbandError) throw error;
    throw invalidPdu('USSD payload', 0, `could not be decoded (${String(error)})`, error);
  }
}

function decode(bytes: Uint8Array, scheme: CbsDataCodingScheme): DecodedUssd {
  const alphabet = decodingAlphabet(scheme.alphabet);
  let userDataHeader: UserDataHeader | undefined;
  let headerOctets = 0;
  if (scheme.userDataHeader) {
    if (bytes.length === 0 || 1 + bytes[0]! > bytes.length) {
      throw invalidPdu(
        'UDH',
        0,
        bytes.length === 0
          ? 'the DCS announces a user-data header, but the payload is empty'
          : `the header length (UDHL ${bytes[0]!}) is longer than the payload (${bytes.length} octets)`,
      );
    }
    headerOctets = 1 + bytes[0]!;
    userDataHeader = parseUserDataHeader(bytes, 0);
  }

  if (scheme.compressed || alphabet === '8bit') {
    const data = copyBytes(bytes, headerOctets);
    return result(undefined, alphabet, scheme.language, scheme, userDataHeader, data);
  }

  if (alphabet === 'ucs2') {
    let start = headerOctets;
    let language = scheme.language;
    if (scheme.languageIndication) {
      // Two GSM 7-bit characters packed into the first two octets, then two zero bits.
      if (bytes.length - start < 2) {
        throw invalidPdu(
          'language indication',
          start,
          'UCS-2 with a language indication needs two octets for the language',
        );
      }
      language = decodeGsm7(unpackSeptets(bytes.subarray(start, start + 2), 0, 2));
      start += 2;
    }
    if ((bytes.length - start) % 2 !== 0) {
      throw invalidPdu(
        'USSD payload',
        start,
        `UCS-2 text needs an even number of octets, has ${bytes.length - start}`,
      );
    }
    const text = decodeUcs2(bytes, start);
    return result(text, alphabet, language, scheme, userDataHeader, copyBytes(bytes, start));
  }

  // GSM 7-bit: septets from the first boundary after the header to the last whole septet.
  let first = Math.ceil((headerOctets * 8) / 7);
  let end = Math.max(first, septetsInOctets(bytes.length));
  if (bytes.length % 7 === 0 && end > first && septetAt(bytes, end - 1) === carriageReturnSeptet) {
    end--;
  }
  let language = scheme.language;
  if (scheme.languageIndication) {
    // "xx" then CR, then the text (TS 23.038 §5, DCS 0x10).
    if (end - first < 2) {
      throw invalidPdu(
        'language indication',
        0,
        'GSM 7-bit text with a language indication needs at least the two language characters',
      );
    }
    language = decodeGsm7([septetAt(bytes, first), septetAt(bytes, first + 1)]);
    first += end - first > 2 && septetAt(bytes, first + 2) === carriageReturnSeptet ? 3 : 2;
  }
  const septets = unpackSeptets(bytes, first, end - first);
  return result(decodeGsm7(septets), alphabet, language, scheme, userDataHeader, septets);
}

function result(
  text: string | undefined,
  alphabet: DecodedAlphabet,
  language: string | undefined,
  dataCodingScheme: CbsDataCodingScheme,
  userDataHeader: UserDataHeader | undefined,
  data: Uint8Array,
): DecodedUssd {
  return { text, alphabet, language, dataCodingScheme, userDataHeader, data };
}
