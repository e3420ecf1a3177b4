/**
 * Unit multipliers of message rules (`Units`, `DefaultUnit`), as Windows' WWAN schema defines
 * them: `K`, `M`, `G`, `T` are powers of 1000; `Ki`, `Mi`, `Gi`, `Ti` powers of 1024.
 *
 * @module
 */

import type { MessageUnits } from './provisioning-document.js';
import { MobileBroadbandError } from '../errors.js';
import { checkStringArgument } from '../check-arguments.js';

/** The multipliers of the WWAN schema's `Units` element. */
export const unitMultipliers = {
  K: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
} as const;

/** A multiplier name: an attribute of `Units`, or a `DefaultUnit` value. */
export type UnitMultiplier = keyof typeof unitMultipliers;

/** Whether `name` is a {@link UnitMultiplier}. */
export function isUnitMultiplier(name: string): name is UnitMultiplier {
  return Object.hasOwn(unitMultipliers, name);
}

/** Bytes per unit for a multiplier name, or `'None'` (bytes). */
export function bytesPerUnit(multiplier: UnitMultiplier | 'None'): number {
  return multiplier === 'None' ? 1 : unitMultipliers[multiplier];
}

/**
 * The multiplier a unit text of a message stands for: an exact token first, then a
 * case-insensitive one (`gb` for `GB`); `undefined` when no token matches.
 */
export function unitForText(
  units: MessageUnits | undefined,
  text: string,
): UnitMultiplier | undefined {
  checkStringArgument(text, 'text', 'unitForText');
  if (units === undefined) return undefined;
  if (typeof units !== 'object' || units === null)
    throw new MobileBroadbandError('ERR_INVALID_ARGUMENT', 'unitForText: units must be an object');
  const wanted = text.trim();
  // Plain loops, no entries arrays: this runs for every amount of every matched message.
  for (const multiplier in units)
    if (Object.hasOwn(units, multiplier) && units[multiplier as UnitMultiplier]!.includes(wanted))
      return multiplier as UnitMultiplier;
  const lower = wanted.toLowerCase();
  for (const multiplier in units) {
    if (!Object.hasOwn(units, multiplier)) continue;
    for (const token of units[multiplier as UnitMultiplier]!)
      if (token.toLowerCase() === lower) return multiplier as UnitMultiplier;
  }
  return undefined;
}
