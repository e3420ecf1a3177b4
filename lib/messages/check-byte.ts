/**
 * Argument checks shared by the public functions that take a DCS or EncodingType byte.
 *
 * @module
 */

import { MobileBroadbandError } from '../errors.js';

/** Throws `ERR_INVALID_ARGUMENT` unless `value` is an integer 0–255. */
export function checkByte(value: unknown, name: string): asserts value is number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 255) {
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      `${name} must be a byte (an integer 0-255), got ${typeof value === 'number' ? String(value) : typeof value}`,
    );
  }
}
