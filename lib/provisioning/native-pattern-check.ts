/**
 * Which `Pattern`s may also run on V8's own (backtracking) `RegExp`, and on texts how long.
 * A backtracking engine is exponential on nested repetition (`(a+)+`) and on repeated
 * alternation or variable-length bodies (`(a|ab)*`, `(?:a?a)+`): refused. Otherwise the
 * search is polynomial in the text: every start position, times a scan per repetition, times
 * one more factor for each repetition next to one that can take the same characters
 * (`\d+\w+`, `\w+\s*\w+`), because each backtracking step of the first then re-runs the
 * second. The verdict's `degree` is that polynomial's degree (1 without repetition, 2 with
 * repetitions apart, 3 with one overlapping pair); the caller bounds the text's length by it
 * (operator-message-pattern.ts) and sends longer texts to the linear-time engine. A repeated
 * part that can match nothing (`(a*)?`) is refused too: there ECMAScript's rule for empty
 * iterations and RE2's disagree on the groups. The check is conservative: a refused pattern is
 * still matched, by re2js.
 *
 * @module
 */

import type { AstNode, RootNode } from 'regjsparser';
import { normalizeRanges, type CodePointRange } from './code-point-ranges.js';

/** The parser features operator-message-pattern.ts parses with. */
export type PatternFeatures = { namedGroups: true; lookbehind: true };
type Node = AstNode<PatternFeatures>;

/** The verdict: safe for `RegExp` with its cost's degree, or why not. */
export type NativeVerdict = { native: true; degree: number } | { native: false; reason: string };

/** The highest degree accepted: two overlapping repetitions in a row, no more. */
const maxDegree = 3;

/** The characters one atom (a value, `.`, a class or a class escape) can match. */
export type AtomRanges = (atom: Node) => readonly CodePointRange[];

class Refused extends Error {}

/** Checks a parsed pattern; `rangesOf` gives the characters of each atom. */
export function checkNativePattern(
  tree: RootNode<PatternFeatures>,
  rangesOf: AtomRanges,
): NativeVerdict {
  const check = new Check(rangesOf);
  try {
    check.node(tree, undefined);
    return { native: true, degree: 1 + check.depth };
  } catch (error) {
    if (error instanceof Refused) return { native: false, reason: error.message };
    throw error;
  }
}

/**
 * The repetitions still open before an item: the characters they may take, and how many
 * overlapping repetitions are chained there; `undefined` when none is open.
 */
type Open = { ranges: readonly CodePointRange[]; depth: number } | undefined;

class Check {
  readonly #rangesOf: AtomRanges;
  /** The longest chain of overlapping repetitions seen. */
  depth = 0;

  constructor(rangesOf: AtomRanges) {
    this.#rangesOf = rangesOf;
  }

  /** Walks `node` with `open` before it; returns what is open after it. */
  node(node: Node, open: Open): Open {
    switch (node.type) {
      case 'alternative':
        return node.body.reduce<Open>((before, item) => this.node(item, before), open);
      case 'group':
        return node.body.reduce<Open>((before, item) => this.node(item, before), open);
      case 'disjunction':
        return node.body
          .map((alternative) => this.node(alternative, open))
          .reduce<Open>((a, b) => union(a, b), undefined);
      case 'quantifier':
        return this.quantifier(node, open);
      case 'anchor':
        return open;
      case 'value':
        // Parsed without the u flag, a character outside the BMP is two values that the
        // translation (and RegExp's u flag) join, quantifier included: `\uD83D\uDE00?` is
        // (😀)?. Rather than check a shape other than the one that runs, leave such patterns to
        // re2js; operator patterns are text and digits.
        if (node.codePoint >= 0xd800 && node.codePoint <= 0xdfff)
          throw new Refused('the pattern has a character outside the Basic Multilingual Plane');
        return undefined;
      default:
        // An atom takes exactly one character: every backtracking step of the repetition
        // before it fails here or moves on, never multiplies.
        return undefined;
    }
  }

  quantifier(node: Extract<Node, { type: 'quantifier' }>, open: Open): Open {
    const body = node.body[0];
    if (node.max !== undefined && node.max <= 1) {
      // `x?`: not a repetition; what it leaves open joins what was open before it.
      if (node.min === 0 && this.nullable(body))
        throw new Refused(`the optional part ${excerpt(node.raw)} can match nothing`);
      const after = this.node(body, open);
      return node.min === 0 ? union(open, after) : after;
    }
    if (!this.fixed(body))
      throw new Refused(
        `the repeated part ${excerpt(node.raw)} can match in more than one way (an alternation, an optional or a repeated part inside a repetition)`,
      );
    if (this.nullable(body))
      throw new Refused(`the repeated part ${excerpt(node.raw)} can match nothing`);
    const ranges = this.characters(body);
    const depth = open !== undefined && overlaps(open.ranges, ranges) ? open.depth + 1 : 1;
    if (depth + 1 > maxDegree)
      throw new Refused(
        `the repetition ${excerpt(node.raw)} can take the same characters as the ${depth - 1} repetitions before it`,
      );
    this.depth = Math.max(this.depth, depth);
    const taken = { ranges, depth };
    return node.min === 0 ? union(open, taken) : taken;
  }

  /** Whether `node` can match the empty string. */
  nullable(node: Node): boolean {
    switch (node.type) {
      case 'alternative':
      case 'group':
        return node.body.every((item) => this.nullable(item));
      case 'disjunction':
        return node.body.some((item) => this.nullable(item));
      case 'quantifier':
        return node.min === 0 || this.nullable(node.body[0]);
      case 'anchor':
        return true;
      default:
        return false;
    }
  }

  /** Whether `node` matches a fixed number of characters in exactly one way. */
  fixed(node: Node): boolean {
    switch (node.type) {
      case 'alternative':
      case 'group':
        return node.body.every((item) => this.fixed(item));
      case 'disjunction':
        return false;
      case 'quantifier':
        return node.min === node.max && this.fixed(node.body[0]);
      default:
        return true;
    }
  }

  /** Every character any atom in `node` can match (more than the node itself may take). */
  characters(node: Node): readonly CodePointRange[] {
    switch (node.type) {
      case 'alternative':
      case 'group':
      case 'disjunction':
        return normalizeRanges(node.body.flatMap((item) => this.characters(item)));
      case 'quantifier':
        return this.characters(node.body[0]);
      case 'anchor':
        return [];
      default:
        return this.#rangesOf(node);
    }
  }
}

function union(a: Open, b: Open): Open {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return { ranges: normalizeRanges([...a.ranges, ...b.ranges]), depth: Math.max(a.depth, b.depth) };
}

/** Whether two normalized range lists share a code point. */
function overlaps(a: readonly CodePointRange[], b: readonly CodePointRange[]): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const [alo, ahi] = a[i]!;
    const [blo, bhi] = b[j]!;
    if (alo <= bhi && blo <= ahi) return true;
    if (ahi < bhi) i++;
    else j++;
  }
  return false;
}

function excerpt(raw: string): string {
  return raw.length > 40 ? `${raw.slice(0, 37)}…` : raw;
}
