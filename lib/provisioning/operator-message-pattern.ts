/**
 * `Pattern`s of message rules: ECMAScript regular expressions, matched in linear time.
 *
 * Patterns come from files written by others, so no pattern is trusted to a backtracking
 * engine blindly: each is parsed with `regjsparser` (so the syntax accepted is ECMAScript's),
 * translated to RE2 syntax with ECMAScript's meaning, and compiled by `re2js`, whose time is
 * linear in the text. Constructs that have no linear-time form (backreferences, lookaround) are
 * refused when the rules are loaded. A pattern whose shape keeps backtracking bounded
 * (native-pattern-check.ts) also runs on V8's own `RegExp` (with the `u` flag, so by code
 * point, like the translation), many times faster, for texts up to
 * {@link maxNativeTextLength} characters; longer texts, and every other pattern, run on re2js.
 * Both give the same matches (a property test runs both on the same patterns and texts).
 *
 * @module
 */

import type { AstNode, CharacterClassBody, Quantifier, RootNode } from 'regjsparser';
import type * as Regjsparser from 'regjsparser';
import type * as Re2js from 're2js';
import type { RE2JS } from 're2js';
import { loadOnFirstUse } from '../load-on-first-use.js';
import { MobileBroadbandError } from '../errors.js';
import { checkNativePattern, type PatternFeatures } from './native-pattern-check.js';
import { programSizeBound } from './program-size-bound.js';
import {
  complementRanges,
  digitRanges,
  lineTerminatorRanges,
  normalizeRanges,
  re2Class,
  re2CodePoint,
  spaceRanges,
  wordRanges,
  type CodePointRange,
} from './code-point-ranges.js';

// The parser and the engine are loaded when the first pattern is compiled.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use
const regjsparser = loadOnFirstUse(() => require('regjsparser') as typeof Regjsparser);
// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use
const re2js = loadOnFirstUse(() => require('re2js') as typeof Re2js);

/** The longest `Pattern` accepted, in characters. */
export const maxPatternLength = 4096;
/**
 * The largest compiled program accepted, in RE2 instructions. Matching costs up to a few tens
 * of nanoseconds per instruction per character (the linear-time engine may follow every
 * instruction at once), so a pattern of this size takes at most about 2 s on a text of
 * {@link maxMessageTextLength}. Realistic operator patterns compile to under 100 instructions.
 */
export const maxPatternProgramSize = 2_000;
/**
 * The longest text matched, in UTF-16 code units: 64 Ki, above the longest concatenated SMS
 * (255 parts × 153 characters) and far above a USSD message (182 characters).
 */
export const maxMessageTextLength = 65_536;

/**
 * The longest text a pattern that passed native-pattern-check.ts matches with `RegExp`, in
 * UTF-16 code units, by the degree of its worst case (the search's cost is polynomial in the
 * text, of that degree). Chosen so that the worst case stays near a millisecond (measured here:
 * `\d+x` on 1 024 digits 0.5 ms, `\d+\w+x` on 200 digits 1.2 ms), against seconds at
 * {@link maxMessageTextLength}. Degree 2 covers every USSD message and SMS of up to six parts;
 * degree 3 a USSD message or a single SMS. Longer texts go to re2js.
 */
export const maxNativeTextLength: Readonly<Record<number, number>> = { 1: 1024, 2: 1024, 3: 200 };

/** A compiled `Pattern`. */
export interface OperatorMessagePattern {
  /** The ECMAScript source, as written in the document. */
  readonly source: string;
  /** The RE2 translation that runs. */
  readonly re2Source: string;
  /** The number of capture groups. */
  readonly groupCount: number;
  /**
   * The size of the compiled program, in instructions: what matching costs per character of
   * text, at most (the budget {@link maxPatternProgramSize} bounds it). A pattern that runs on
   * `RegExp` and is surely under the budget is accepted without compiling it; re2js compiles
   * it when this is read or a text too long for `RegExp` comes.
   */
  readonly programSize: number;
  /**
   * The longest text V8's `RegExp` matches for this pattern (its shape keeps backtracking
   * bounded; see `maxNativeTextLength`); 0 when every text goes to re2js.
   */
  readonly nativeTextLength: number;
  /**
   * Searches `text` (like `RegExp.prototype.exec`): the whole match and each group
   * (`undefined` for a group that did not take part), or `undefined` without a match.
   */
  exec(text: string): (string | undefined)[] | undefined;
  /** Whether the pattern matches anywhere in `text`. */
  test(text: string): boolean;
  /**
   * @internal {@link exec} for a text already checked (a string of at most
   * `maxMessageTextLength`), its groups not copied: what the matcher calls for every message.
   */
  search(text: string): ArrayLike<string | undefined> | undefined;
  /** @internal {@link test} for a text already checked. */
  matches(text: string): boolean;
}

