/**
 * The names every decoder in this folder uses for character sets and message classes.
 *
 * @module
 */

/**
 * The character set a data coding scheme names: the GSM 7-bit default alphabet, 8-bit data,
 * UCS-2 (UTF-16 in practice), or a reserved code. TS 23.038 tells receivers to treat reserved
 * codes as the GSM 7-bit default alphabet, and the decoders do.
 */
export type Alphabet = 'gsm7' | '8bit' | 'ucs2' | 'reserved';

/** The character set a decoder actually used: {@link Alphabet} without `'reserved'`. */
export type DecodedAlphabet = Exclude<Alphabet, 'reserved'>;

/**
 * Message class (TS 23.038 §4): 0 show at once ("flash"), 1 ME-specific, 2 (U)SIM-specific,
 * 3 TE-specific.
 */
export type MessageClass = 0 | 1 | 2 | 3;

const alphabetBits: readonly Alphabet[] = ['gsm7', '8bit', 'ucs2', 'reserved'];

/** The alphabet coded in bits 3..2 of a DCS (the same in SMS and cell-broadcast groups). */
export function alphabetOfBits(dcs: number): Alphabet {
  return alphabetBits[(dcs >> 2) & 3]!;
}

/** The alphabet a decoder uses for `alphabet`: reserved codes are GSM 7-bit (TS 23.038 §4, §5). */
export function decodingAlphabet(alphabet: Alphabet): DecodedAlphabet {
  return alphabet === 'reserved' ? 'gsm7' : alphabet;
}
