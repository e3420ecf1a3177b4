/**
 * SMS-DELIVER decoding (3GPP TS 23.040 §9.2.2.1): what a phone receives, as modems print it
 * (`AT+CMGR`, `AT+CMGL` in PDU mode) and Windows hands it over (`SmsMessage` PDUs).
 *
 * @module
 */

import { MobileBroadbandError } from '../errors.js';
import { copyBytes } from './allocate-bytes.js';
import { readOriginatingAddress, readServiceCentreAddress, type SmsAddress } from './address.js';
import { decodingAlphabet, type DecodedAlphabet, type MessageClass } from './alphabet.js';
import { ByteReader } from './byte-reader.js';
import { describeDataCodingScheme, type DataCodingScheme } from './data-coding-scheme.js';
import { decodeGsm7 } from './gsm7-alphabet.js';
import { invalidPdu } from './invalid-pdu.js';
import { toBytes, type PduInput } from './pdu-input.js';
import { readServiceCentreTimestamp } from './service-centre-timestamp.js';
import { octetsForSeptets, unpackSeptets } from './septets.js';
import { decodeUcs2 } from './ucs2.js';
import { parseUserDataHeader, type UserDataHeader } from './user-data-header.js';

/** Options of {@link decodeSmsPdu}. */
export interface DecodeSmsPduOptions {
  /**
   * Whether the PDU starts with the service centre address, as `AT+CMGR` output and Windows'
   * `SmsMessage` PDUs do (a length octet, `00` when absent). Default `true`. Pass `false` for
   * a bare TPDU.
   */
  smsc?: boolean;
}

/** A decoded SMS-DELIVER. */
export interface DecodedSms {
  /** Always `'deliver'`: the only TPDU type this decoder accepts. */
  readonly type: 'deliver';
  /**
   * TP-MTI: 0, or 3 (reserved), which TS 23.040 §9.2.3.1 tells receivers to process as an
   * SMS-DELIVER.
   */
  readonly messageTypeIndicator: 0 | 3;
  /** The service centre address, when the PDU has one. */
  readonly serviceCentre: SmsAddress | undefined;
  /** The sender as people write it: `+4917…`, `12345`, or a name such as `Vodafone`. */
  readonly sender: string;
  /** The sender with its type of number and numbering plan. */
  readonly senderAddress: SmsAddress;
  /** When the service centre received the message (TP-SCTS). */
  readonly timestamp: Date;
  /** The service centre's UTC offset in minutes, from TP-SCTS. */
  readonly timeZoneOffsetMinutes: number;
  /** TP-PID, the protocol identifier (0 for an ordinary message, 0x40 for "type 0", …). */
  readonly protocolIdentifier: number;
  /** TP-DCS, described. */
  readonly dataCodingScheme: DataCodingScheme;
  /** The message class from TP-DCS, where it gives one. */
  readonly messageClass: MessageClass | undefined;
  /** How the user data was decoded (reserved codes decode as GSM 7-bit). */
  readonly alphabet: DecodedAlphabet;
  /** TP-MMS inverted: the service centre has more messages for this phone. */
  readonly moreMessagesToSend: boolean;
  /** TP-LP: the message was forwarded or spawned and must not loop back. */
  readonly loopPrevention: boolean;
  /** TP-SRI: the sender asked for a status report. */
  readonly statusReportIndication: boolean;
  /** TP-RP: a reply path is set. */
  readonly replyPath: boolean;
  /** The user-data header, when TP-UDHI is set. */
  readonly userDataHeader: UserDataHeader | undefined;
  /**
   * The text: GSM 7-bit (default alphabet and extension table) or UCS-2 (surrogate pairs kept
   * as they are). `undefined` for 8-bit data and compressed user data.
   */
  readonly text: string | undefined;
  /**
   * The user data after the header: for GSM 7-bit the septets, one per element; otherwise the
   * octets. A copy: it never shares memory with the input (small results may share one
   * `ArrayBuffer` slab with each other, like Node's `Buffer` pool).
   */
  readonly userData: Uint8Array;
}

/** Largest input: an SC address (12 octets) and the largest TPDU (164 octets). */
export const maxPduBytes = 12 + 164;

const maxSeptets = 160;
const maxOctets = 140;

/**
 * Decodes an SMS-DELIVER PDU.
 *
 * Input: bytes, or hex text (case-insensitive; spaces and line breaks ignored). By default the
 * PDU starts with the service centre address, as modems and Windows give it; pass
 * `{ smsc: false }` for a bare TPDU. SMS-SUBMIT and SMS-STATUS-REPORT are refused.
 *
 * @example
 * ```ts
 * import { decodeSmsPdu } from 'windows-mobile-broadband/messages';
 * // The example of the "SMS and the PDU format" tutorial (dreamfabric.com).
 * const sms = decodeSmsPdu('07917283010010F5040BC87238880900F10000993092516195800AE8329BFD4697D9EC37');
 * console.log(sms.sender, sms.text, sms.timestamp.toISOString(), sms.timeZoneOffsetMinutes);
 * // 27838890001 hellohello 1999-03-29T13:16:59.000Z 120
 * ```
 *
 * @throws MobileBroadbandError `ERR_INVALID_PDU` for anything that is not a consistent
 *   SMS-DELIVER, with `details.field` and `details.offset`; `ERR_INVALID_ARGUMENT` when the
 *   input is neither bytes nor a string.
 */
