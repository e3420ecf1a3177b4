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
  return unitReader(units)(text);
}

/**
 * @internal {@link unitForText} for one rule's units, its tables made once: what the matcher
 * asks for every amount of every message.
 */
export function unitReader(
  units: MessageUnits | undefined,
): (text: string) => UnitMultiplier | undefined {
  // Lists, not maps: a rule has a few tokens, and comparing a fresh string with each costs
  // less than hashing it. The first multiplier listing a token wins, as Units are written.
  const tokens: string[] = [];
  const lowerTokens: string[] = [];
  const multipliers: UnitMultiplier[] = [];
  for (const multiplier in units) {
    if (!Object.hasOwn(units, multiplier)) continue;
    for (const token of units[multiplier as UnitMultiplier]!) {
      tokens.push(token);
      lowerTokens.push(token.toLowerCase());
      multipliers.push(multiplier as UnitMultiplier);
    }
  }
  return (text) => {
    const wanted = isTrimmed(text) ? text : text.trim();
    for (let i = 0; i < tokens.length; i++) if (tokens[i] === wanted) return multipliers[i];
    const lower = wanted.toLowerCase();
    for (let i = 0; i < lowerTokens.length; i++)
      if (lowerTokens[i] === lower) return multipliers[i];
    return undefined;
  };
}

/** Whether `text` surely has nothing `trim()` removes: it starts and ends with visible ASCII. */
function isTrimmed(text: string): boolean {
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  return first > 0x20 && first < 0x7f && last > 0x20 && last < 0x7f;
}
