/**
 * The EncodingType of a MobileOperatorNotification, named.
 *
 * Windows documents `NetworkOperatorNotificationEventDetails.EncodingType` as the data coding
 * scheme of the received message: the TP-DCS (TS 23.038 §4) for a GSM SMS, the cell-broadcast
 * DCS (TS 23.038 §5) for USSD. This maps the byte to the alphabet names the decoders use, so a
 * notification can say how its message was coded.
 *
 * @module
 */

import type { Alphabet } from './alphabet.js';
import { describeCbsDataCodingScheme } from './cbs-data-coding-scheme.js';
import { describeDataCodingScheme } from './data-coding-scheme.js';
import { MobileBroadbandError } from '../errors.js';

/**
 * Which scheme an EncodingType follows: `'sms'` (GSM SMS, MessageType 0) or `'ussd'`
 * (MessageType 2). CDMA SMS (MessageType 1) uses CDMA's own encodings and is not covered.
 */
export type EncodingBearer = 'sms' | 'ussd';

/**
 * The alphabet named by a notification's EncodingType byte. Pure: the same byte and bearer
 * always give the same name.
 *
 * @example
 * ```ts
 * import { alphabetOfEncodingType } from 'windows-mobile-broadband/messages';
 * alphabetOfEncodingType(0x08, 'sms'); // 'ucs2'
 * alphabetOfEncodingType(0x0f, 'ussd'); // 'gsm7'
 * alphabetOfEncodingType(0x48, 'ussd'); // 'ucs2'
 * ```
 *
 * @throws MobileBroadbandError `ERR_INVALID_ARGUMENT` when `encodingType` is not a byte or
 *   `bearer` is neither `'sms'` nor `'ussd'`.
 */
export function alphabetOfEncodingType(encodingType: number, bearer: EncodingBearer): Alphabet {
  if (bearer === 'sms') return describeDataCodingScheme(encodingType).alphabet;
  if (bearer === 'ussd') return describeCbsDataCodingScheme(encodingType).alphabet;
  throw new MobileBroadbandError(
    'ERR_INVALID_ARGUMENT',
    `bearer must be 'sms' or 'ussd', got ${JSON.stringify(bearer)}`,
  );
}
