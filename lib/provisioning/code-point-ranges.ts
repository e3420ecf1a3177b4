/**
 * Sets of code points as sorted ranges, to write ECMAScript character classes (`\s`, `[^]`,
 * `[\S\d]`) as explicit RE2 classes with exactly ECMAScript's members.
 *
 * @module
 */

/** An inclusive range of code points. */
export type CodePointRange = readonly [number, number];

/** The largest code point. */
export const maxCodePoint = 0x10ffff;

/** ECMAScript `\d`. */
export const digitRanges: CodePointRange[] = [[0x30, 0x39]];

/** ECMAScript `\w` (ASCII only, as without the `u` and `i` flags). */
export const wordRanges: CodePointRange[] = [
  [0x30, 0x39],
  [0x41, 0x5a],
  [0x5f, 0x5f],
  [0x61, 0x7a],
];

/** ECMAScript `\s`: WhiteSpace and LineTerminator of the language specification. */
export const spaceRanges: CodePointRange[] = [
  [0x09, 0x0d],
  [0x20, 0x20],
  [0xa0, 0xa0],
  [0x1680, 0x1680],
  [0x2000, 0x200a],
  [0x2028, 0x2029],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x3000, 0x3000],
  [0xfeff, 0xfeff],
];

/** ECMAScript line terminators, which `.` does not match without the `s` flag. */
export const lineTerminatorRanges: CodePointRange[] = [
  [0x0a, 0x0a],
  [0x0d, 0x0d],
  [0x2028, 0x2029],
];

/** Sorts and merges overlapping or adjacent ranges. */
export function normalizeRanges(ranges: readonly CodePointRange[]): CodePointRange[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [lo, hi] of sorted) {
    const last = merged.at(-1);
    if (last !== undefined && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else merged.push([lo, hi]);
  }
  return merged;
}

/** The code points not in `ranges` (which must be normalized). */
export function complementRanges(ranges: readonly CodePointRange[]): CodePointRange[] {
  const result: CodePointRange[] = [];
  let next = 0;
  for (const [lo, hi] of ranges) {
    if (lo > next) result.push([next, lo - 1]);
    next = hi + 1;
  }
  if (next <= maxCodePoint) result.push([next, maxCodePoint]);
  return result;
}

/** An RE2 class with exactly these members; an empty set becomes a class that matches nothing. */
export function re2Class(ranges: readonly CodePointRange[]): string {
  const normalized = normalizeRanges(ranges);
  if (normalized.length === 0) return `[^\\x{0}-\\x{10FFFF}]`;
  const items = normalized.map(([lo, hi]) =>
    lo === hi ? re2CodePoint(lo) : `${re2CodePoint(lo)}-${re2CodePoint(hi)}`,
  );
  return `[${items.join('')}]`;
}

/** A code point in RE2 syntax, safe anywhere (inside a class or out). */
export function re2CodePoint(codePoint: number): string {
  if (
    (codePoint >= 0x30 && codePoint <= 0x39) ||
    (codePoint >= 0x41 && codePoint <= 0x5a) ||
    (codePoint >= 0x61 && codePoint <= 0x7a)
  )
    return String.fromCodePoint(codePoint);
  return `\\x{${codePoint.toString(16).toUpperCase()}}`;
}
