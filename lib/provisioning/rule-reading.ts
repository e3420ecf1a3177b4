/**
 * What a compiled message rule reads from each message it matches, worked out once when the
 * rule is compiled: whether it reads fields at all, its units as lookup tables, its AM/PM
 * tokens, its timestamp reader, and (on first use) its locale's number separators.
 *
 * @module
 * @internal
 */

import type { MessageRule, MessageRuleFields } from './provisioning-document.js';
import { separatorsFor, type Separators } from './message-number.js';
import { meridiemTokens, type MeridiemTokens, type TimestampReader } from './strftime.js';
import { unitReader, type UnitMultiplier } from './units.js';

export interface RuleReading {
  /** The rule's fields, when it reads any; otherwise a match only needs `test`. */
  readonly fields: MessageRuleFields | undefined;
  /** The multiplier of a unit text, from the rule's `Units`. */
  readonly unitOf: (text: string) => UnitMultiplier | undefined;
  /** `UsageTimestamp/@Format`, compiled, and its AM/PM tokens. */
  readonly timestamp: TimestampReader | undefined;
  readonly meridiem: MeridiemTokens | undefined;
  /** How the rule's `Locale` writes numbers. */
  separators(): Separators;
}

/** The reading of `rule`, whose shape and locale were checked. */
export function ruleReading(
  rule: MessageRule,
  timestamp: TimestampReader | undefined,
): RuleReading {
  const spec = rule.fields;
  const readsFields =
    spec !== undefined &&
    (spec.usage !== undefined ||
      spec.usagePercentage !== undefined ||
      spec.usageOverage !== undefined ||
      spec.usageOveragePercentage !== undefined ||
      spec.dataLimit !== undefined ||
      spec.usageTimestamp !== undefined);
  const locale = rule.locale ?? 'en-US';
  // Found on the first message a rule reads a number from: another locale than en-US loads
  // ICU's number data (about 15 ms), which parsing a document should not pay.
  let separators: Separators | undefined;
  return {
    fields: readsFields ? spec : undefined,
    unitOf: unitReader(rule.units),
    timestamp,
    meridiem: meridiemTokens(spec?.usageTimestamp?.amToken, spec?.usageTimestamp?.pmToken),
    separators: () => (separators ??= separatorsFor(locale)),
  };
}
