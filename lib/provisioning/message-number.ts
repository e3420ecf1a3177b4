/**
 * Numbers as operators write them in messages, per the rule's `Locale` (`1,024.50` in en-us,
 * `1.024,50` in de-de).
 *
 * @module
 */

import { MobileBroadbandError } from '../errors.js';
import { checkStringArgument } from '../check-arguments.js';

interface Separators {
  group: string;
  decimal: string;
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

function separatorsFor(locale: string): Separators {
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
  let separators: ReturnType<typeof separatorsFor>;
  try {
    separators = separatorsFor(locale);
  } catch {
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      'parseMessageNumber: locale is not a locale (such as en-us)',
    );
  }
  const { group, decimal } = separators;
  // The common case needs no rewriting.
  if (decimal === '.' && /^\d{1,15}(?:\.\d{1,15})?$/.test(text)) return Number(text);
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
