/**
 * Patterns and texts for the property tests that run two ways of matching on the same input
 * (native-pattern.test.ts: RegExp and re2js; joined-candidates.test.ts: rules joined in one
 * RegExp run and rules tried one by one).
 */

import fc from 'fast-check';

const atoms = [
  'a',
  'b',
  '1',
  ' ',
  '\\.',
  '.',
  '\\d',
  '\\w',
  '\\s',
  '\\W',
  '[ab]',
  '[^a]',
  '[^]',
  '😀',
  '\\uD83D\\uDE00',
  '\\n',
];
const quantifiers = ['', '', '', '*', '+', '?', '{2}', '{1,3}', '*?', '+?', '??', '{0,2}?'];

/** Patterns from a small grammar: sequences of atoms and groups, quantified, with anchors. */
export const pattern: fc.Arbitrary<string> = fc.letrec<{ seq: string; item: string }>((tie) => ({
  seq: fc.array(tie('item'), { minLength: 1, maxLength: 5 }).map((items) => items.join('')),
  item: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.tuple(fc.constantFrom(...atoms), fc.constantFrom(...quantifiers)).map(([a, q]) => a + q),
    fc.constantFrom('^', '$', '\\b'),
    fc
      .tuple(
        fc.constantFrom('(', '(?:', '(?<g>'),
        tie('seq'),
        fc.option(tie('seq'), { nil: undefined }),
        fc.constantFrom(...quantifiers),
      )
      .map(([open, a, b, q]) => `${open}${a}${b === undefined ? '' : `|${b}`})${q}`),
  ),
})).seq;

/** Short texts of the characters the patterns speak of, surrogate halves and line breaks among them. */
export const text = fc
  .array(
    fc.constantFrom(
      'a',
      'b',
      '1',
      '2',
      ' ',
      '.',
      '\n',
      '\u2028',
      '😀',
      '\uD83D',
      '\uDE00',
      'é',
      '_',
    ),
    {
      maxLength: 40,
    },
  )
  .map((chars) => chars.join(''));

/**
 * Flat patterns of the same atoms, some in a capture group: most run on RegExp (the grammar's
 * nested groups mostly do not), for tests that need many such patterns side by side.
 */
export const flatPattern: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      fc.tuple(fc.constantFrom(...atoms), fc.constantFrom(...quantifiers)).map(([a, q]) => a + q),
      fc
        .tuple(fc.constantFrom(...atoms), fc.constantFrom(...quantifiers))
        .map(([a, q]) => `(${a + q})`),
      fc.constantFrom('^', '$', '\\b'),
    ),
    { minLength: 1, maxLength: 4 },
  )
  .map((items) => items.join(''));
