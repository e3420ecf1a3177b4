/**
 * `matchOperatorMessage`: which provisioning rule an SMS or USSD message matches, and the
 * usage, limit and timestamp the rule reads from it — what Windows does before the operator
 * app sees the message.
 *
 * @module
 */

import type { OperatorMessageFields } from '../backend.js';
import { MobileBroadbandError } from '../errors.js';
import { checkInstant } from '../time-values.js';
import { readNumberWith } from './message-number.js';
import { checkUtcOffset } from './strftime.js';
import { checkText, maxMessageTextLength } from './operator-message-pattern.js';
import {
  compileMessageRules,
  isCompiledMessageRule,
  MessageRuleSet,
  type CompiledMessageRule,
} from './message-rule-set.js';
import { inferUsage, type UsageSource, type UsageValues } from './infer-usage.js';
import type { CandidateStep } from './joined-candidates.js';
import type { AmountField, MessageRule, ProvisioningDocument } from './provisioning-document.js';
import { bytesPerUnit, type UnitMultiplier } from './units.js';

/** A message to match. */
export interface OperatorMessage {
  /** How it arrived. */
  bearer: 'sms' | 'ussd';
  /** SMS: the sender address, compared exactly with `SMSBearer/@Sender` (`+1800…` ≠ `1800…`). */
  sender?: string;
  /** SMS: whether it is a class-0 ("flash") message; rules with ClassZeroOnly need `true`. */
  classZero?: boolean;
  /** The decoded text. */
  text: string;
}

/** Options of {@link matchOperatorMessage}. */
export interface MatchOperatorMessageOptions {
  /**
   * When the message arrived (Date or ms since the epoch). Default: now. A timestamp without a
   * year is the most recent occurrence of its date: on or before this time's date.
   */
  referenceTime?: Date | number;
  /**
   * The zone the operator writes times in, in minutes east of UTC (UTC+1 → 60). Default 0:
   * times without a zone are read as UTC.
   */
  utcOffsetMinutes?: number;
}

/** A message that matched a rule. */
export interface OperatorMessageMatch {
  /** The rule's `RuleId`, which Windows passes on with the notification. */
  ruleId?: string;
  /** The rule's `Silent`: the message goes only to the operator app. */
  silent: boolean;
  /** What the rule's `Fields` read; a field that could not be read is absent. */
  fields: OperatorMessageFields;
  /** Why a field is absent (a group that did not match, a unit not in `Units`, a bad timestamp). */
  warnings: string[];
  /**
   * Present when the rule has `UsagePercentage`, `UsageOverage` or `UsageOveragePercentage`:
   * what they read, and how `fields.usageBytes` was found.
   */
  usageInference?: UsageInference;
}

/** What the usage elements other than `Usage` read from a message, and what came of it. */
export interface UsageInference {
  /** `UsagePercentage`: the percentage of the data limit used (`75` is 75 %). */
  usagePercentage?: number;
  /** `UsageOverage`: bytes used over the data limit. */
  usageOverageBytes?: number;
  /** `UsageOveragePercentage`: the percentage over the data limit used (`20` is 20 % over). */
  usageOveragePercentage?: number;
  /**
   * How `fields.usageBytes` was found: read from `Usage`, or by one of the documents' rules;
   * absent when none had its values.
   */
  usageBytesFrom?: UsageSource;
}

/** What {@link matchOperatorMessage} takes as rules. */
export type MessageRulesInput = MessageRuleSet | ProvisioningDocument | readonly MessageRule[];

