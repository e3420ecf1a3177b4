/**
 * 7-bit packing (3GPP TS 23.038 §6.1.2.1): septets are laid end to end, least significant bit
 * first, so septet `i` occupies bits `7i … 7i+6` of the octet string. Reading septet `i`
 * directly from that bit position also handles the fill bits after a user-data header, which
 * only serve to make the first text septet start at a septet boundary.
 *
 * @module
 */

/** Septets that fit in `octets` octets. */
export function septetsInOctets(octets: number): number {
  return Math.floor((octets * 8) / 7);
}

/** Octets needed for `septets` septets. */
export function octetsForSeptets(septets: number): number {
  return Math.ceil((septets * 7) / 8);
}

import { allocateBytes } from './allocate-bytes.js';

/**
 * Septets `first … first+count-1` of the packed octets `packed`, one per array element. The
 * caller makes sure `packed` holds at least `octetsForSeptets(first + count)` octets; missing
 * octets read as zero bits rather than throwing.
 */
export function unpackSeptets(packed: Uint8Array, first: number, count: number): Uint8Array {
  const out = allocateBytes(count);
  for (let i = 0; i < count; i++) out[i] = septetAt(packed, first + i);
  return out;
}

/** Septet `index` of the packed octets (missing octets read as zero bits). */
export function septetAt(packed: Uint8Array, index: number): number {
  const bit = index * 7;
  const at = bit >> 3;
  const shift = bit & 7;
  let value = (packed[at] ?? 0) >> shift;
  if (shift > 1) value |= (packed[at + 1] ?? 0) << (8 - shift);
  return value & 0x7f;
}