/** Why a pattern was refused: `details` of the error {@link compileOperatorMessagePattern} throws. */
export interface PatternErrorDetails {
  /** What is wrong, without position. */
  reason: string;
  /** 0-based index in the pattern of the offending construct, where known. */
  offset?: number;
}

/**
 * Compiles an ECMAScript pattern for linear-time matching.
 *
 * Meaning kept from ECMAScript (without flags): `[^]` matches any character; `.` any but
 * `\n`, `\r`, U+2028, U+2029; `\s` ECMAScript's white space; `\d`, `\w`, `\b` ASCII; `^` and
 * `$` the start and end of the text (there are no flags). The text is matched by code point.
 *
 * @throws MobileBroadbandError `ERR_INVALID_ARGUMENT` with {@link PatternErrorDetails} for a
 *   pattern that is not valid ECMAScript, uses a backreference or lookaround, or is too big.
 */
export function compileOperatorMessagePattern(source: string): OperatorMessagePattern {
  return compilePattern(source, 'auto');
}

/**
 * @internal {@link compileOperatorMessagePattern} with the engine chosen: `'re2js'` never
 * uses `RegExp` (the property test compares the two).
 */
export function compilePattern(source: string, engine: 'auto' | 're2js'): OperatorMessagePattern {
  if (typeof source !== 'string')
    throw patternError(`the pattern must be a string, got ${describeValue(source)}`);
  if (source.length > maxPatternLength)
    throw patternError(
      `the pattern is ${source.length} characters long; at most ${maxPatternLength} are accepted`,
    );
  let tree: RootNode<PatternFeatures>;
  try {
    tree = regjsparser().parse(source, '', features);
  } catch (error) {
    const first = (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
    const at = /at position (\d+)/.exec(first);
    throw patternError(
      `not a valid ECMAScript regular expression: ${first}`,
      at ? Number(at[1]) : undefined,
    );
  }
  try {
    // A second opinion from the engine itself. Compiling never runs the pattern.
    new RegExp(source);
  } catch (error) {
    throw patternError(`not a valid ECMAScript regular expression: ${(error as Error).message}`);
  }
  const translator = new Translator();
  const re2Source = translator.node(tree);
  const verdict =
    engine === 'auto'
      ? checkNativePattern(tree, (atom) =>
          // A value may be half of a written surrogate pair, which the translation joins.
          atom.type === 'value' ? [[atom.codePoint, atom.codePoint]] : translator.atomRanges(atom),
        )
      : undefined;
  const native = verdict?.native === true ? nativeRegExp(source) : undefined;
  // A pattern RegExp runs whose program is surely under the budget is accepted without
  // compiling it (program-size-bound.ts); re2js compiles it for the first text too long for
  // RegExp, or when its size is asked. Counted repetitions and deep nesting are compiled at once:
  // RE2 has rules of its own for them, and only it can say.
  const bound = programSizeBound(tree);
  const deferred =
    native !== undefined &&
    !bound.counted &&
    bound.depth <= maxDeferredDepth &&
    bound.size <= maxPatternProgramSize;
  const compiled = deferred ? undefined : compileRe2(re2Source);
  const re2 = compiled === undefined ? loadOnFirstUse(() => compileRe2(re2Source)) : () => compiled;
  const groupCount = compiled?.groupCount() ?? captureCount(tree);
  const nativeTextLength =
    native !== undefined && verdict?.native === true ? maxNativeTextLength[verdict.degree]! : 0;
  const onNative = (text: string): boolean =>
    native !== undefined && text.length <= nativeTextLength;
  const pattern: OperatorMessagePattern = {
    source,
    re2Source,
    groupCount,
    get programSize() {
      return re2().programSize();
    },
    nativeTextLength,
    exec(text) {
      checkText(text);
      if (onNative(text)) return groupsOf(native!.exec(text), groupCount);
      // On re2js the capture-free test is several times cheaper than exec, and most patterns
      // tried on a message do not match it.
      const engine = re2();
      return engine.test(text) ? groupsOf(engine.exec(text), groupCount) : undefined;
    },
    test(text) {
      checkText(text);
      return pattern.matches(text);
    },
    matches: (text) => (onNative(text) ? native!.test(text) : re2().test(text)),
    search(text) {
      if (!onNative(text)) return pattern.exec(text);
      // RegExp's own result already has a slot per group, undefined where one did not take part.
      return native!.exec(text) ?? undefined;
    },
  };
  sizeAtMost.set(pattern, compiled?.programSize() ?? bound.size);
  // Two patterns naming the same group could not share one RegExp.
  if (nativeTextLength > 0 && !namesAGroup(tree))
    joinable.set(pattern, startsWithAnchor(tree) ? 'at the start' : 'anywhere');
  return pattern;
}

/** Patterns that may share one RegExp run with others, and where they can match. */
const joinable = new WeakMap<OperatorMessagePattern, 'at the start' | 'anywhere'>();

/**
 * @internal Whether `pattern` may be tried in one `RegExp` run with other rules' patterns
 * (joined-candidates.ts), because it runs on `RegExp` and names no group; and if so, whether it
 * can match only at the start of a text (it begins with `^` outside any alternation).
 */
export function joinableAs(
  pattern: OperatorMessagePattern,
): 'at the start' | 'anywhere' | undefined {
  return joinable.get(pattern);
}

function startsWithAnchor(tree: RootNode<Features>): boolean {
  const first = tree.type === 'alternative' ? tree.body[0] : tree;
  return first?.type === 'anchor' && first.kind === 'start';
}

/** The deepest nesting of a pattern accepted without compiling it (RE2 limits nesting). */
const maxDeferredDepth = 100;

/** What each pattern's program size is at most, known without compiling it. */
const sizeAtMost = new WeakMap<OperatorMessagePattern, number>();

/**
 * @internal The size of `pattern`'s program, or a bound above it when the pattern was accepted
 * without compiling it: for budgets over many patterns (message-rule-set.ts), which then ask
 * the exact size only when the bounds together go over.
 */
export function programSizeAtMost(pattern: OperatorMessagePattern): number {
  return sizeAtMost.get(pattern) ?? pattern.programSize;
}

/** Compiles the translation with re2js, within the size budget; refusals are pattern errors. */
function compileRe2(re2Source: string): RE2JS {
  let re2: RE2JS;
  try {
    re2 = re2js().RE2JS.compile(re2Source);
  } catch (error) {
    const reason = (error as Error).message.replace(/^error parsing regexp: /, '');
    throw patternError(
      /repeat count/.test(reason)
        ? `a repetition count is too large for linear-time matching (at most 1000, also when nested): ${reason}`
        : `the pattern cannot be matched in linear time: ${reason}`,
    );
  }
  const programSize = re2.programSize();
  if (programSize > maxPatternProgramSize)
    throw patternError(
      `the pattern is too costly to match: it compiles to ${programSize} instructions, and at most ${maxPatternProgramSize} are accepted (use smaller repetition counts, such as .{0,160} rather than (?:.?){999})`,
    );
  return re2;
}

/** The capture groups of a tree (named or not): RE2 numbers the same groups. */
function captureCount(node: AstNode<Features>): number {
  let count = node.type === 'group' && node.behavior === 'normal' ? 1 : 0;
  if ('body' in node && Array.isArray(node.body))
    for (const child of node.body as AstNode<Features>[]) count += captureCount(child);
  return count;
}

/** Whether a tree has a named group, `(?<name>…)`. */
function namesAGroup(node: AstNode<Features>): boolean {
  if (node.type === 'group' && node.behavior === 'normal' && node.name !== undefined) return true;
  return 'body' in node && Array.isArray(node.body)
    ? (node.body as AstNode<Features>[]).some(namesAGroup)
    : false;
}

/** A match as a plain array of the whole match and each group (`undefined` if it took no part). */
function groupsOf(
  match: ArrayLike<string | undefined> | null,
  groupCount: number,
): (string | undefined)[] | undefined {
  if (match === null) return undefined;
  const groups = new Array<string | undefined>(groupCount + 1);
  for (let i = 0; i <= groupCount; i++) groups[i] = match[i] ?? undefined;
  return groups;
}

/**
 * The pattern as a `RegExp` with the `u` flag (matching by code point, as the translation
 * does), or `undefined` where the `u` flag's stricter syntax refuses it (`\-`, a lone `{`).
 */
function nativeRegExp(source: string): RegExp | undefined {
  try {
    return new RegExp(source, 'u');
  } catch {
    return undefined;
  }
}

// Lookbehind is parsed only to be refused with a clear message. Modifiers (`(?i:…)`, ES2025)
// are not accepted: Node 20 and Windows' own engine do not know them.
type Features = PatternFeatures;
const features: Features = { namedGroups: true, lookbehind: true };

/** @internal The checks every text to match passes: a string of at most `maxMessageTextLength`. */
export function checkText(text: string): void {
  if (typeof text !== 'string')
    throw new MobileBroadbandError('ERR_INVALID_ARGUMENT', 'the message text must be a string');
  if (text.length > maxMessageTextLength)
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      `the message text is ${text.length} characters long; at most ${maxMessageTextLength} are matched (the longest concatenated SMS is about 39,000)`,
      { details: { length: text.length, max: maxMessageTextLength } },
    );
}

