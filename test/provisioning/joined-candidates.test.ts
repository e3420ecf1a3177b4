/**
 * A sender's rules joined in one RegExp run (joined-candidates.ts): the same match, rule and
 * groups as trying the rules one by one, for every pattern and text; and where rules are not
 * joined (named groups, texts too long for RegExp).
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compileMessageRules,
  compileOperatorMessagePattern,
  matchOperatorMessage,
  matchRule,
  type MessageRule,
  type MessageRuleSet,
  type OperatorMessageMatch,
} from '../../lib/provisioning/index.js';
import { maxJoinedSourcePerSet } from '../../lib/provisioning/joined-candidates.js';
import { flatPattern, pattern, text } from './pattern-arbitraries.js';

const referenceTime = Date.UTC(2026, 0, 10);

/** A rule that reads its first and last groups, so a match's groups show in its fields or warnings. */
function ruleFor(source: string, index: number, classZeroOnly: boolean): MessageRule {
  const groups = compileOperatorMessagePattern(source).groupCount;
  return {
    ruleId: `r${index}`,
    silent: index % 2 === 0,
    bearers: [{ type: 'sms', classZeroOnly, sender: '1' }, { type: 'ussd' }],
    pattern: source,
    ...(groups === 0 ? {} : { fields: { usage: { group: 1 }, dataLimit: { group: groups } } }),
  };
}

/** The rules tried one by one, in document order: what the joined run must agree with. */
function oneByOne(
  set: MessageRuleSet,
  bearer: 'sms' | 'ussd',
  classZero: boolean,
  t: string,
): OperatorMessageMatch | undefined {
  const candidates =
    bearer === 'ussd'
      ? set.ussdCandidates()
      : set
          .smsCandidates('1')
          .filter((c) => classZero || !c.classZeroOnly)
          .map((c) => c.compiled);
  for (const compiled of candidates) {
    const match = matchRule(compiled, t, { referenceTime });
    if (match !== undefined) return match;
  }
  return undefined;
}

/**
 * Patterns of the grammar, flat ones (which mostly run on RegExp, so runs are joined), and
 * disjunctions at the top (`^a|b` is not anchored at the start).
 */
const source = fc.oneof(
  { weight: 2, arbitrary: pattern },
  { weight: 3, arbitrary: flatPattern },
  fc.tuple(flatPattern, pattern).map(([a, b]) => `${a}|${b}`),
);

