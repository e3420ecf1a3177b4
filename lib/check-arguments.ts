/**
 * The smallest argument checks public functions share, so each throws
 * `ERR_INVALID_ARGUMENT` (never a TypeError from deep inside) for what it cannot take.
 *
 * @module
 * @internal
 */

import { MobileBroadbandError } from './errors.js';

/**
 * The kind of a value that is not what was expected ("a string", "null", "an array"), never its
 * content: an argument in the wrong place may be a secret (a confirmation code given as a
 * timeout). For quoting a value itself, see lib/events/describe-value.ts.
 */
export function describeKind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number') return String(value);
  if (value instanceof Date) return 'an Invalid Date';
  return typeof value;
}

/** An options object, or `undefined` (then `{}`). */
export function checkOptionsObject<T extends object>(options: T | undefined, where: string): T {
  if (options === undefined) return {} as T;
  if (typeof options !== 'object' || options === null || Array.isArray(options))
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      `${where}: options must be an object, got ${describeKind(options)}`,
    );
  return options;
}

/** A string argument. */
export function checkStringArgument(value: unknown, name: string, where: string): string {
  if (typeof value !== 'string')
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      `${where}: ${name} must be a string, got ${describeKind(value)}`,
    );
  return value;
}