function patternError(reason: string, offset?: number): MobileBroadbandError {
  const where = offset === undefined ? '' : ` (at character ${offset + 1} of the pattern)`;
  const details: PatternErrorDetails & Record<string, unknown> =
    offset === undefined ? { reason } : { reason, offset };
  return new MobileBroadbandError('ERR_INVALID_ARGUMENT', `${reason}${where}`, { details });
}

/** Writes a regjsparser tree as RE2 syntax with ECMAScript's meaning. */
class Translator {
  private readonly names = new Set<string>();

  node(node: AstNode<Features>): string {
    switch (node.type) {
      case 'alternative':
        return this.sequence(node.body);
      case 'disjunction':
        return node.body.map((n) => this.node(n)).join('|');
      case 'value':
        return re2CodePoint(this.codePoint(node.codePoint, node.range[0]));
      case 'dot':
      case 'characterClassEscape':
      case 'characterClass':
        return re2Class(this.atomRanges(node));
      case 'anchor':
        switch (node.kind) {
          case 'start':
            // Without the m flag: the start of the text, as RE2's `^` without (?m).
            return '^';
          case 'end':
            // The very end of the text, as RE2's `$` without (?m) (not before a final \n).
            return '$';
          case 'boundary':
            return '\\b';
          case 'not-boundary':
            return '\\B';
        }
        break;
      case 'quantifier':
        return this.quantified(this.node(node.body[0]), node);
      case 'group':
        return this.group(node);
      case 'reference':
        throw patternError(
          `the backreference ${excerpt(node.raw)} cannot be matched in linear time; rewrite the pattern without it`,
          node.range[0],
        );
      case 'characterClassRange':
        break;
    }
    throw patternError(`unsupported construct ${excerpt(node.raw)}`, node.range[0]);
  }

