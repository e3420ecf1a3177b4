/**
 * Message rules compiled and indexed for matching: patterns compiled once, SMS rules indexed
 * by sender, so matching a message costs the same whatever the rules for other senders.
 *
 * @module
 */

import { MobileBroadbandError, isMobileBroadbandError } from '../errors.js';
import {
  compileOperatorMessagePattern,
  programSizeAtMost,
  type OperatorMessagePattern,
  type PatternErrorDetails,
} from './operator-message-pattern.js';
import type {
  AmountField,
  MessageRule,
  ProvisioningDocument,
  SourcePosition,
} from './provisioning-document.js';
import { provisioningError } from './provisioning-error.js';
import { isLocaleTag } from './message-number.js';
import { isUnitMultiplier } from './units.js';
import { messageRulePositions, type MessageRulePositions } from './source-positions.js';
import {
  compileTimestampReader,
  type TimestampFormat,
  type TimestampFormatErrorDetails,
} from './strftime.js';
import { ruleReading, type RuleReading } from './rule-reading.js';
import {
  joinCandidates,
  maxJoinedSourcePerSet,
  type CandidateStep,
  type JoinBudget,
} from './joined-candidates.js';

/**
 * The most compiled-pattern instructions one set of rules may hold, all rules together. A
 * message may be tried against every rule, and each costs up to its program size per
 * character, so this bounds the time of one match (about 10 s in the very worst case, on a
 * text of `maxMessageTextLength`; milliseconds for real messages and patterns) and the memory
 * the compiled rules keep (a few MB). Realistic documents use a few hundred.
 */
export const maxRuleSetProgramSize = 10_000;

/**
 * Each rule's compiled pattern, with the source it was compiled from, so a rule is compiled
 * once: `parseProvisioning` checks the rules by compiling them, and `compileMessageRules` on
 * the same document reuses that work. A rule whose pattern was changed since is compiled again.
 */
const compiledPatterns = new WeakMap<object, OperatorMessagePattern>();

/** Every rule {@link compileMessageRule} made, so a forged one is told apart. */
const compiledRules = new WeakSet<object>();

/** @internal Whether `value` came from {@link compileMessageRule}. */
export function isCompiledMessageRule(value: unknown): value is CompiledMessageRule {
  return typeof value === 'object' && value !== null && compiledRules.has(value);
}

/** A rule ready for matching. */
export interface CompiledMessageRule {
  readonly rule: MessageRule;
  /** The rule's index in document order. */
  readonly index: number;
  readonly pattern: OperatorMessagePattern;
  /** The compiled `UsageTimestamp/@Format`, where the rule has one. */
  readonly timestampFormat?: TimestampFormat;
  /** @internal What the rule reads from a message, worked out once. */
  readonly reading: RuleReading;
}

/** A rule that may take an SMS from some sender, and whether only class-0 messages. */
export interface SmsCandidate {
  readonly compiled: CompiledMessageRule;
  readonly classZeroOnly: boolean;
}

/**
 * Compiled, indexed rules. Make one with {@link compileMessageRules} when rules are loaded and
 * pass it to `matchOperatorMessage` for every message.
 */
export class MessageRuleSet {
  /** Every rule, in document order. */
  readonly rules: readonly CompiledMessageRule[];
  readonly #bySender = new Map<string, Candidates>();
  readonly #anySender: Candidates;
  readonly #ussd: CompiledMessageRule[] = [];
  #ussdSteps: readonly CandidateStep[] | undefined;
  /** What the steps of this set may still join, all senders together. */
  readonly #joinBudget: JoinBudget = { characters: maxJoinedSourcePerSet };

  /** @internal Use {@link compileMessageRules}. */
  constructor(rules: readonly CompiledMessageRule[]) {
    this.rules = rules;
    const bySender = new Map<string, SmsCandidate[]>();
    const anySender: SmsCandidate[] = [];
    for (const compiled of rules) {
      const smsBearers = compiled.rule.bearers.filter((b) => b.type === 'sms');
      if (compiled.rule.bearers.some((b) => b.type === 'ussd')) this.#ussd.push(compiled);
      // A rule with several bearers for one sender takes what any of them takes.
      const anyBearers = smsBearers.filter((b) => b.sender === undefined);
      if (anyBearers.length > 0)
        anySender.push({ compiled, classZeroOnly: anyBearers.every((b) => b.classZeroOnly) });
      for (const sender of new Set(
        smsBearers.flatMap((b) => (b.sender === undefined ? [] : [b.sender])),
      )) {
        const forSender = smsBearers.filter((b) => b.sender === sender || b.sender === undefined);
        const list = bySender.get(sender) ?? [];
        list.push({ compiled, classZeroOnly: forSender.every((b) => b.classZeroOnly) });
        bySender.set(sender, list);
      }
    }
    // Rules for any sender join each sender's list, keeping document order (first match wins).
    for (const [sender, list] of bySender) {
      const merged = [
        ...list,
        ...anySender.filter((a) => !list.some((l) => l.compiled === a.compiled)),
      ];
      merged.sort((a, b) => a.compiled.index - b.compiled.index);
      this.#bySender.set(sender, candidates(merged));
    }
    this.#anySender = candidates(anySender);
  }

