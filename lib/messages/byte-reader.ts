/**
 * A cursor over the bytes of a PDU. Every read names the field it is for, so running off the
 * end of a truncated PDU becomes an `ERR_INVALID_PDU` naming that field and its offset instead
 * of an `undefined` that surfaces later as a TypeError.
 *
 * @module
 */

import { invalidPdu } from './invalid-pdu.js';

/** Reads a PDU front to back; offsets are absolute positions in the input. */
export class ByteReader {
  readonly bytes: Uint8Array;
  #offset: number;

  constructor(bytes: Uint8Array, offset = 0) {
    this.bytes = bytes;
    this.#offset = offset;
  }

  /** The position of the next byte. */
  get offset(): number {
    return this.#offset;
  }

  /** Bytes not read yet. */
  get remaining(): number {
    return this.bytes.length - this.#offset;
  }

  /** One octet of `field`. */
  u8(field: string): number {
    const value = this.bytes[this.#offset];
    if (value === undefined) {
      throw invalidPdu(field, this.#offset, 'the PDU ends before this field');
    }
    this.#offset++;
    return value;
  }

  /** `length` octets of `field`, as a view (not a copy) of the input. */
  take(length: number, field: string, what?: string): Uint8Array {
    if (length > this.remaining) {
      throw invalidPdu(
        field,
        this.#offset,
        `${what ?? 'the field'} needs ${length} byte${length === 1 ? '' : 's'}, but only ${this.remaining} remain`,
      );
    }
    const view = this.bytes.subarray(this.#offset, this.#offset + length);
    this.#offset += length;
    return view;
  }
}
