/**
 * A sender's rules tried in one `RegExp` run. A message is tried against its sender's rules in
 * document order, and most of them do not match it; on V8 each rule's call cost about as much
 * as its search. So consecutive rules whose patterns run on `RegExp` are joined, in order
 * (bench/operator-messages.bench.ts: from 0.49× to 0.56–0.60× of a plain `RegExp` loop):
 *
 * ```text
 * ^(?:(?=[^]*?(P1))|(?=[^]*?(P2))|…)
 * ```
 *
 * Each lookahead searches the text for its pattern as `exec` does: `[^]*?` takes the start
 * positions in order (by code point, as `exec` with the `u` flag advances), and at each the
 * pattern tries its own alternatives in order, so the first success is `exec`'s match, with
 * the same groups. The lookaheads are tried in document order, so the first rule that matches
 * wins, as when the rules are tried one by one; `^` keeps the run from starting again at each
 * position of the text. A pattern that begins with `^` is looked for at the start only
 * (`(?=(P))`), where alone it can match. The run costs what the rules' searches cost one by one, so a text
 * longer than the shortest `nativeTextLength` of its rules takes them one by one (the rules
 * themselves then choose RegExp or re2js). A property test compares both ways.
 *
 * @module
 * @internal
 */

import type { CompiledMessageRule } from './message-rule-set.js';
import { joinableAs } from './operator-message-pattern.js';

/** Rules tried together: one rule, or several joined in one `RegExp`. */
export interface CandidateStep {
  /** The rules, in document order. */
  readonly rules: readonly CompiledMessageRule[];
  /** The joined run, when there are several rules; `undefined` for one. */
  readonly joined: RegExp | undefined;
  /** Where each rule's whole match is in the run's result; its groups follow it. */
  readonly matchAt: readonly number[];
  /** The longest text the run takes; a longer one takes the rules one by one. */
  readonly maxTextLength: number;
}

/**
 * The longest joined source: joining saves per-call costs, which matter for many short
 * patterns; long ones gain nothing, and V8 compiles each joined `RegExp` once per set.
 */
const maxJoinedSourceLength = 4096;

/**
 * The joined source one rule set may build, all its runs together. Rules for any sender join
 * every sender's run, so a document with many senders would otherwise compile those patterns
 * again for each sender: V8 keeps about 24 bytes of compiled code per character of a joined
 * source (2 000 runs of 1.8 KB held 86 MB). This bounds what a set's runs keep to about 1.5 MB
 * (twice that once texts of both one-byte and two-byte strings come: V8 compiles for each);
 * steps made past it try their rules one by one, as before joining. Real documents, with a
 * few senders, stay far below.
 */
export const maxJoinedSourcePerSet = 65_536;

/** What a rule set may still join (see {@link maxJoinedSourcePerSet}); shared by its steps. */
export interface JoinBudget {
  characters: number;
}

/**
 * `rules` (one sender's candidates, in document order) as steps, joined where they can be and
 * while `budget` lasts.
 */
export function joinCandidates(
  rules: readonly CompiledMessageRule[],
  budget: JoinBudget,
): CandidateStep[] {
  const steps: CandidateStep[] = [];
  let run: CompiledMessageRule[] = [];
  let runLength = 0;
  const flush = (): void => {
    if (run.length > 0) steps.push(...stepsOf(run, budget));
    run = [];
    runLength = 0;
  };
  for (const compiled of rules) {
    if (joinableAs(compiled.pattern) === undefined) {
      flush();
      steps.push(single(compiled));
      continue;
    }
    const length = compiled.pattern.source.length + 16;
    if (runLength + length > maxJoinedSourceLength) flush();
    run.push(compiled);
    runLength += length;
  }
  flush();
  return steps;
}

function single(compiled: CompiledMessageRule): CandidateStep {
  return { rules: [compiled], joined: undefined, matchAt: [0], maxTextLength: 0 };
}

/**
 * One step for `run`, or a step per rule where the budget is spent or V8 will not compile the
 * joined pattern.
 */
function stepsOf(run: readonly CompiledMessageRule[], budget: JoinBudget): CandidateStep[] {
  if (run.length === 1) return [single(run[0]!)];
  const matchAt: number[] = [];
  let group = 1;
  for (const compiled of run) {
    matchAt.push(group);
    group += 1 + compiled.pattern.groupCount;
  }
  // A pattern that begins with ^ is tried at the start only, where it alone can match.
  const lookahead = (c: CompiledMessageRule): string =>
    joinableAs(c.pattern) === 'at the start'
      ? `(?=(${c.pattern.source}))`
      : `(?=[^]*?(${c.pattern.source}))`;
  const source = `^(?:${run.map(lookahead).join('|')})`;
  if (source.length > budget.characters) return run.map(single);
  budget.characters -= source.length;
  let joined: RegExp;
  try {
    joined = new RegExp(source, 'u');
    // V8 compiles a RegExp on its first run, and says there when it is too large for it.
    joined.exec('');
  } catch {
    return run.map(single);
  }
  return [
    {
      rules: run,
      joined,
      matchAt,
      maxTextLength: Math.min(...run.map((c) => c.pattern.nativeTextLength)),
    },
  ];
}
