/**
 * The smallest argument checks public functions share, so each throws
 * `ERR_INVALID_ARGUMENT` (never a TypeError from deep inside) for what it cannot take.
 *
 * @module
 * @internal
 */

import { MobileBroadbandError } from './errors.js';
import { describeValue } from './time-values.js';

/** An options object, or `undefined` (then `{}`). */
export function checkOptionsObject<T extends object>(options: T | undefined, where: string): T {
  if (options === undefined) return {} as T;
  if (typeof options !== 'object' || options === null || Array.isArray(options))
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      `${where}: options must be an object, got ${describeValue(options)}`,
    );
  return options;
}

/** A string argument. */
export function checkStringArgument(value: unknown, name: string, where: string): string {
  if (typeof value !== 'string')
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      `${where}: ${name} must be a string, got ${describeValue(value)}`,
    );
  return value;
}
