import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import {
  compileOperatorMessagePattern,
  maxMessageTextLength,
} from '../../lib/provisioning/index.js';
import { thrown } from './fixtures.js';

/** What native RegExp gives, in the shape of OperatorMessagePattern.exec. */
function nativeExec(pattern: string, text: string): (string | undefined)[] | undefined {
  const match = new RegExp(pattern).exec(text);
  return match === null ? undefined : [...match];
}

describe('ECMAScript meaning, linear-time engine', () => {
  const agree: [string, string][] = [
    ['[^]*', 'line one\nline two\r\n\u2028end'],
    [
      String.raw`(\d+\.\d+)(\w+) of (\d+)(\w+) used as of (\S+)`,
      'Hi! 1.50GB of 5GB used as of 10:30PM on 05 Jan',
    ],
    ['^a.c$', 'a\nc'],
    ['^a.c$', 'a\u2028c'],
    ['^a.c$', 'abc'],
    [String.raw`\s+`, 'x\u00a0\u3000\ufeff\t y'],
    [String.raw`\S+`, '\u00a0abc\u2028'],
    [String.raw`\w+`, 'ümlaut_42'],
    [String.raw`\bfoo\b`, 'a foo.'],
    [String.raw`\Bo\B`, 'foo bar'],
    ['a$', 'a\n'],
    ['(a)|(b)', 'b'],
    ['(?<year>\\d{4})-(\\d{2})', 'on 2026-01'],
    ['a{2,}?', 'aaaa'],
    ['a+?b', 'aaab'],
    ['[\\S\\d]+', ' ab1 '],
    ['[^\\s]+', ' ab1 '],
    ['[]', 'anything'],
    ['a]b{', 'a]b{'],
    ['\\x41\\u0042\\cJ', 'AB\n'],
    ['[\\b]', 'x\by'],
    ['\\0', 'a\u0000'],
    ['(?:ab|a)(c?)', 'abc'],
  ];
  it.each(agree)('%j on %j matches as RegExp does', (pattern, text) => {
    expect(compileOperatorMessagePattern(pattern).exec(text)).toEqual(nativeExec(pattern, text));
  });

  it('counts groups as ECMAScript does (named groups included)', () => {
    expect(compileOperatorMessagePattern('(a)(?:b)(?<c>c)((d)|e)').groupCount).toBe(4);
  });

  it('matches astral characters as characters', () => {
    expect(compileOperatorMessagePattern('😀+').exec('x😀😀y')?.[0]).toBe('😀😀');
    expect(compileOperatorMessagePattern('[😀]').test('😀')).toBe(true);
  });

  it('agrees with RegExp on generated patterns and texts', () => {
    const atom = fc.constantFrom(
      'a',
      'b',
      '1',
      ' ',
      '\\.',
      '.',
      '[ab]',
      '[^a]',
      '[\\d_]',
      '\\d',
      '\\w',
      '\\s',
      '\\D',
      '\\W',
      '\\S',
      '[^]',
    );
    const quantifier = fc.constantFrom('', '', '?', '*', '+', '{1,2}', '*?', '+?');
    const quantifiedAtom = fc.tuple(atom, quantifier).map(([a, q]) => a + q);
    const plainSequence = fc.array(atom, { minLength: 1, maxLength: 3 }).map((a) => a.join(''));
    // Captures are never repeated, and repeated groups never match empty: those are the two
    // places where ECMAScript and Perl-style engines are known to differ.
    const piece = fc.oneof(
      quantifiedAtom,
      fc.array(quantifiedAtom, { minLength: 1, maxLength: 3 }).map((a) => `(${a.join('')})`),
      fc
        .tuple(fc.array(plainSequence, { minLength: 1, maxLength: 3 }), quantifier)
        .map(([alts, q]) => `(?:${alts.join('|')})${q}`),
      fc.constantFrom('\\b', '\\B'),
    );
    const sequence = fc.array(piece, { minLength: 1, maxLength: 4 }).map((p) => p.join(''));
    const pattern = fc
      .tuple(fc.boolean(), fc.array(sequence, { minLength: 1, maxLength: 2 }), fc.boolean())
      .map(([start, alts, end]) => `${start ? '^' : ''}(?:${alts.join('|')})${end ? '$' : ''}`);
    const text = fc
      .array(fc.constantFrom('a', 'b', '1', ' ', '_', '.', '\n', '\u00a0', 'x'), { maxLength: 12 })
      .map((c) => c.join(''));
    fc.assert(
      fc.property(pattern, text, (p, t) => {
        expect(compileOperatorMessagePattern(p).exec(t)).toEqual(nativeExec(p, t));
      }),
      { numRuns: 400 },
    );
  });
});