  /** SMS rules that may take a message from `sender` (exact match), in document order. */
  smsCandidates(sender: string | undefined): readonly SmsCandidate[] {
    return this.#candidatesOf(sender).list;
  }

  /** USSD rules, in document order. */
  ussdCandidates(): readonly CompiledMessageRule[] {
    return this.#ussd;
  }

  /**
   * @internal The SMS rules that may take a message from `sender`, as the steps the matcher
   * tries in order (joined-candidates.ts), made on the first message that needs them:
   * {@link smsCandidates}, without the class-0-only rules unless `classZero`.
   */
  smsSteps(sender: string | undefined, classZero: boolean): readonly CandidateStep[] {
    const found = this.#candidatesOf(sender);
    return classZero
      ? (found.classZeroSteps ??= joinCandidates(
          found.list.map((c) => c.compiled),
          this.#joinBudget,
        ))
      : (found.steps ??= joinCandidates(
          found.list.filter((c) => !c.classZeroOnly).map((c) => c.compiled),
          this.#joinBudget,
        ));
  }

  /** @internal {@link ussdCandidates} as the steps the matcher tries in order. */
  ussdSteps(): readonly CandidateStep[] {
    return (this.#ussdSteps ??= joinCandidates(this.#ussd, this.#joinBudget));
  }

  /** The senders SMS rules name. */
  get senders(): string[] {
    return [...this.#bySender.keys()];
  }

  #candidatesOf(sender: string | undefined): Candidates {
    return (sender === undefined ? undefined : this.#bySender.get(sender)) ?? this.#anySender;
  }
}

/** One sender's candidates, and its steps for messages that are class 0 and that are not. */
interface Candidates {
  readonly list: readonly SmsCandidate[];
  steps: readonly CandidateStep[] | undefined;
  classZeroSteps: readonly CandidateStep[] | undefined;
}

function candidates(list: readonly SmsCandidate[]): Candidates {
  return { list, steps: undefined, classZeroSteps: undefined };
}

/**
 * Compiles the message rules of a document (or a list of rules) for matching. Throws the same
 * errors as `parseProvisioning` for rules that came from a document (with line and column);
 * for rules built in code, `ERR_INVALID_ARGUMENT` naming the rule.
 */
export function compileMessageRules(
  source: ProvisioningDocument | readonly MessageRule[],
): MessageRuleSet {
  const rules = Array.isArray(source)
    ? (source as readonly MessageRule[])
    : (source as ProvisioningDocument | undefined)?.messageRules;
  if (!Array.isArray(rules))
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      'compileMessageRules takes a provisioning document or an array of message rules',
    );
  // Identical patterns share one compiled program (memory); each rule still counts toward the
  // budget, since a message may be tried against each.
  const shared = new Map<string, OperatorMessagePattern>();
  const compiled: CompiledMessageRule[] = [];
  // The budget is checked with what each pattern's size is at most (known without compiling
  // patterns RegExp runs); once those go over, with the exact sizes, which compile them.
  let atMost = 0;
  let programSize: number | undefined;
  (rules as readonly MessageRule[]).forEach((rule, index) => {
    const one = compileMessageRule(rule, index, shared);
    if (programSize === undefined) {
      atMost += programSizeAtMost(one.pattern);
      if (atMost > maxRuleSetProgramSize)
        programSize = [...compiled, one].reduce((sum, r) => sum + r.pattern.programSize, 0);
    } else {
      programSize += one.pattern.programSize;
    }
    if (programSize !== undefined && programSize > maxRuleSetProgramSize)
      throw ruleError(
        rule,
        index,
        messageRulePositions(rule),
        'pattern',
        `the rules' patterns together are too costly to match: up to this rule they compile to ${programSize} instructions, and at most ${maxRuleSetProgramSize} are accepted for all rules (this pattern: ${one.pattern.programSize}); use fewer or simpler patterns`,
        `patterns of at most ${maxRuleSetProgramSize} instructions in all`,
      );
    compiled.push(one);
  });
  return new MessageRuleSet(compiled);
}

/**
 * Compiles and checks one rule: its pattern, group numbers, units and timestamp format.
 * `shared` (patterns already compiled, by source) lets a caller compile each source once.
 */
export function compileMessageRule(
  rule: MessageRule,
  index = 0,
  shared?: Map<string, OperatorMessagePattern>,
): CompiledMessageRule {
  if (!Number.isSafeInteger(index) || index < 0) index = 0;
  checkShape(rule, index);
  const positions = messageRulePositions(rule);
  const fail = (part: keyof MessageRulePositions, problem: string, expected?: string): Error =>
    ruleError(rule, index, positions, part, problem, expected);

  let pattern: OperatorMessagePattern;
  try {
    const cached = compiledPatterns.get(rule) ?? shared?.get(rule.pattern);
    pattern =
      cached?.source === rule.pattern ? cached : compileOperatorMessagePattern(rule.pattern);
    compiledPatterns.set(rule, pattern);
    shared?.set(rule.pattern, pattern);
  } catch (error) {
    if (!isMobileBroadbandError(error, 'ERR_INVALID_ARGUMENT')) throw error;
    const details = error.details as PatternErrorDetails | undefined;
    const where =
      details?.offset === undefined ? '' : ` (at character ${details.offset + 1} of the pattern)`;
    throw fail(
      'pattern',
      `the Pattern "${rule.pattern.slice(0, 80)}" is refused: ${details?.reason ?? error.message}${where}`,
    );
  }

  const fields = rule.fields ?? {};
  const groups = pattern.groupCount;
  const checkGroup = (
    part: Exclude<keyof MessageRulePositions, 'rule' | 'pattern' | 'units'>,
    what: string,
    group: number,
  ): void => {
    if (!Number.isInteger(group) || group < 1 || group > groups)
      throw fail(
        part,
        `${what} ${group} is not a capture group of the pattern, which has ${groups}`,
        groups === 0 ? 'a pattern with capture groups ( … )' : `a group from 1 to ${groups}`,
      );
  };
  const checkAmount = (
    part: 'usage' | 'usageOverage' | 'dataLimit',
    name: string,
    field: AmountField | undefined,
  ): void => {
    if (field === undefined) return;
    checkGroup(part, `${name} Group`, field.group);
    if (field.unitGroup === undefined) return;
    checkGroup(part, `${name} UnitGroup`, field.unitGroup);
    const tokens = Object.values(rule.units ?? {}).flat();
    if (tokens.length === 0 && field.defaultUnit === undefined)
      throw fail(
        part,
        `${name} UnitGroup ${field.unitGroup} points at a unit, but <Units> defines none`,
        'a <Units> element such as <Units G="GB" M="MB"/>, or a DefaultUnit',
      );
  };
  checkAmount('usage', 'Usage', fields.usage);
  checkAmount('usageOverage', 'UsageOverage', fields.usageOverage);
  checkAmount('dataLimit', 'DataLimit', fields.dataLimit);
  if (fields.usagePercentage !== undefined)
    checkGroup('usagePercentage', 'UsagePercentage Group', fields.usagePercentage.group);
  if (fields.usageOveragePercentage !== undefined)
    checkGroup(
      'usageOveragePercentage',
      'UsageOveragePercentage Group',
      fields.usageOveragePercentage.group,
    );

  const timestamp = fields.usageTimestamp;
  if (timestamp === undefined)
    return remember({ rule, index, pattern, reading: ruleReading(rule, undefined) });
  checkGroup('usageTimestamp', 'UsageTimestamp Group', timestamp.group);
  try {
    const timestampFormat = compileTimestampReader(timestamp.format);
    return remember({
      rule,
      index,
      pattern,
      timestampFormat,
      reading: ruleReading(rule, timestampFormat),
    });
  } catch (error) {
    if (!isMobileBroadbandError(error, 'ERR_INVALID_ARGUMENT')) throw error;
    const details = error.details as TimestampFormatErrorDetails;
    throw fail(
      'usageTimestamp',
      `UsageTimestamp Format "${timestamp.format.slice(0, 80)}": ${details.reason} (at character ${details.offset + 1})`,
      'directives such as %d %b %Y %H:%M',
    );
  }
}

function remember(compiled: CompiledMessageRule): CompiledMessageRule {
  compiledRules.add(compiled);
  return compiled;
}

function ruleError(
  rule: MessageRule,
  index: number,
  positions: MessageRulePositions | undefined,
  part: keyof MessageRulePositions,
  problem: string,
  expected?: string,
): Error {
  const name = describeRule(rule, index);
  const at: SourcePosition | undefined = positions?.[part] ?? positions?.rule;
  if (at !== undefined) return provisioningError(`${name}: ${problem}`, at, expected);
  return new MobileBroadbandError(
    'ERR_INVALID_ARGUMENT',
    `${name}: ${problem}${expected === undefined ? '' : ` (expected ${expected})`}`,
    {
      details: { ruleIndex: index, ...(rule.ruleId === undefined ? {} : { ruleId: rule.ruleId }) },
    },
  );
}

/** `rule "Sample2"`, or `rule #3` for a rule without RuleId. */
export function describeRule(rule: MessageRule, index: number): string {
  if (typeof rule !== 'object' || rule === null || !Number.isSafeInteger(index))
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      'describeRule takes a rule and its index',
    );
  return typeof rule.ruleId !== 'string' ? `rule #${index + 1}` : `rule "${rule.ruleId}"`;
}