/**
 * Matches a message against provisioning rules: the first rule in document order whose bearer
 * and sender fit and whose pattern matches (anywhere in the text, as `RegExp.prototype.exec`)
 * wins. Matching takes time linear in the text whatever the pattern.
 *
 * A field that cannot be read (a timestamp that does not fit its format, a unit text not in
 * `Units`) is left out with a warning; it never stops the match or the other fields.
 *
 * Pass a {@link MessageRuleSet} from {@link compileMessageRules} when matching many messages;
 * a document or a rule list is compiled on every call.
 *
 * @returns The match, or `undefined` when no rule takes the message.
 * @throws MobileBroadbandError `ERR_INVALID_ARGUMENT` for a malformed message or text over
 *   `maxMessageTextLength`.
 *
 * @example
 * ```ts
 * import { compileMessageRules, matchOperatorMessage, parseProvisioning } from 'windows-mobile-broadband/provisioning';
 * declare const xml: string;
 * const rules = compileMessageRules(parseProvisioning(xml));
 * const match = matchOperatorMessage(rules, { bearer: 'ussd', text: '1.50GB of 5GB used as of 10:30PM' });
 * console.log(match?.ruleId, match?.fields.usageBytes);
 * ```
 */
export function matchOperatorMessage(
  rules: MessageRulesInput,
  message: OperatorMessage,
  options: MatchOperatorMessageOptions = {},
): OperatorMessageMatch | undefined {
  checkMessage(message);
  checkMatchOptions(options);
  const set = rules instanceof MessageRuleSet ? rules : compileMessageRules(rules);
  const steps =
    message.bearer === 'ussd'
      ? set.ussdSteps()
      : set.smsSteps(message.sender, message.classZero === true);
  for (const step of steps) {
    const result =
      step.joined === undefined || message.text.length > step.maxTextLength
        ? matchEach(step.rules, message.text, options)
        : matchJoined(step, step.joined, message.text, options);
    if (result !== undefined) return result;
  }
  return undefined;
}

/** The first of `rules` that matches `text`, each tried on its own. */
function matchEach(
  rules: readonly CompiledMessageRule[],
  text: string,
  options: MatchOperatorMessageOptions,
): OperatorMessageMatch | undefined {
  for (const compiled of rules) {
    const result = matchCompiled(compiled, text, options);
    if (result !== undefined) return result;
  }
  return undefined;
}

/** The first rule of a joined step that matches `text`, found in one run (joined-candidates.ts). */
function matchJoined(
  step: CandidateStep,
  joined: RegExp,
  text: string,
  options: MatchOperatorMessageOptions,
): OperatorMessageMatch | undefined {
  const found = joined.exec(text);
  if (found === null) return undefined;
  // The first rule whose lookahead took part is the one that matched.
  const { rules, matchAt } = step;
  for (let r = 0; r < rules.length; r++) {
    const at = matchAt[r]!;
    if (found[at] === undefined) continue;
    const compiled = rules[r]!;
    return compiled.reading.fields === undefined
      ? matchOf(compiled.rule, {}, [])
      : readFields(compiled, found, at, options);
  }
  return undefined;
}

/** Matches one compiled rule against a text, ignoring bearer and sender. */
export function matchRule(
  compiled: CompiledMessageRule,
  text: string,
  options: MatchOperatorMessageOptions = {},
): OperatorMessageMatch | undefined {
  if (!isCompiledMessageRule(compiled))
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      'matchRule takes a rule from compileMessageRule (or from the rules of compileMessageRules)',
    );
  checkText(text);
  checkMatchOptions(options);
  return matchCompiled(compiled, text, options);
}

/** {@link matchRule} after its checks: what every candidate of a message costs. */
function matchCompiled(
  compiled: CompiledMessageRule,
  text: string,
  options: MatchOperatorMessageOptions,
): OperatorMessageMatch | undefined {
  const { rule, reading } = compiled;
  const spec = reading.fields;
  // Without fields only "does it match" counts, which needs no capture groups (faster).
  if (spec === undefined) return compiled.pattern.matches(text) ? matchOf(rule, {}, []) : undefined;
  const groups = compiled.pattern.search(text);
  return groups === undefined ? undefined : readFields(compiled, groups, 0, options);
}

/**
 * What a rule with fields reads from its match: group `n` of the rule is `groups[at + n]` (a
 * joined run's result holds other rules' groups before it).
 */