describe('rules joined in one RegExp run', () => {
  it('the same rule, fields and warnings as the rules tried one by one', () => {
    let joinedRuns = 0;
    let compared = 0;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(source, fc.boolean()), { minLength: 2, maxLength: 6 }),
        fc.array(text, { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        (specs, texts, classZero) => {
          const rules: MessageRule[] = [];
          for (const [s, classZeroOnly] of specs) {
            try {
              rules.push(ruleFor(s, rules.length, classZeroOnly));
            } catch {
              // A pattern refused by the compiler: not a rule.
            }
          }
          if (rules.length === 0) return;
          const set = compileMessageRules(rules);
          if (set.smsSteps('1', classZero).some((step) => step.joined !== undefined)) joinedRuns++;
          for (const t of texts) {
            for (const bearer of ['sms', 'ussd'] as const) {
              compared++;
              const message = { bearer, sender: '1', classZero, text: t };
              expect(
                matchOperatorMessage(set, message, { referenceTime }),
                `${JSON.stringify(rules.map((r) => r.pattern))} on ${JSON.stringify(t)}`,
              ).toEqual(oneByOne(set, bearer, classZero, t));
            }
          }
        },
      ),
      { numRuns: Number(process.env.PATTERN_RUNS ?? 2000) },
    );
    console.log('JOINED', joinedRuns, compared);
    expect(joinedRuns).toBeGreaterThan(500);
    expect(compared).toBeGreaterThan(5000);
  });

  const sms = (set: MessageRuleSet, t: string) =>
    matchOperatorMessage(set, { bearer: 'sms', sender: '1', classZero: true, text: t });

  it('the first rule in document order wins, though a later one matches earlier in the text', () => {
    const set = compileMessageRules([ruleFor('bye', 0, false), ruleFor('^hello (\\d+)', 1, false)]);
    expect(set.smsSteps('1', false)).toHaveLength(1);
    expect(set.smsSteps('1', false)[0]!.joined).toBeInstanceOf(RegExp);
    expect(sms(set, 'hello 5, bye')?.ruleId).toBe('r0');
    expect(sms(set, 'hello 5')).toEqual({
      ruleId: 'r1',
      silent: false,
      fields: { usageBytes: 5, dataLimitBytes: 5 },
      warnings: [],
    });
    // ^ still means the start of the text.
    expect(sms(set, 'say hello 5')).toBeUndefined();
  });

  it('a class-0-only rule is left out of the run for other messages', () => {
    const set = compileMessageRules([ruleFor('a', 0, true), ruleFor('a|b', 1, false)]);
    expect(sms(set, 'a')?.ruleId).toBe('r0');
    expect(
      matchOperatorMessage(set, { bearer: 'sms', sender: '1', classZero: false, text: 'a' })
        ?.ruleId,
    ).toBe('r1');
    expect(set.smsSteps('1', false)).toHaveLength(1);
    expect(set.smsSteps('1', false)[0]!.rules.map((r) => r.rule.ruleId)).toEqual(['r1']);
  });

  it('a pattern that names a group is tried on its own, in its place', () => {
    const set = compileMessageRules([
      ruleFor('x(\\d)', 0, false),
      ruleFor('(?<n>\\d)y', 1, false),
      ruleFor('z', 2, false),
      ruleFor('(\\d)', 3, false),
    ]);
    expect(set.smsSteps('1', false).map((s) => [s.rules.length, s.joined !== undefined])).toEqual([
      [1, false],
      [1, false],
      [2, true],
    ]);
    expect(sms(set, 'z 7y')?.ruleId).toBe('r1');
    expect(sms(set, 'z 7')?.ruleId).toBe('r2');
    expect(sms(set, '7')?.fields).toEqual({ usageBytes: 7, dataLimitBytes: 7 });
  });

  it('a text longer than RegExp may take for a rule is matched one by one, alike', () => {
    const usage = String.raw`(\d+\.\d+)(\w+) of (\d+)(\w+) used`;
    const set = compileMessageRules([ruleFor('^Welcome', 0, false), ruleFor(usage, 1, false)]);
    const step = set.smsSteps('1', false)[0]!;
    // \d+ then \w+ over the same digits: a cubic worst case, so RegExp takes 200 characters.
    expect(step.maxTextLength).toBe(200);
    const short = sms(set, '1.5GB of 10GB used');
    const long = sms(set, `${'x '.repeat(150)}1.5GB of 10GB used`);
    expect(short?.ruleId).toBe('r1');
    expect(short?.warnings).toEqual(['DataLimit: "GB" (group 4) is not a number']);
    expect(long).toEqual(short);
  });

  it('a set joins at most maxJoinedSourcePerSet characters; past that, rules are tried one by one, alike', () => {
    // Rules for any sender join every sender's run: 200 senders would compile them 200 times.
    const anyone: MessageRule[] = Array.from({ length: 20 }, (_, i) => ({
      ruleId: `any${i}`,
      silent: false,
      bearers: [{ type: 'sms', classZeroOnly: false }],
      pattern: String.raw`offer ${i} (\d+) left`,
    }));
    const senders: MessageRule[] = Array.from({ length: 200 }, (_, i) => ({
      ruleId: `s${i}`,
      silent: true,
      bearers: [{ type: 'sms', classZeroOnly: false, sender: `+49${i}` }],
      pattern: String.raw`^code (\d+)$`,
    }));
    const set = compileMessageRules([...senders, ...anyone]);
    let joinedSenders = 0;
    let joinedSource = 0;
    for (let i = 0; i < senders.length; i++) {
      const sender = `+49${i}`;
      const match = (t: string) =>
        matchOperatorMessage(set, { bearer: 'sms', sender, text: t })?.ruleId;
      expect(match('offer 7: 12 left')).toBeUndefined();
      expect(match('offer 7 12 left')).toBe('any7');
      expect(match('code 5')).toBe(`s${i}`);
      const joined = set.smsSteps(sender, false).filter((step) => step.joined !== undefined);
      if (joined.length > 0) joinedSenders++;
      for (const step of joined) joinedSource += step.joined!.source.length;
    }
    expect(joinedSource).toBeLessThanOrEqual(maxJoinedSourcePerSet);
    expect(joinedSenders).toBeGreaterThan(50);
    expect(joinedSenders).toBeLessThan(senders.length);
  });
});
