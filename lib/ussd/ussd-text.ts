/**
 * The check every USSD string passes before any backend sees it: the GSM 7-bit default
 * alphabet and its extension table only (3GPP TS 23.038 §6.2.1), 1 to 182 septets (a USSD
 * string is at most 160 octets of packed septets, TS 23.090). Characters of the extension
 * table (`{ } [ ] ~ | ^ € \` and the page break) take two septets each.
 *
 * @module
 */

import { describeKind } from '../check-arguments.js';
import { MobileBroadbandError } from '../errors.js';
import { gsm7SeptetsOf } from '../messages/gsm7-alphabet.js';
import { escapeControlCharacters } from '../text/quote-user-value.js';

/** The most septets a USSD string holds (160 octets of packed 7-bit characters). */
export const maxUssdSeptets = 182;

/**
 * Throws `ERR_INVALID_ARGUMENT` unless `text` is a USSD string Windows can send: a string of
 * 1–182 septets of the GSM 7-bit alphabet. The message names the first character outside the
 * alphabet by its position (1-based, in characters) and code point, never the string whole.
 * Stops at the first problem, so a string of megabytes costs no more than 183 characters.
 *
 * @param where The call, for the message (`'ussd.send(text)'`).
 */
export function checkUssdText(text: unknown, where: string): asserts text is string {
  if (typeof text !== 'string')
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      `${where}: text must be a string, got ${describeKind(text)}`,
    );
  if (text.length === 0)
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      `${where}: text is empty; a USSD string has 1 to ${maxUssdSeptets} characters (such as *100#)`,
    );
  let septets = 0;
  let position = 0;
  for (const char of text) {
    position += 1;
    const count = gsm7SeptetsOf(char);
    if (count === 0) {
      throw new MobileBroadbandError(
        'ERR_INVALID_ARGUMENT',
        `${where}: character ${position} (${describeChar(char)}) is not in the GSM 7-bit alphabet, the only one USSD strings may use`,
        { details: { position, codePoint: char.codePointAt(0) } },
      );
    }
    septets += count;
    if (septets > maxUssdSeptets) {
      throw new MobileBroadbandError(
        'ERR_INVALID_ARGUMENT',
        `${where}: text is too long: a USSD string holds at most ${maxUssdSeptets} septets (characters of the extension table such as € and { count twice); character ${position} goes past the limit`,
        { details: { position, maxSeptets: maxUssdSeptets } },
      );
    }
  }
}

/** `"é", U+00E9` style: the character escaped if it is a control, and its code point. */
function describeChar(char: string): string {
  const codePoint = char.codePointAt(0) ?? 0;
  const hex = codePoint.toString(16).toUpperCase().padStart(4, '0');
  return `"${escapeControlCharacters(char)}", U+${hex}`;
}