export function decodeSmsPdu(input: PduInput, options: DecodeSmsPduOptions = {}): DecodedSms {
  const bytes = toBytes(input, maxPduBytes, 'The PDU');
  const reader = new ByteReader(bytes);
  try {
    return decode(reader, options.smsc ?? true);
  } catch (error) {
    if (error instanceof MobileBroadbandError) throw error;
    // Defence in depth: a bug here must still surface as the documented error.
    throw invalidPdu('PDU', reader.offset, `could not be decoded (${String(error)})`, error);
  }
}

function decode(reader: ByteReader, hasSmsc: boolean): DecodedSms {
  const serviceCentre = hasSmsc ? readServiceCentreAddress(reader) : undefined;

  const firstOctetAt = reader.offset;
  const firstOctet = reader.u8('TP-MTI');
  const mti = firstOctet & 0x03;
  if (mti === 1 || mti === 2) {
    throw invalidPdu(
      'TP-MTI',
      firstOctetAt,
      `the PDU is an ${mti === 1 ? 'SMS-SUBMIT' : 'SMS-STATUS-REPORT'} (TP-MTI ${mti}); only SMS-DELIVER (TP-MTI 0) is supported` +
        (hasSmsc ? '' : '. If the PDU starts with an SMSC address, leave out { smsc: false }'),
    );
  }

  const senderAddress = readOriginatingAddress(reader);
  const protocolIdentifier = reader.u8('TP-PID');
  const dataCodingScheme = describeDataCodingScheme(reader.u8('TP-DCS'));
  const { timestamp, timeZoneOffsetMinutes } = readServiceCentreTimestamp(reader);

  const udlAt = reader.offset;
  const udl = reader.u8('TP-UDL');
  const alphabet = decodingAlphabet(dataCodingScheme.alphabet);
  // Compressed user data is counted in octets whatever the alphabet (TS 23.040 §9.2.3.16).
  const inSeptets = alphabet === 'gsm7' && !dataCodingScheme.compressed;
  if (udl > (inSeptets ? maxSeptets : maxOctets)) {
    throw invalidPdu(
      'TP-UDL',
      udlAt,
      `${udl} ${inSeptets ? 'septets' : 'octets'}; at most ${inSeptets ? maxSeptets : maxOctets} fit in an SMS`,
    );
  }
  const udOctets = inSeptets ? octetsForSeptets(udl) : udl;
  const udAt = reader.offset;
  if (udOctets > reader.remaining) {
    throw invalidPdu(
      'TP-UDL',
      udlAt,
      `says ${udl} ${inSeptets ? `septets (${udOctets} octets)` : 'octets'} of user data, but only ${reader.remaining} bytes follow`,
    );
  }
  const ud = reader.take(udOctets, 'TP-UD');
  if (reader.remaining > 0) {
    throw invalidPdu(
      'TP-UD',
      reader.offset,
      `${reader.remaining} bytes follow the user data that TP-UDL (${udl}) does not account for`,
    );
  }

  let userDataHeader: UserDataHeader | undefined;
  let headerOctets = 0;
  if ((firstOctet & 0x40) !== 0) {
    if (udOctets === 0) {
      throw invalidPdu('TP-UDH', udAt, 'TP-UDHI announces a header, but the user data is empty');
    }
    headerOctets = 1 + ud[0]!;
    const headerFits = inSeptets ? headerOctets * 8 <= udl * 7 : headerOctets <= udOctets;
    if (!headerFits) {
      throw invalidPdu(
        'TP-UDH',
        udAt,
        `the header length (UDHL ${ud[0]!}, ${headerOctets} octets with itself) is longer than the user data (TP-UDL ${udl} ${inSeptets ? 'septets' : 'octets'})`,
      );
    }
    userDataHeader = parseUserDataHeader(ud, udAt);
  }

  let text: string | undefined;
  let userData: Uint8Array;
  if (inSeptets) {
    // The text starts at the first septet boundary after the header (after the fill bits).
    const headerSeptets = Math.ceil((headerOctets * 8) / 7);
    userData = unpackSeptets(ud, headerSeptets, udl - headerSeptets);
    text = decodeGsm7(userData);
  } else {
    userData = copyBytes(ud, headerOctets);
    if (alphabet === 'ucs2' && !dataCodingScheme.compressed) {
      if (userData.length % 2 !== 0) {
        throw invalidPdu(
          'TP-UD',
          udAt + headerOctets,
          `UCS-2 text needs an even number of octets, has ${userData.length}`,
        );
      }
      text = decodeUcs2(userData);
    }
  }

  return {
    type: 'deliver',
    messageTypeIndicator: mti as 0 | 3,
    serviceCentre,
    sender: senderAddress.value,
    senderAddress,
    timestamp,
    timeZoneOffsetMinutes,
    protocolIdentifier,
    dataCodingScheme,
    messageClass: dataCodingScheme.messageClass,
    alphabet,
    moreMessagesToSend: (firstOctet & 0x04) === 0,
    loopPrevention: (firstOctet & 0x08) !== 0,
    statusReportIndication: (firstOctet & 0x20) !== 0,
    replyPath: (firstOctet & 0x80) !== 0,
    userDataHeader,
    text,
    userData,
  };
}
