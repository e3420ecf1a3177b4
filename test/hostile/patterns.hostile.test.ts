/**
 * Hostile patterns: legal but costly ones (issue 11, class 2), shapes the translator must
 * refuse with a typed error, and documents whose rules together cost too much.
 */
import { describe, expect } from 'vitest';
import {
  compileMessageRules,
  compileOperatorMessagePattern,
  matchOperatorMessage,
  maxMessageTextLength,
  maxPatternProgramSize,
  maxRuleSetProgramSize,
  parseProvisioning,
  type MessageRule,
} from '../../lib/provisioning/index.js';
import { fixture, withMessages } from '../provisioning/fixtures.js';
import { hostileCases, resultCase } from './hostile-harness.js';

/** The example: legal, linear, and 20 s per test() on 64 KiB before the budget. */
const ninefold = '(?:.?){999}'.repeat(9);
const longest = 'x'.repeat(maxMessageTextLength);

function rules(count: number, pattern: string): string {
  return Array.from(
    { length: count },
    (_, i) => `      <Message RuleId="R${i}"><USSDBearer/><Pattern>${pattern}</Pattern></Message>`,
  ).join('\n');
}

const ussdRule = (pattern: string): MessageRule => ({
  silent: true,
  bearers: [{ type: 'ussd' }],
  pattern,
});

describe('patterns: the cost of a pattern and of a document is bounded when compiling', () => {
  hostileCases([
    {
      name: 'a pattern of 18,000 instructions (20 s per 64 KiB test) is refused',
      run: () => compileOperatorMessagePattern(ninefold),
      bound: { ms: 2_000 },
      code: 'ERR_INVALID_ARGUMENT',
      message: /compiles to \d+ instructions, and at most 2000/,
    },
    {
      name: 'the same pattern in a document: ERR_PROVISIONING_XML naming the rule, with line and column',
      run: () => parseProvisioning(withMessages(rules(1, ninefold))),
      bound: { ms: 2_000 },
      code: 'ERR_PROVISIONING_XML',
      message: /^line 6, column \d+: rule "R0": .*too costly/,
    },
    resultCase({
      name: 'a pattern at the budget matches the longest text within bounds',
      run: () => {
        const pattern = compileOperatorMessagePattern('(?:.?){990}x');
        return { size: pattern.programSize, found: pattern.exec(longest)?.[0]?.length };
      },
      bound: { ms: 15_000 },
      check: (result) => {
        expect(result.size).toBeLessThanOrEqual(maxPatternProgramSize);
        expect(result.found).toBe(991);
      },
    }),
    {
      name: '3,200 legal rules (583 KB): refused once their patterns together pass the budget',
      run: () =>
        parseProvisioning(
          withMessages(rules(3_200, '(\\d+\\.\\d+)(\\w+) of (\\d+)(\\w+) used as of (\\S+)')),
        ),
      bound: { ms: 5_000, heapMiB: 200 },
      code: 'ERR_PROVISIONING_XML',
      message: /rule "R\d+": the rules' patterns together are too costly .* at most 10000/,
    },
    {
      name: 'rules built in code over the budget: ERR_INVALID_ARGUMENT naming the rule',
      run: () => compileMessageRules(Array.from({ length: 6 }, () => ussdRule('[^]{0,999}'))),
      bound: { ms: 2_000 },
      code: 'ERR_INVALID_ARGUMENT',
      message: /^rule #6: .*too costly/,
    },
    resultCase({
      name: 'a realistic document fits the budget many times over',
      run: () => compileMessageRules(parseProvisioning(fixture('usage-rules.xml'))),
      bound: { ms: 2_000 },
      check: (set) => {
        const total = set.rules.reduce((sum, r) => sum + r.pattern.programSize, 0);
        expect(total * 20).toBeLessThan(maxRuleSetProgramSize);
      },
    }),
    resultCase({
      name: 'a document parsed then compiled compiles each pattern once',
      run: () => {
        const doc = parseProvisioning(withMessages(rules(3, 'Used (\\d+)MB')));
        const first = compileMessageRules(doc);
        const second = compileMessageRules(doc);
        return [first, second] as const;
      },
      bound: { ms: 2_000 },
      check: ([first, second]) => {
        // Identical sources share a program, and a second compile reuses the first.
        expect(new Set(first.rules.map((r) => r.pattern)).size).toBe(1);
        expect(second.rules[0]!.pattern).toBe(first.rules[0]!.pattern);
      },
    }),
    resultCase({
      name: 'a rule whose pattern changed after parsing is compiled again',
      run: () => {
        const doc = parseProvisioning(withMessages(rules(1, 'Used (\\d+)MB')));
        compileMessageRules(doc);
        doc.messageRules[0]!.pattern = 'Left (\\d+)MB';
        return matchOperatorMessage(compileMessageRules(doc), { bearer: 'ussd', text: 'Left 5MB' });
      },
      bound: { ms: 2_000 },
      check: (match) => expect(match?.ruleId).toBe('R0'),
    }),
    {
      name: 'a repetition count over 1000, nested',
      run: () => compileOperatorMessagePattern('(?:a{100}){100}'),
      bound: { ms: 1_000 },
      code: 'ERR_INVALID_ARGUMENT',
    },
    {
      name: 'a pattern longer than 4096 characters',
      run: () => compileOperatorMessagePattern('a'.repeat(1_000_000)),
      bound: { ms: 1_000 },
      code: 'ERR_INVALID_ARGUMENT',
      message: /1000000 characters long; at most 4096/,
    },
    {
      name: 'a backreference',
      run: () => compileOperatorMessagePattern('(a)\\1'),
      bound: { ms: 1_000 },
      code: 'ERR_INVALID_ARGUMENT',
      message: /backreference/,
    },
    {
      name: 'a lookbehind',
      run: () => compileOperatorMessagePattern('(?<=a)b'),
      bound: { ms: 1_000 },
      code: 'ERR_INVALID_ARGUMENT',
      message: /lookbehind/,
    },
    {
      name: 'a pattern that is not a string',
      run: () => compileOperatorMessagePattern({} as unknown as string),
      bound: { ms: 1_000 },
      code: 'ERR_INVALID_ARGUMENT',
      message: /must be a string, got object/,
    },
    {
      name: 'a rule whose usageTimestamp has no format: a typed error, not an internal one',
      run: () =>
        compileMessageRules([
          { ...ussdRule('(\\d+)'), fields: { usageTimestamp: { group: 1 } } } as MessageRule,
        ]),
      bound: { ms: 1_000 },
      code: 'ERR_INVALID_ARGUMENT',
      message: /usageTimestamp/,
      mustNotContain: ['Cannot read properties'],
    },
    {
      name: 'a rule whose usage field is null',
      run: () =>
        compileMessageRules([
          { ...ussdRule('(\\d+)'), fields: { usage: null } } as unknown as MessageRule,
        ]),
      bound: { ms: 1_000 },
      code: 'ERR_INVALID_ARGUMENT',
      mustNotContain: ['Cannot read properties'],
    },
    {
      name: 'a rule with a locale that is not one',
      run: () => compileMessageRules([{ ...ussdRule('(\\d+)'), locale: 'not a locale!' }]),
      bound: { ms: 1_000 },
      code: 'ERR_INVALID_ARGUMENT',
      message: /locale/,
    },
    {
      name: 'a message text over the longest matched',
      run: () => matchOperatorMessage([ussdRule('x')], { bearer: 'ussd', text: `${longest}x` }),
      bound: { ms: 1_000 },
      code: 'ERR_INVALID_ARGUMENT',
      message: /at most 65536/,
    },
  ]);
});