function readFields(
  compiled: CompiledMessageRule,
  groups: ArrayLike<string | undefined>,
  at: number,
  options: MatchOperatorMessageOptions,
): OperatorMessageMatch {
  const { rule, reading } = compiled;
  const spec = reading.fields!;
  const fields: OperatorMessageFields = {};
  const warnings: string[] = [];
  // Written out, no helper closure: this runs for every message a rule with fields matches.
  // Fields are read in the documents' order (Usage, the usage elements, DataLimit), which is
  // the order of their warnings.
  const usageBytes = readAmount('Usage', spec.usage, groups, at, compiled, warnings);
  if (
    spec.usagePercentage === undefined &&
    spec.usageOverage === undefined &&
    spec.usageOveragePercentage === undefined
  ) {
    // The common rule: Usage and DataLimit as read, nothing to infer.
    const dataLimitBytes = readAmount('DataLimit', spec.dataLimit, groups, at, compiled, warnings);
    if (usageBytes !== undefined) fields.usageBytes = usageBytes;
    if (dataLimitBytes !== undefined) fields.dataLimitBytes = dataLimitBytes;
    readTimestamp(compiled, groups, at, options, fields, warnings);
    return matchOf(rule, fields, warnings);
  }
  const values: UsageValues = {};
  if (usageBytes !== undefined) values.usageBytes = usageBytes;
  if (spec.usagePercentage !== undefined) {
    const value = readNumberField(
      'UsagePercentage',
      spec.usagePercentage.group,
      groups,
      at,
      compiled,
      warnings,
    );
    if (value !== undefined) values.usagePercentage = value;
  }
  if (spec.usageOverage !== undefined) {
    const value = readAmount('UsageOverage', spec.usageOverage, groups, at, compiled, warnings);
    if (value !== undefined) values.usageOverageBytes = value;
  }
  if (spec.usageOveragePercentage !== undefined) {
    const value = readNumberField(
      'UsageOveragePercentage',
      spec.usageOveragePercentage.group,
      groups,
      at,
      compiled,
      warnings,
    );
    if (value !== undefined) values.usageOveragePercentage = value;
  }
  const dataLimitBytes = readAmount('DataLimit', spec.dataLimit, groups, at, compiled, warnings);
  if (dataLimitBytes !== undefined) values.dataLimitBytes = dataLimitBytes;
  // Windows sets Usage from these when the rule has no Usage, or its Usage was not read.
  const usage = inferUsage(values);
  if (usage !== undefined) fields.usageBytes = usage.bytes;
  if (dataLimitBytes !== undefined) fields.dataLimitBytes = dataLimitBytes;
  const inference: UsageInference = {};
  if (values.usagePercentage !== undefined) inference.usagePercentage = values.usagePercentage;
  if (values.usageOverageBytes !== undefined)
    inference.usageOverageBytes = values.usageOverageBytes;
  if (values.usageOveragePercentage !== undefined)
    inference.usageOveragePercentage = values.usageOveragePercentage;
  if (usage !== undefined) inference.usageBytesFrom = usage.from;
  else
    warnings.push(
      "Usage: not inferred: none of the documents' rules (UsagePercentage × DataLimit, UsageOverage + DataLimit, UsageOveragePercentage with DataLimit or UsageOverage) had all its values",
    );
  readTimestamp(compiled, groups, at, options, fields, warnings);
  const match = matchOf(rule, fields, warnings);
  match.usageInference = inference;
  return match;
}

/** Reads the rule's `UsageTimestamp` into `fields`, or says in `warnings` why not. */
function readTimestamp(
  compiled: CompiledMessageRule,
  groups: ArrayLike<string | undefined>,
  at: number,
  options: MatchOperatorMessageOptions,
  fields: OperatorMessageFields,
  warnings: string[],
): void {
  const { reading } = compiled;
  const stamp = reading.fields?.usageTimestamp;
  if (stamp !== undefined && reading.timestamp !== undefined) {
    const value = groups[at + stamp.group];
    if (value === undefined) {
      warnings.push(`UsageTimestamp: group ${stamp.group} did not take part in the match`);
    } else {
      const reference = options.referenceTime ?? Date.now();
      const date = reading.timestamp.read(
        value,
        typeof reference === 'number' ? reference : reference.getTime(),
        options.utcOffsetMinutes ?? 0,
        reading.meridiem,
      );
      if (typeof date !== 'string') fields.usageTimestamp = date;
      else
        warnings.push(
          `UsageTimestamp: "${value}" does not fit the format "${stamp.format}": ${date}`,
        );
    }
  }
}

