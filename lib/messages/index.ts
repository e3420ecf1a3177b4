/**
 * `windows-mobile-broadband/messages`: SMS and USSD decoding.
 *
 * - {@link decodeSmsPdu}: a GSM SMS-DELIVER PDU (3GPP TS 23.040) → sender, time stamp, text,
 *   user-data header.
 * - {@link SmsReassembler}: the parts of concatenated messages → whole messages.
 * - {@link decodeUssd}: a USSD payload and its cell-broadcast DCS (TS 23.038 §5) → text.
 * - {@link describeDataCodingScheme}, {@link describeCbsDataCodingScheme},
 *   {@link alphabetOfEncodingType}: data coding schemes, named.
 *
 * Every decoding failure is a `MobileBroadbandError` with code `ERR_INVALID_PDU` and
 * `details: { field, offset }`.
 *
 * @module
 */

export {
  decodeSmsPdu,
  maxPduBytes,
  type DecodedSms,
  type DecodeSmsPduOptions,
} from './decode-sms-pdu.js';
export { decodeUssd, maxUssdBytes, type DecodedUssd } from './decode-ussd.js';
export {
  SmsReassembler,
  type IncompleteReason,
  type IncompleteSms,
  type ReassembledSms,
  type SmsReassemblerOptions,
  type SmsReassemblerStats,
} from './sms-reassembler.js';
export {
  describeDataCodingScheme,
  type DataCodingScheme,
  type MessageWaitingIndication,
  type MessageWaitingKind,
  type SmsCodingGroup,
} from './data-coding-scheme.js';
export {
  describeCbsDataCodingScheme,
  type CbsCodingGroup,
  type CbsDataCodingScheme,
} from './cbs-data-coding-scheme.js';
export { alphabetOfEncodingType, type EncodingBearer } from './encoding-type.js';
export type { Alphabet, DecodedAlphabet, MessageClass } from './alphabet.js';
export type { NumberingPlan, SmsAddress, TypeOfNumber } from './address.js';
export {
  InformationElementId,
  type ApplicationPorts,
  type Concatenation,
  type InformationElement,
  type UserDataHeader,
} from './user-data-header.js';
export { decodeGsm7, gsm7DefaultAlphabet, gsm7ExtensionTable } from './gsm7-alphabet.js';
export type { PduInput } from './pdu-input.js';
export type { InvalidPduDetails } from './invalid-pdu.js';
export type { ServiceCentreTimestamp } from './service-centre-timestamp.js';
