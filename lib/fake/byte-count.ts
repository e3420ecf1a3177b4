/**
 * Byte counts given to the fake: a non-negative safe integer, or a size such as `"150MB"` or
 * `"1.5GB"` (binary units, as Windows counts: 1 MB = 1 048 576 bytes).
 *
 * @module
 */

import { MobileBroadbandError } from '../errors.js';

const unitBytes: Record<string, number> = {
  B: 1,
  KB: 2 ** 10,
  MB: 2 ** 20,
  GB: 2 ** 30,
  TB: 2 ** 40,
};

const sizePattern = /^(\d+(?:\.\d+)?)\s*(B|KB|MB|GB|TB)$/i;

/** Bytes in one megabyte, as Windows counts them. */
export { megabyte } from '../derived/data-plan-thresholds.js';

/**
 * The number of bytes `value` stands for; throws `ERR_INVALID_ARGUMENT` naming `what` for a
 * negative, fractional, unsafe or unparseable count.
 */
export function toByteCount(value: unknown, what: string): number {
  if (typeof value === 'number') {
    if (Number.isSafeInteger(value) && value >= 0) return value;
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      `${what} must be a non-negative integer number of bytes (or a size such as "150MB"), got ${value}`,
    );
  }
  if (typeof value === 'string') {
    const match = sizePattern.exec(value.trim());
    if (match !== null) {
      const bytes = Math.round(Number(match[1]) * unitBytes[match[2]!.toUpperCase()]!);
      if (Number.isSafeInteger(bytes)) return bytes;
    }
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      `${what} must be a byte count or a size such as "150MB" or "1.5GB", got ${JSON.stringify(value.slice(0, 40))}`,
    );
  }
  throw new MobileBroadbandError(
    'ERR_INVALID_ARGUMENT',
    `${what} must be a non-negative integer number of bytes (or a size such as "150MB"), got ${value === null ? 'null' : typeof value}`,
  );
}
