/**
 * Mutations of valid seed inputs: most fuzz inputs should be almost right, so that they get
 * past the first check and into the code behind it. Each mutation is one small change a
 * broken or hostile producer could make; a few inputs get several.
 */

import type { Random } from './random.js';

/** Characters that matter to the formats fuzzed: syntax, escapes, controls, surrogates. */
const interesting = [
  '<',
  '>',
  '&',
  '"',
  "'",
  '/',
  '=',
  '$',
  '{',
  '}',
  '[',
  ']',
  ':',
  ',',
  '\\',
  '%',
  '#',
  '*',
  '\0',
  '\n',
  '\r',
  '\t',
  '\u0085',
  '\u2028',
  '\ud800',
  '\udfff',
  '\ufeff',
  '\uffff',
  '😀',
  '0',
  '9',
  'f',
  'F',
  '-',
  '+',
  '.',
  'e',
  ' ',
];

/** Whole tokens worth splicing in: entities, markup, numbers at the edges of their ranges. */
const tokens = [
  '<!DOCTYPE x [<!ENTITY a "aaaa">]>',
  '&a;',
  '&#0;',
  '&#x110000;',
  '<![CDATA[',
  ']]>',
  '<?xml version="1.0"?>',
  'xmlns="urn:x"',
  'xmlns:p="urn:y"',
  '<x>',
  '</x>',
  '<x/>',
  '4294967296',
  '-1',
  '1e309',
  'NaN',
  '99999999999999999999',
  '0x7fffffff',
  'null',
  'true',
  '[]',
  '{}',
  '"__proto__"',
  '"constructor"',
  '(a+)+$',
  '(?<n>x)',
  '\\1',
  '[^]*',
];

export function mutate(input: string, random: Random): string {
  let out = input;
  const count = random.chance(0.8) ? 1 : 1 + random.below(8);
  for (let i = 0; i < count; i++) out = mutateOnce(out, random);
  return out;
}

function mutateOnce(input: string, random: Random): string {
  const at = input.length === 0 ? 0 : random.below(input.length);
  const end = Math.min(input.length, at + 1 + random.below(32));
  switch (random.below(10)) {
    case 0: // flip one character
      return input.slice(0, at) + random.pick(interesting) + input.slice(at + 1);
    case 1: // insert a character
      return input.slice(0, at) + random.pick(interesting) + input.slice(at);
    case 2: // delete a run
      return input.slice(0, at) + input.slice(end);
    case 3: // truncate
      return input.slice(0, at);
    case 4: // duplicate a run, maybe many times
      return (
        input.slice(0, end) +
        input.slice(at, end).repeat(random.chance(0.9) ? 1 : 1000) +
        input.slice(end)
      );
    case 5: // splice in a token
      return input.slice(0, at) + random.pick(tokens) + input.slice(at);
    case 6: // swap two runs
      return (
        input.slice(0, at) +
        input.slice(end, end + (end - at)) +
        input.slice(at, end) +
        input.slice(end + (end - at))
      );
    case 7: // change a digit run to an edge value
      return input.replace(/\d+/, () =>
        random.pick(['0', '-1', '255', '256', '65536', '4294967296', '1'.repeat(40)]),
      );
    case 8: // bit-flip a character code
      return (
        input.slice(0, at) +
        String.fromCharCode(input.charCodeAt(at) ^ (1 << random.below(16))) +
        input.slice(at + 1)
      );
    default: // random text
      return input.slice(0, at) + randomText(random, 1 + random.below(64)) + input.slice(at);
  }
}

/** Random text over the interesting characters and printable ASCII. */
export function randomText(random: Random, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++)
    out += random.chance(0.3)
      ? random.pick(interesting)
      : String.fromCharCode(32 + random.below(95));
  return out;
}

/** A random hex string of up to `maxBytes` bytes. */
export function randomHex(random: Random, maxBytes: number): string {
  let out = '';
  const bytes = random.below(maxBytes + 1);
  for (let i = 0; i < bytes; i++) out += random.below(256).toString(16).padStart(2, '0');
  return out;
}