function matchOf(
  rule: MessageRule,
  fields: OperatorMessageFields,
  warnings: string[],
): OperatorMessageMatch {
  // Written out rather than spread: this object is made for every message that matches.
  return rule.ruleId === undefined
    ? { silent: rule.silent, fields, warnings }
    : { ruleId: rule.ruleId, silent: rule.silent, fields, warnings };
}

function readAmount(
  name: string,
  field: AmountField | undefined,
  groups: ArrayLike<string | undefined>,
  at: number,
  compiled: CompiledMessageRule,
  warnings: string[],
): number | undefined {
  if (field === undefined) return undefined;
  const { rule, reading } = compiled;
  const value = readNumberField(name, field.group, groups, at, compiled, warnings);
  if (value === undefined) return undefined;
  let multiplier: UnitMultiplier | 'None' | undefined = field.defaultUnit ?? 'None';
  if (field.unitGroup !== undefined) {
    const unitText = groups[at + field.unitGroup] ?? '';
    multiplier = reading.unitOf(unitText) ?? field.defaultUnit;
    if (multiplier === undefined) {
      const known = Object.values(rule.units ?? {}).flat();
      warnings.push(
        `${name}: unit "${unitText}" (group ${field.unitGroup}) is not in Units (${known.join(', ') || 'none'}) and there is no DefaultUnit`,
      );
      return undefined;
    }
  }
  return Math.round(value * bytesPerUnit(multiplier));
}

/** The number in capture group `group`, or `undefined` with a warning saying why not. */
function readNumberField(
  name: string,
  group: number,
  groups: ArrayLike<string | undefined>,
  at: number,
  compiled: CompiledMessageRule,
  warnings: string[],
): number | undefined {
  const { rule, reading } = compiled;
  const text = groups[at + group];
  if (text === undefined) {
    warnings.push(`${name}: group ${group} did not take part in the match`);
    return undefined;
  }
  const value = readNumberWith(text, reading.separators());
  if (value === undefined)
    warnings.push(
      `${name}: "${text}" (group ${group}) is not a number${rule.locale ? ` in ${rule.locale}` : ''}`,
    );
  return value;
}

function checkMatchOptions(options: MatchOperatorMessageOptions): void {
  if (typeof options !== 'object' || options === null || Array.isArray(options))
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      'the options must be an object { referenceTime?, utcOffsetMinutes? }',
    );
  if (options.referenceTime !== undefined) checkInstant(options.referenceTime, 'referenceTime');
  if (options.utcOffsetMinutes !== undefined) checkUtcOffset(options.utcOffsetMinutes);
}

function checkMessage(message: OperatorMessage): void {
  const problem =
    typeof message !== 'object' || message === null
      ? 'must be an object { bearer, sender?, classZero?, text }'
      : message.bearer !== 'sms' && message.bearer !== 'ussd'
        ? `bearer must be 'sms' or 'ussd', got ${JSON.stringify(message.bearer)}`
        : typeof message.text !== 'string'
          ? 'text must be a string'
          : message.sender !== undefined && typeof message.sender !== 'string'
            ? 'sender must be a string'
            : message.classZero !== undefined && typeof message.classZero !== 'boolean'
              ? 'classZero must be a boolean'
              : message.text.length > maxMessageTextLength
                ? `text is ${message.text.length} characters long; at most ${maxMessageTextLength} are matched`
                : undefined;
  if (problem !== undefined)
    throw new MobileBroadbandError('ERR_INVALID_ARGUMENT', `the message ${problem}`);
}
