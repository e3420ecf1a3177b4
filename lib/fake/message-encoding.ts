/**
 * How the fake codes a message it delivers: the EncodingType (data coding scheme) and the
 * MessageDataSize Windows would report for a text, per bearer.
 *
 * @module
 */

import { gsm7SeptetsOf } from '../messages/gsm7-alphabet.js';

/** Septets of `text` in the GSM 7-bit default alphabet with its extension, or undefined. */
export function gsm7Septets(text: string): number | undefined {
  let septets = 0;
  for (const char of text) {
    const count = gsm7SeptetsOf(char);
    if (count === 0) return undefined;
    septets += count;
  }
  return septets;
}

/** EncodingType and MessageDataSize of a message. */
export interface MessageCoding {
  encodingType: number;
  messageDataSize: number;
}

/**
 * GSM SMS: TP-DCS 0x00 (GSM 7-bit) or 0x08 (UCS-2), with the class-0 bits (0x10) for a flash
 * message; the size is the packed user data.
 */
export function smsCoding(text: string, classZero: boolean): MessageCoding {
  const septets = gsm7Septets(text);
  const classBits = classZero ? 0x10 : 0x00;
  return septets === undefined
    ? { encodingType: 0x08 | classBits, messageDataSize: text.length * 2 }
    : { encodingType: classBits, messageDataSize: Math.ceil((septets * 7) / 8) };
}

/** USSD: cell-broadcast DCS 0x0F (GSM 7-bit, language unspecified) or 0x48 (UCS-2). */
export function ussdCoding(text: string): MessageCoding {
  const septets = gsm7Septets(text);
  return septets === undefined
    ? { encodingType: 0x48, messageDataSize: text.length * 2 }
    : { encodingType: 0x0f, messageDataSize: Math.ceil((septets * 7) / 8) };
}

/** CDMA SMS (3GPP2 C.S0015 MSG_ENCODING): 2 = 7-bit ASCII, 4 = UCS-2 ("Unicode"). */
export function cdmaCoding(text: string): MessageCoding {
  // eslint-disable-next-line no-control-regex -- 7-bit ASCII is exactly this range
  return /^[\u0000-\u007f]*$/.test(text)
    ? { encodingType: 2, messageDataSize: Math.ceil((text.length * 7) / 8) }
    : { encodingType: 4, messageDataSize: text.length * 2 };
}
