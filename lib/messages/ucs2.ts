/**
 * UCS-2 as it travels in SMS and USSD: big-endian 16-bit code units. Senders put UTF-16 there
 * (emoji as surrogate pairs), so the units become a JavaScript string one for one: a pair stays
 * a pair, and a pair split across two parts of a concatenated message joins again when the
 * parts' texts are concatenated. Nothing is replaced with U+FFFD.
 *
 * @module
 */

/** Text of the big-endian code units in `bytes[start..end)`; `end - start` must be even. */
export function decodeUcs2(bytes: Uint8Array, start = 0, end: number = bytes.length): string {
  const units = new Array<number>((end - start) >> 1);
  for (let i = start, k = 0; i + 1 < end; i += 2, k++) {
    units[k] = (bytes[i]! << 8) | bytes[i + 1]!;
  }
  // At most 80 units (160 octets): one call, no chunking needed.
  return String.fromCharCode.apply(null, units);
}