describe('patterns that cannot run in linear time are refused with where and why', () => {
  const refused: [string, RegExp][] = [
    ['(a)\\1', /backreference \\1 cannot be matched in linear time/],
    ['(?<x>a)\\k<x>', /backreference \\k<x>/],
    ['x(?=a)', /lookahead \(\?=a\)/],
    ['x(?!a)', /negative lookahead/],
    ['(?<=a)b', /lookbehind/],
    ['(?<!a)b', /negative lookbehind/],
    ['a{0,2000}', /repetition count is too large/],
    ['((a{100}){100})', /repetition count is too large/],
  ];
  it.each(refused)('%j', (pattern, reason) => {
    const error = thrown(() => compileOperatorMessagePattern(pattern));
    expect(error).toMatchObject({ code: 'ERR_INVALID_ARGUMENT' });
    expect(error.message).toMatch(reason);
  });

  it('invalid ECMAScript, with the position', () => {
    const error = thrown(() => compileOperatorMessagePattern('(\\d+ of (\\d+)'));
    expect(error.message).toMatch(/not a valid ECMAScript regular expression/);
    expect(thrown(() => compileOperatorMessagePattern('a**')).details).toMatchObject({ offset: 2 });
    expect(thrown(() => compileOperatorMessagePattern('(?i:a)')).message).toMatch(/not a valid/);
  });

  it('too long', () => {
    expect(thrown(() => compileOperatorMessagePattern('x'.repeat(5000))).message).toMatch(
      /5000 characters long; at most 4096/,
    );
  });
});

describe('no pattern can hang the event loop', () => {
  it('(a+)+$ on 50,000 a and a b ends promptly, where RegExp would backtrack for ages', () => {
    const pattern = compileOperatorMessagePattern('(a+)+$');
    // It runs on RE2, not on a backtracking RegExp: no RegExp runs while it matches.
    expect(pattern.re2Source).toBe('(?:((?:a)+))+$');
    const exec = vi.spyOn(RegExp.prototype, 'exec');
    const text = `${'a'.repeat(50_000)}b`;
    try {
      expect(pattern.exec(text)).toBeUndefined();
      expect(pattern.test(text)).toBe(false);
      expect(exec).not.toHaveBeenCalled();
    } finally {
      exec.mockRestore();
    }
    expect(pattern.exec(`${'a'.repeat(50_000)}`)?.[1]).toHaveLength(50_000);
  });

  it('other classics: (a|a)*$, (a*)*b, (x+x+)+y', () => {
    const text = 'a'.repeat(30_000);
    expect(compileOperatorMessagePattern('^(a|a)*$').test(`${text}!`)).toBe(false);
    expect(compileOperatorMessagePattern('(a*)*b').exec(text)).toBeUndefined();
    expect(compileOperatorMessagePattern('(x+x+)+y').test('x'.repeat(30_000))).toBe(false);
  });

  it('texts over the cap are refused, not matched', () => {
    const error = thrown(() =>
      compileOperatorMessagePattern('a').test('a'.repeat(maxMessageTextLength + 1)),
    );
    expect(error).toMatchObject({ code: 'ERR_INVALID_ARGUMENT' });
  });
});
