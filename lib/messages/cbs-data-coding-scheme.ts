/**
 * The cell-broadcast data coding scheme (3GPP TS 23.038 §5), which USSD uses too (TS 23.038 and
 * TS 24.080 point USSD at it): language groups, text with a language indication, general data
 * coding, messages with a user-data header, and data coding with a message class.
 *
 * @module
 */

import { alphabetOfBits, type Alphabet, type MessageClass } from './alphabet.js';
import { checkByte } from './check-byte.js';

/** The coding groups of TS 23.038 §5 (bits 7..4 of the DCS). */
export type CbsCodingGroup =
  /** `0000`, `0010`, `0011`: a language, GSM 7-bit default alphabet. */
  | 'language'
  /** `0001` with `0000`/`0001`: the text starts with a language indication. */
  | 'languageIndication'
  /** `01xx`: general data coding. */
  | 'general'
  /** `1001`: the message has a user-data header. */
  | 'userDataHeader'
  /** `1110`: defined by the WAP Forum. Decoded as GSM 7-bit, like reserved codes. */
  | 'wap'
  /** `1111`: data coding and message class. */
  | 'dataCodingMessageClass'
  /** Everything TS 23.038 reserves; receivers treat it as GSM 7-bit. */
  | 'reserved';

/** A cell-broadcast / USSD DCS byte, described. See {@link describeCbsDataCodingScheme}. */
export interface CbsDataCodingScheme {
  /** The byte itself. */
  readonly value: number;
  /** The coding group (bits 7..4). */
  readonly group: CbsCodingGroup;
  /** The character set; `'reserved'` codes are decoded as GSM 7-bit, as TS 23.038 requires. */
  readonly alphabet: Alphabet;
  /** The message class, where the DCS gives one. */
  readonly messageClass: MessageClass | undefined;
  /** The text is compressed (TS 23.042). The decoders do not decompress it. */
  readonly compressed: boolean;
  /**
   * The language the DCS names (groups `0000` and `0010`), as an ISO 639-1 code. For
   * `languageIndication` the language is in the text; {@link decodeUssd} reads it from there.
   */
  readonly language: string | undefined;
  /** The text starts with a language indication (DCS `0x10` and `0x11`). */
  readonly languageIndication: boolean;
  /** The payload starts with a user-data header (group `1001`). */
  readonly userDataHeader: boolean;
}

/** Group `0000`, bits 3..0 (`1111`: language unspecified). */
const group0Languages = [
  'de', 'en', 'it', 'fr', 'es', 'nl', 'sv', 'da', 'pt', 'fi', 'no', 'el', 'tr', 'hu', 'pl',
] as const; // prettier-ignore
/** Group `0010`, bits 3..0 `0000`–`0100`; the rest are reserved for other languages. */
const group2Languages = ['cs', 'he', 'ar', 'ru', 'is'] as const;

/**
 * Describes a cell-broadcast data coding scheme byte — the DCS of USSD messages — per
 * 3GPP TS 23.038 §5.
 *
 * @example
 * ```ts
 * import { describeCbsDataCodingScheme } from 'windows-mobile-broadband/messages';
 * console.log(describeCbsDataCodingScheme(0x0f)); // GSM 7-bit, language unspecified
 * console.log(describeCbsDataCodingScheme(0x11).languageIndication); // true: UCS-2 after "xx"
 * ```
 *
 * @throws MobileBroadbandError `ERR_INVALID_ARGUMENT` when `dcs` is not an integer 0–255.
 */
export function describeCbsDataCodingScheme(dcs: number): CbsDataCodingScheme {
  checkByte(dcs, 'The data coding scheme');
  const group = dcs >> 4;
  const low = dcs & 0x0f;
  switch (group) {
    case 0b0000:
      return scheme(dcs, 'language', 'gsm7', { language: group0Languages[low] });
    case 0b0010:
      return scheme(dcs, 'language', 'gsm7', { language: group2Languages[low] });
    case 0b0011:
      // Reserved for other languages, still GSM 7-bit.
      return scheme(dcs, 'language', 'gsm7');
    case 0b0001:
      if (low <= 1) {
        return scheme(dcs, 'languageIndication', low === 0 ? 'gsm7' : 'ucs2', {
          languageIndication: true,
        });
      }
      break;
    case 0b0100:
    case 0b0101:
    case 0b0110:
    case 0b0111:
      return scheme(dcs, 'general', alphabetOfBits(dcs), {
        messageClass: (dcs & 0x10) !== 0 ? ((dcs & 3) as MessageClass) : undefined,
        compressed: (dcs & 0x20) !== 0,
      });
    case 0b1001:
      return scheme(dcs, 'userDataHeader', alphabetOfBits(dcs), {
        messageClass: (dcs & 3) as MessageClass,
        userDataHeader: true,
      });
    case 0b1110:
      return scheme(dcs, 'wap', 'reserved');
    case 0b1111:
      return scheme(dcs, 'dataCodingMessageClass', (dcs & 0x04) !== 0 ? '8bit' : 'gsm7', {
        // Bits 1..0 = 00 means "no message class" in this group, unlike the SMS DCS.
        messageClass: (dcs & 3) === 0 ? undefined : ((dcs & 3) as MessageClass),
      });
  }
  return scheme(dcs, 'reserved', 'reserved');
}

function scheme(
  value: number,
  group: CbsCodingGroup,
  alphabet: Alphabet,
  extra: Partial<CbsDataCodingScheme> = {},
): CbsDataCodingScheme {
  return {
    value,
    group,
    alphabet,
    messageClass: extra.messageClass,
    compressed: extra.compressed ?? false,
    language: extra.language,
    languageIndication: extra.languageIndication ?? false,
    userDataHeader: extra.userDataHeader ?? false,
  };
}
