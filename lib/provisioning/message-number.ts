/**
 * Numbers as operators write them in messages, per the rule's `Locale` (`1,024.50` in en-us,
 * `1.024,50` in de-de).
 *
 * @module
 */

import { MobileBroadbandError } from '../errors.js';
import { checkStringArgument } from '../check-arguments.js';

/** @internal How a locale writes numbers: its group and decimal separators. */
export interface Separators {
  readonly group: string;
  readonly decimal: string;
}

const cache = new Map<string, Separators>();
const maxCached = 64;

// Loading ICU's number data costs about 15 ms, on the first Intl.NumberFormat of a process:
// the default locale's separators are known without it (test/provisioning/message-number.test.ts
// checks they are ICU's), so a rule set in en-US never pays that.
const knownSeparators: ReadonlyMap<string, Separators> = new Map([
  ['en', { group: ',', decimal: '.' }],
  ['en-US', { group: ',', decimal: '.' }],
]);

/**
 * Whether `locale` is a well-formed BCP 47 language tag (such as `en-us`): what
 * `Intl.NumberFormat` accepts, checked without loading ICU's number data.
 */
export function isLocaleTag(locale: string): boolean {
  try {
    return Intl.getCanonicalLocales(locale).length === 1;
  } catch {
    return false;
  }
}

/** @internal The separators of a well-formed locale tag (the matcher's rules have one). */
export function separatorsFor(locale: string): Separators {
  const cached = cache.get(locale);
  if (cached !== undefined) return cached;
  const known = knownSeparators.get(Intl.getCanonicalLocales(locale)[0]!);
  let separators = known;
  if (separators === undefined) {
    const parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
    separators = {
      group: parts.find((p) => p.type === 'group')?.value ?? ',',
      decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
    };
  }
  if (cache.size >= maxCached) cache.clear();
  cache.set(locale, separators);
  return separators;
}

/**
 * Reads a non-negative decimal number written the way `locale` writes them (default `en-US`);
 * `undefined` when `text` is not such a number.
 */
export function parseMessageNumber(text: string, locale = 'en-US'): number | undefined {
  checkStringArgument(text, 'text', 'parseMessageNumber');
  checkStringArgument(locale, 'locale', 'parseMessageNumber');
  return readMessageNumber(text, locale);
}

/**
 * @internal {@link parseMessageNumber} without checking its arguments: for the matcher, whose
 * text is a capture group and whose locale was checked when the rule was compiled.
 */
export function readMessageNumber(text: string, locale = 'en-US'): number | undefined {
  // A number is a few digits and separators; a longer text is none.
  if (text.length > 64) return undefined;
  let separators: Separators;
  try {
    separators = separatorsFor(locale);
  } catch {
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      'parseMessageNumber: locale is not a locale (such as en-us)',
    );
  }
  return readNumberWith(text, separators);
}

/** @internal {@link readMessageNumber} with the locale's separators already found. */
export function readNumberWith(text: string, separators: Separators): number | undefined {
  if (text.length > 64) return undefined;
  const { group, decimal } = separators;
  // The common case (up to 15 digits, maybe a point and up to 15 more) needs no rewriting.
  if (decimal === '.') {
    const value = plainDecimal(text);
    if (value >= 0) return value;
  }
  let normalized = '';
  for (const c of text.trim()) {
    if (c === decimal) normalized += '.';
    // Group separators, and the spaces some locales group with, carry no value.
    else if (c === group || c === ' ' || c === '\u00a0' || c === '\u202f') continue;
    else normalized += c;
  }
  if (!/^(?:\d+(?:\.\d*)?|\.\d+)$/.test(normalized)) return undefined;
  return Number(normalized);
}

/**
 * The value of `text` when it is 1–15 ASCII digits, then maybe a point and 1–15 more, and
 * nothing else; -1 when it is not. With at most 15 digits in all, the digits make an exact
 * integer and one division by an exact power of ten rounds once, correctly: the same double
 * as `Number(text)`, which costs more. Longer ones are left to `Number`.
 */
function plainDecimal(text: string): number {
  const length = text.length;
  let digits = 0;
  let i = 0;
  for (; i < length; i++) {
    const digit = text.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) break;
    digits = digits * 10 + digit;
  }
  if (i === 0 || i > 15) return -1;
  if (i === length) return digits;
  if (text.charCodeAt(i) !== 0x2e) return -1;
  const fraction = ++i;
  for (; i < length; i++) {
    const digit = text.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) return -1;
    digits = digits * 10 + digit;
  }
  const places = length - fraction;
  if (places === 0 || places > 15) return -1;
  return length - 1 <= 15 ? digits / 10 ** places : Number(text);
}
