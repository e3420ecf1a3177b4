/**
 * The one way decoding fails: a {@link MobileBroadbandError} with code `ERR_INVALID_PDU`, the
 * field that broke and the byte offset where it starts, so a user holding a hex dump can find
 * the bad byte.
 *
 * @module
 */

import { MobileBroadbandError } from '../errors.js';

/**
 * `details` of an `ERR_INVALID_PDU` error.
 *
 * `offset` counts bytes from the start of the input (the SMSC length octet when the PDU has
 * one). For a hex string that is not valid hex, it is the index of the offending character.
 */
// A type alias, not an interface, so it fits the error's `Record<string, unknown>` details.
export type InvalidPduDetails = {
  /** The field that broke, in the specifications' spelling (`TP-UDL`, `TP-OA`, …). */
  readonly field: string;
  /** Where the field starts (bytes), or the character index for hex syntax errors. */
  readonly offset: number;
};

/** An `ERR_INVALID_PDU` error naming the field and the offset. */
export function invalidPdu(
  field: string,
  offset: number,
  problem: string,
  cause?: unknown,
): MobileBroadbandError {
  const details: InvalidPduDetails = { field, offset };
  return new MobileBroadbandError(
    'ERR_INVALID_PDU',
    `Invalid PDU: ${field} at byte ${offset}: ${problem}`,
    {
      details,
      ...(cause === undefined ? {} : { cause }),
    },
  );
}
