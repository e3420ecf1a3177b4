/**
 * What the decoders accept: bytes, or hex text as modems print it (`AT+CMGR`, `AT+CUSD`, logs).
 *
 * Hex is case-insensitive; spaces, tabs and line breaks between digits are ignored so a dump
 * pasted from a log works as is. Anything else, or an odd number of digits, is
 * `ERR_INVALID_PDU`. Sizes are bounded before any work is done, so a huge string costs nothing.
 *
 * @module
 */

import { MobileBroadbandError } from '../errors.js';
import { allocateBytes } from './allocate-bytes.js';
import { invalidPdu } from './invalid-pdu.js';

/** Bytes, or hex text (whitespace between digits allowed). */
export type PduInput = Uint8Array | string;

/** Hex characters allowed per byte, counting generous whitespace, before a string is refused. */
const hexCharactersPerByte = 3;

/**
 * The bytes of `input`, refusing more than `maxBytes`. A `Uint8Array` (or `Buffer`) is read in
 * place, without copying; decoders copy what they keep.
 */
export function toBytes(input: PduInput, maxBytes: number, what: string): Uint8Array {
  if (input instanceof Uint8Array) {
    if (input.length > maxBytes) {
      throw invalidPdu(
        'length',
        0,
        `${what} is ${input.length} bytes; at most ${maxBytes} are possible`,
      );
    }
    // A plain view: Buffer's `slice` does not copy, Uint8Array's does, and decoders rely on that.
    return new Uint8Array(input.buffer, input.byteOffset, input.length);
  }
  if (typeof input !== 'string') {
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      `${what} must be a Uint8Array/Buffer or a hex string, got ${input === null ? 'null' : typeof input}`,
    );
  }
  return parseHex(input, maxBytes, what);
}

function parseHex(text: string, maxBytes: number, what: string): Uint8Array {
  if (text.length > maxBytes * hexCharactersPerByte + 16) {
    throw invalidPdu(
      'length',
      0,
      `${what} is ${text.length} characters of hex; at most ${maxBytes} bytes are possible`,
    );
  }
  if (text.length <= maxBytes * 2) {
    // Fast path: Node's decoder stops at the first character that is not hex, so a result of
    // exactly half the length proves every character was a hex digit.
    const fast = Buffer.from(text, 'hex');
    if (fast.length * 2 === text.length) {
      return new Uint8Array(fast.buffer, fast.byteOffset, fast.length);
    }
  }
  // Whitespace, or an error to report with its position.
  const out = allocateBytes(Math.min(maxBytes, text.length >> 1));
  let count = 0;
  let high = -1;
  let highIndex = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d) continue;
    const nibble = hexValue(code);
    if (nibble < 0) {
      throw invalidPdu(
        'hex',
        i,
        `character ${JSON.stringify(text[i])} is not a hex digit (expected 0-9, a-f, A-F or whitespace)`,
      );
    }
    if (high < 0) {
      high = nibble;
      highIndex = i;
      continue;
    }
    if (count === maxBytes) {
      throw invalidPdu('length', 0, `${what} has more than ${maxBytes} bytes`);
    }
    out[count++] = (high << 4) | nibble;
    high = -1;
  }
  if (high >= 0) {
    throw invalidPdu(
      'hex',
      highIndex,
      'odd number of hex digits: the last digit has no partner (each byte is two digits)',
    );
  }
  return count === out.length ? out : out.subarray(0, count);
}

function hexValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  const lower = code | 0x20;
  if (lower >= 0x61 && lower <= 0x66) return lower - 0x61 + 10;
  return -1;
}