  /** The characters an atom matches (a value, `.`, a class escape or a class). */
  atomRanges(node: AstNode<Features>): CodePointRange[] {
    switch (node.type) {
      case 'value': {
        const cp = this.codePoint(node.codePoint, node.range[0]);
        return [[cp, cp]];
      }
      case 'dot':
        return complementRanges(normalizeRanges(lineTerminatorRanges));
      case 'characterClassEscape':
        return escapeRanges(node.value);
      case 'characterClass':
        return this.classRanges(node.body, node.negative);
      default:
        throw patternError(`unsupported construct ${excerpt(node.raw)}`, node.range[0]);
    }
  }

  private sequence(body: RootNode<Features>[]): string {
    let out = '';
    for (let i = 0; i < body.length; i++) {
      const node = body[i]!;
      const next = body[i + 1];
      // Without the `u` flag `\uD83D\uDE00` is two code units; the text is matched by code
      // point, so a written pair stands for its character.
      if (node.type === 'value' && next?.type === 'value') {
        const pair = surrogatePair(node.codePoint, next.codePoint);
        if (pair !== undefined) {
          out += re2CodePoint(pair);
          i++;
          continue;
        }
      }
      // `😀+` is, without `u`, a high surrogate and a repeated low one; what its author meant
      // (and all a code-point match can do) is the repeated character.
      if (node.type === 'value' && next?.type === 'quantifier' && next.body[0].type === 'value') {
        const pair = surrogatePair(node.codePoint, next.body[0].codePoint);
        if (pair !== undefined) {
          out += this.quantified(re2CodePoint(pair), next);
          i++;
          continue;
        }
      }
      out += this.node(node);
    }
    return out;
  }

