/**
 * The GSM 7-bit default alphabet and its extension table (3GPP TS 23.038 §6.2.1 and §6.2.1.1),
 * and the decoding of septets into text.
 *
 * National language shift tables (TS 23.038 Annex A) are not implemented: a message that asks
 * for one in its user-data header is decoded with the default tables, and the header reports
 * which table was asked for.
 *
 * @module
 */

import { MobileBroadbandError } from '../errors.js';

/** The escape septet: the next septet is read from the extension table. */
export const escapeSeptet = 0x1b;

/** Carriage return, also the padding septet of USSD and cell broadcast (TS 23.038 §6.1.2.3). */
export const carriageReturnSeptet = 0x0d;

/**
 * The default alphabet, indexed by septet value. Position 0x1B is the escape to the extension
 * table and never appears in decoded text.
 */
export const gsm7DefaultAlphabet: readonly string[] = [
  ...'@£$¥èéùìòÇ\nØø\rÅå',
  ...'Δ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ',
  ...' !"#¤%&\'()*+,-./',
  ...'0123456789:;<=>?',
  ...'¡ABCDEFGHIJKLMNO',
  ...'PQRSTUVWXYZÄÖÑÜ§',
  ...'¿abcdefghijklmno',
  ...'pqrstuvwxyzäöñüà',
];

/**
 * The extension table: characters reached with the escape septet. Codes not listed here fall
 * back to the default alphabet, as TS 23.038 §6.2.1.1 tells receivers to.
 */
export const gsm7ExtensionTable: Readonly<Record<number, string>> = {
  0x0a: '\f', // page break; receivers that do not know it treat it as a line feed
  0x14: '^',
  0x28: '{',
  0x29: '}',
  0x2f: '\\',
  0x3c: '[',
  0x3d: '~',
  0x3e: ']',
  0x40: '|',
  0x65: '€',
};

const defaultChars = new Set(gsm7DefaultAlphabet.filter((char) => char !== '\u001b'));
const extensionChars = new Set(Object.values(gsm7ExtensionTable));

/**
 * How many septets one character (a code point) takes in the GSM 7-bit default alphabet with
 * its extension table: 1, 2 (escape + extension code), or 0 when the alphabet lacks it.
 */
export function gsm7SeptetsOf(char: string): 0 | 1 | 2 {
  if (defaultChars.has(char)) return 1;
  return extensionChars.has(char) ? 2 : 0;
}

// Code-unit lookup tables: decoding is the hot path of every message. Every character of both
// tables is a single UTF-16 code unit; -1 marks codes the extension table does not define.
const defaultCodes = Uint16Array.from(gsm7DefaultAlphabet, (char) => char.charCodeAt(0));
const extensionCodes = Int32Array.from({ length: 128 }, (_, code) => {
  const char = gsm7ExtensionTable[code];
  return char === undefined ? -1 : char.charCodeAt(0);
});
const spaceCode = 0x20;

/**
 * Text of the septets `septets[start..end)`.
 *
 * - Escape + a code of the extension table: that character.
 * - Escape + escape: a space. TS 23.038 reserves that code for a future second extension table
 *   and tells receivers to show a space until one is defined.
 * - Escape + any other code: the default-alphabet character of that code (TS 23.038 §6.2.1.1).
 * - An escape as the last septet has nothing to extend and is dropped.
 *
 * Values are masked to 7 bits, so any byte array is safe to pass.
 */
export function decodeGsm7(septets: ArrayLike<number>, start = 0, end?: number): string {
  if (end === undefined) end = (septets as ArrayLike<number> | null)?.length;
  if (
    typeof septets !== 'object' ||
    septets === null ||
    typeof septets.length !== 'number' ||
    !Number.isSafeInteger(start) ||
    end === undefined ||
    !Number.isSafeInteger(end) ||
    start < 0 ||
    end > septets.length ||
    start > end
  )
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      'decodeGsm7 takes septets (an array or typed array of numbers) and 0 ≤ start ≤ end ≤ their length',
    );
  // Code units collected in a plain array and turned into a string at once: a flat string,
  // faster than appending character by character.
  const units: number[] = [];
  for (let i = start; i < end; i++) {
    const septet = septets[i]! & 0x7f;
    if (septet !== escapeSeptet) {
      units.push(defaultCodes[septet]!);
      continue;
    }
    if (i + 1 >= end) break;
    const next = septets[++i]! & 0x7f;
    if (next === escapeSeptet) {
      units.push(spaceCode);
      continue;
    }
    const extended = extensionCodes[next]!;
    units.push(extended >= 0 ? extended : defaultCodes[next]!);
  }
  return fromCodeUnits(units);
}

/** Messages hold at most a few hundred units; longer input is converted in slices. */
const applyLimit = 4096;

function fromCodeUnits(units: number[]): string {
  if (units.length <= applyLimit) return String.fromCharCode.apply(null, units);
  let text = '';
  for (let i = 0; i < units.length; i += applyLimit) {
    text += String.fromCharCode.apply(null, units.slice(i, i + applyLimit));
  }
  return text;
}