function checkShape(rule: MessageRule, index: number): void {
  const problem = shapeProblem(rule);
  if (problem !== undefined)
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      `message rule #${index + 1} ${problem}`,
      {
        details: { ruleIndex: index },
      },
    );
}

/** What is wrong with the shape of a rule built in code (parsed rules always have the right one). */
function shapeProblem(rule: MessageRule): string | undefined {
  if (!isObject(rule)) return 'is not an object';
  if (typeof rule.pattern !== 'string') return 'has no pattern string';
  if (rule.ruleId !== undefined && typeof rule.ruleId !== 'string')
    return 'has a ruleId that is not a string';
  if (rule.silent !== undefined && typeof rule.silent !== 'boolean')
    return 'has a silent flag that is not a boolean';
  if (!Array.isArray(rule.bearers) || rule.bearers.length === 0)
    return 'has no bearers (an SMS bearer or a USSD bearer)';
  for (const bearer of rule.bearers as unknown[]) {
    if (!isObject(bearer) || (bearer.type !== 'sms' && bearer.type !== 'ussd'))
      return "has a bearer whose type is neither 'sms' nor 'ussd'";
    if (bearer.sender !== undefined && typeof bearer.sender !== 'string')
      return 'has a bearer whose sender is not a string';
    if (bearer.classZeroOnly !== undefined && typeof bearer.classZeroOnly !== 'boolean')
      return 'has a bearer whose classZeroOnly is not a boolean';
  }
  if (rule.locale !== undefined) {
    if (typeof rule.locale !== 'string') return 'has a locale that is not a string';
    if (!isLocaleTag(rule.locale)) return 'has a locale that is not a locale (such as en-us)';
  }
  if (rule.units !== undefined) {
    if (!isObject(rule.units)) return 'has units that are not an object';
    for (const tokens of Object.values(rule.units) as unknown[])
      if (!Array.isArray(tokens) || tokens.some((t) => typeof t !== 'string'))
        return 'has units whose values are not arrays of strings';
  }
  if (rule.fields === undefined) return undefined;
  if (!isObject(rule.fields)) return 'has fields that are not an object';
  const { usage, usagePercentage, usageOverage, usageOveragePercentage, dataLimit } = rule.fields;
  const { usageTimestamp } = rule.fields;
  for (const [name, field] of [
    ['usagePercentage', usagePercentage],
    ['usageOveragePercentage', usageOveragePercentage],
  ] as const)
    if (field !== undefined && (!isObject(field) || typeof field.group !== 'number'))
      return `has a fields.${name} that is not { group }`;
  for (const [name, field] of [
    ['usage', usage],
    ['usageOverage', usageOverage],
    ['dataLimit', dataLimit],
  ] as const) {
    if (field === undefined) continue;
    if (!isObject(field) || typeof field.group !== 'number')
      return `has a fields.${name} that is not { group, unitGroup?, defaultUnit? }`;
    if (field.unitGroup !== undefined && typeof field.unitGroup !== 'number')
      return `has a fields.${name}.unitGroup that is not a number`;
    if (
      field.defaultUnit !== undefined &&
      field.defaultUnit !== 'None' &&
      !(typeof field.defaultUnit === 'string' && isUnitMultiplier(field.defaultUnit))
    )
      return `has a fields.${name}.defaultUnit that is neither 'None' nor a unit multiplier`;
  }
  if (usageTimestamp === undefined) return undefined;
  if (
    !isObject(usageTimestamp) ||
    typeof usageTimestamp.group !== 'number' ||
    typeof usageTimestamp.format !== 'string'
  )
    return 'has a fields.usageTimestamp that is not { group, format, amToken?, pmToken? }';
  for (const token of ['amToken', 'pmToken'] as const)
    if (usageTimestamp[token] !== undefined && typeof usageTimestamp[token] !== 'string')
      return `has a fields.usageTimestamp.${token} that is not a string`;
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