  private quantified(body: string, node: Quantifier<Features>): string {
    const count =
      node.symbol ??
      (node.max === node.min
        ? `{${node.min}}`
        : node.max === undefined
          ? `{${node.min},}`
          : `{${node.min},${node.max}}`);
    return `(?:${body})${count}${node.greedy ? '' : '?'}`;
  }

  private group(node: Extract<AstNode<Features>, { type: 'group' }>): string {
    const body = (): string => this.sequence(node.body);
    switch (node.behavior) {
      case 'normal': {
        const name = node.name?.value;
        if (name !== undefined && /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !this.names.has(name)) {
          this.names.add(name);
          return `(?P<${name}>${body()})`;
        }
        return `(${body()})`;
      }
      case 'ignore':
        return `(?:${body()})`;
      case 'lookahead':
      case 'negativeLookahead':
      case 'lookbehind':
      case 'negativeLookbehind':
        throw patternError(
          `the ${lookaroundNames[node.behavior]} ${excerpt(node.raw)} cannot be matched in linear time; rewrite the pattern without it`,
          node.range[0],
        );
    }
  }

  private classRanges(body: CharacterClassBody[], negative: boolean): CodePointRange[] {
    const ranges: CodePointRange[] = [];
    for (let i = 0; i < body.length; i++) {
      const item = body[i]!;
      const next = body[i + 1];
      if (item.type === 'value' && next?.type === 'value') {
        const pair = surrogatePair(item.codePoint, next.codePoint);
        if (pair !== undefined) {
          ranges.push([pair, pair]);
          i++;
          continue;
        }
      }
      switch (item.type) {
        case 'value': {
          const cp = this.codePoint(item.codePoint, item.range[0]);
          ranges.push([cp, cp]);
          break;
        }
        case 'characterClassRange':
          ranges.push([
            this.codePoint(item.min.codePoint, item.min.range[0]),
            this.codePoint(item.max.codePoint, item.max.range[0]),
          ]);
          break;
        case 'characterClassEscape':
          ranges.push(...escapeRanges(item.value));
          break;
        default:
          throw patternError(`unsupported class member ${item.raw}`, item.range[0]);
      }
    }
    const normalized = normalizeRanges(ranges);
    return negative ? complementRanges(normalized) : normalized;
  }

  private codePoint(codePoint: number, offset: number): number {
    if (codePoint >= 0xd800 && codePoint <= 0xdfff)
      throw patternError(
        'a lone surrogate code unit cannot occur in matched text; write the whole character',
        offset,
      );
    return codePoint;
  }
}

const lookaroundNames = {
  lookahead: 'lookahead',
  negativeLookahead: 'negative lookahead',
  lookbehind: 'lookbehind',
  negativeLookbehind: 'negative lookbehind',
} as const;

function escapeRanges(escape: 'd' | 'D' | 'w' | 'W' | 's' | 'S'): CodePointRange[] {
  const base =
    escape === 'd' || escape === 'D'
      ? digitRanges
      : escape === 'w' || escape === 'W'
        ? wordRanges
        : spaceRanges;
  const normalized = normalizeRanges(base);
  return escape === escape.toUpperCase() ? complementRanges(normalized) : normalized;
}

function surrogatePair(high: number, low: number): number | undefined {
  if (high < 0xd800 || high > 0xdbff || low < 0xdc00 || low > 0xdfff) return undefined;
  return (high - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
}

function describeValue(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
}

function excerpt(raw: string): string {
  return raw.length > 40 ? `${raw.slice(0, 37)}…` : raw;
}
