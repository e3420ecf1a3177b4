/**
 * Message rules compiled and indexed for matching: patterns compiled once, SMS rules indexed
 * by sender, so matching a message costs the same whatever the rules for other senders.
 *
 * @module
 */

import { MobileBroadbandError, isMobileBroadbandError } from '../errors.js';
import {
  compileOperatorMessagePattern,
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
import { messageRulePositions, type MessageRulePositions } from './source-positions.js';
import { compileTimestampFormat, TimestampFormatError, type TimestampFormat } from './strftime.js';

/** A rule ready for matching. */
export interface CompiledMessageRule {
  readonly rule: MessageRule;
  /** The rule's index in document order. */
  readonly index: number;
  readonly pattern: OperatorMessagePattern;
  /** The compiled `UsageTimestamp/@Format`, where the rule has one. */
  readonly timestampFormat?: TimestampFormat;
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
  readonly #bySender = new Map<string, SmsCandidate[]>();
  readonly #anySender: SmsCandidate[] = [];
  readonly #ussd: CompiledMessageRule[] = [];

  /** @internal Use {@link compileMessageRules}. */
  constructor(rules: readonly CompiledMessageRule[]) {
    this.rules = rules;
    for (const compiled of rules) {
      const smsBearers = compiled.rule.bearers.filter((b) => b.type === 'sms');
      if (compiled.rule.bearers.some((b) => b.type === 'ussd')) this.#ussd.push(compiled);
      // A rule with several bearers for one sender takes what any of them takes.
      const anyBearers = smsBearers.filter((b) => b.sender === undefined);
      if (anyBearers.length > 0)
        this.#anySender.push({ compiled, classZeroOnly: anyBearers.every((b) => b.classZeroOnly) });
      for (const sender of new Set(
        smsBearers.flatMap((b) => (b.sender === undefined ? [] : [b.sender])),
      )) {
        const forSender = smsBearers.filter((b) => b.sender === sender || b.sender === undefined);
        const list = this.#bySender.get(sender) ?? [];
        list.push({ compiled, classZeroOnly: forSender.every((b) => b.classZeroOnly) });
        this.#bySender.set(sender, list);
      }
    }
    // Rules for any sender join each sender's list, keeping document order (first match wins).
    for (const [sender, list] of this.#bySender) {
      const merged = [
        ...list,
        ...this.#anySender.filter((a) => !list.some((l) => l.compiled === a.compiled)),
      ];
      merged.sort((a, b) => a.compiled.index - b.compiled.index);
      this.#bySender.set(sender, merged);
    }
  }

  /** SMS rules that may take a message from `sender` (exact match), in document order. */
  smsCandidates(sender: string | undefined): readonly SmsCandidate[] {
    return (sender === undefined ? undefined : this.#bySender.get(sender)) ?? this.#anySender;
  }

  /** USSD rules, in document order. */
  ussdCandidates(): readonly CompiledMessageRule[] {
    return this.#ussd;
  }

  /** The senders SMS rules name. */
  get senders(): string[] {
    return [...this.#bySender.keys()];
  }
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
  return new MessageRuleSet(
    (rules as readonly MessageRule[]).map((rule, index) => compileMessageRule(rule, index)),
  );
}

/** Compiles and checks one rule: its pattern, group numbers, units and timestamp format. */
export function compileMessageRule(rule: MessageRule, index = 0): CompiledMessageRule {
  const positions = messageRulePositions(rule);
  const fail = (part: keyof MessageRulePositions, problem: string, expected?: string): Error =>
    ruleError(rule, index, positions, part, problem, expected);
  checkShape(rule, index);

  let pattern: OperatorMessagePattern;
  try {
    pattern = compileOperatorMessagePattern(rule.pattern);
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
    part: 'usage' | 'dataLimit' | 'usageTimestamp',
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
    part: 'usage' | 'dataLimit',
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
  checkAmount('dataLimit', 'DataLimit', fields.dataLimit);

  const timestamp = fields.usageTimestamp;
  if (timestamp === undefined) return { rule, index, pattern };
  checkGroup('usageTimestamp', 'UsageTimestamp Group', timestamp.group);
  try {
    return { rule, index, pattern, timestampFormat: compileTimestampFormat(timestamp.format) };
  } catch (error) {
    if (!(error instanceof TimestampFormatError)) throw error;
    throw fail(
      'usageTimestamp',
      `UsageTimestamp Format "${timestamp.format}": ${error.message} (at character ${error.offset + 1})`,
      'directives such as %d %b %Y %H:%M',
    );
  }
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
  return rule.ruleId === undefined ? `rule #${index + 1}` : `rule "${rule.ruleId}"`;
}

function checkShape(rule: MessageRule, index: number): void {
  const problem =
    typeof rule !== 'object' || rule === null
      ? 'is not an object'
      : typeof rule.pattern !== 'string'
        ? 'has no pattern string'
        : !Array.isArray(rule.bearers) || rule.bearers.length === 0
          ? 'has no bearers (an SMS bearer or a USSD bearer)'
          : rule.bearers.some((b) => b?.type !== 'sms' && b?.type !== 'ussd')
            ? "has a bearer whose type is neither 'sms' nor 'ussd'"
            : undefined;
  if (problem !== undefined)
    throw new MobileBroadbandError('ERR_INVALID_ARGUMENT', `message rule #${index + 1} ${problem}`);
}
