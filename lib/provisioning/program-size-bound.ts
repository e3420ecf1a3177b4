/**
 * How big re2js's program for a pattern can be, read from the pattern's parsed tree without
 * compiling it: so that a pattern RegExp runs can be accepted under the size budget without
 * loading re2js at all (its load and first compile cost about 10 ms, a third of a first
 * provisioning document's parse). Only a bound: when it is not enough, re2js decides exactly.
 *
 * RE2 compiles one instruction per character, class (`.`, `\d`, `[…]`) or assertion; a capture
 * adds two; each alternative beyond the first, one; `*`, `+` and `?` (lazy or not) one, or two
 * when what they repeat can match nothing (`x*` is then `(x+)?`), counted here as two always; a
 * counted repetition copies its body (`x{2,4}` is `xx(x(x)?)?`); the program adds two (its fail
 * and match instructions). Its simplifications (alternatives of characters joined into one
 * class, common prefixes factored out, a surrogate pair read as one character) only make the
 * program smaller. test/provisioning/native-pattern.test.ts checks the bound against re2js.
 *
 * @module
 * @internal
 */

import type { AstNode } from 'regjsparser';
import type { PatternFeatures } from './native-pattern-check.js';

/** What the tree says about its compiled program. */
export interface ProgramSizeBound {
  /** At least the number of instructions re2js compiles the pattern to. */
  size: number;
  /** The deepest nesting of groups and quantifiers. */
  depth: number;
  /**
   * A counted repetition (`{n}`, `{n,}`, `{n,m}`) is in the pattern: RE2 limits their counts,
   * also multiplied when nested, by rules of its own, so such a pattern is compiled to know.
   */
  counted: boolean;
}

/** The bound for a whole pattern's tree. */
export function programSizeBound(tree: AstNode<PatternFeatures>): ProgramSizeBound {
  const state = { depth: 0, counted: false };
  const size = nodeSize(tree, 0, state) + 2;
  return { size, depth: state.depth, counted: state.counted };
}

function nodeSize(
  node: AstNode<PatternFeatures>,
  depth: number,
  state: { depth: number; counted: boolean },
): number {
  if (depth > state.depth) state.depth = depth;
  switch (node.type) {
    case 'alternative':
      return node.body.length === 0 ? 1 : sum(node.body, depth, state);
    case 'disjunction':
      return sum(node.body, depth, state) + node.body.length - 1;
    case 'group': {
      const body = node.body.length === 0 ? 1 : sum(node.body, depth + 1, state);
      return node.behavior === 'normal' ? body + 2 : body;
    }
    case 'quantifier': {
      const body = nodeSize(node.body[0], depth + 1, state);
      // `x*` of an x that can match nothing compiles as `(x+)?`: two more, not one.
      if (node.symbol !== undefined) return body + 2;
      state.counted = true;
      const { min, max } = node;
      if (max === undefined) return min * body + 2;
      return min * body + (max - min) * (body + 2) || 1;
    }
    default:
      // A character, a class, an assertion; a construct the translation refuses anyway.
      return 1;
  }
}

function sum(
  nodes: readonly AstNode<PatternFeatures>[],
  depth: number,
  state: { depth: number; counted: boolean },
): number {
  let total = 0;
  for (const child of nodes) total += nodeSize(child, depth, state);
  return total;
}
