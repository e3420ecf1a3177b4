/**
 * Numbers as operators write them, per locale; the separators known without ICU are ICU's.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isLocaleTag, parseMessageNumber } from '../../lib/provisioning/message-number.js';

function icuSeparators(locale: string): { group: string; decimal: string } {
  const parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
  return {
    group: parts.find((p) => p.type === 'group')!.value,
    decimal: parts.find((p) => p.type === 'decimal')!.value,
  };
}

describe('parseMessageNumber', () => {
  it('en-US (the default, read without ICU) agrees with ICU in every spelling of the tag', () => {
    for (const locale of ['en-US', 'en-us', 'EN-us', 'en']) {
      expect(icuSeparators(locale)).toEqual({ group: ',', decimal: '.' });
      expect(parseMessageNumber('1,024.50', locale)).toBe(1024.5);
    }
    expect(parseMessageNumber('5')).toBe(5);
  });

  it("other locales read with ICU's separators", () => {
    expect(parseMessageNumber('1.024,50', 'de-DE')).toBe(1024.5);
    expect(parseMessageNumber('1\u202f024,5', 'fr-FR')).toBe(1024.5);
    // en-ZA is English, but writes decimals with a comma: not the en-US table.
    const za = icuSeparators('en-ZA');
    expect(parseMessageNumber(`1${za.group}024${za.decimal}5`, 'en-ZA')).toBe(1024.5);
  });

  it('a locale that is not a language tag is ERR_INVALID_ARGUMENT', () => {
    expect(() => parseMessageNumber('1', 'not a locale')).toThrow(
      expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }),
    );
  });
});

describe('isLocaleTag', () => {
  it('accepts what Intl.NumberFormat accepts, and refuses what it refuses', () => {
    for (const tag of [
      'en-us',
      'de-DE',
      'zh-Hant-TW',
      'en-u-nu-arab',
      '',
      'not a locale',
      'x',
      '12',
      'en_US',
    ]) {
      let accepted = true;
      try {
        new Intl.NumberFormat(tag);
      } catch {
        accepted = false;
      }
      expect(isLocaleTag(tag), tag).toBe(accepted);
    }
  });

  it('reads plain decimals to the same double as Number(), with and without the short path', () => {
    // Up to 15 digits in all are read by integer arithmetic; longer ones by Number().
    const decimal = fc
      .tuple(fc.stringMatching(/^[0-9]{1,15}$/), fc.option(fc.stringMatching(/^[0-9]{1,15}$/)))
      .map(([whole, fraction]) => (fraction === null ? whole : `${whole}.${fraction}`));
    fc.assert(
      fc.property(decimal, (text) => {
        expect(parseMessageNumber(text)).toBe(Number(text));
        expect(parseMessageNumber(text.replace('.', ','), 'de-DE')).toBe(Number(text));
      }),
      { numRuns: 5000 },
    );
    expect(parseMessageNumber('0.1')).toBe(0.1);
    expect(parseMessageNumber('123456789012345')).toBe(123456789012345);
    expect(parseMessageNumber('1234567890.12345678')).toBe(Number('1234567890.12345678'));
    expect(parseMessageNumber('.5')).toBe(0.5);
    expect(parseMessageNumber('1.')).toBe(1);
    for (const text of [
      '',
      '.',
      '1.2.3',
      '1e3',
      '-1',
      '１２',
      '1234567890123456789012345678901234567890'.repeat(2),
    ])
      expect(parseMessageNumber(text), text).toBeUndefined();
  });
});
