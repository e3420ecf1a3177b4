/**
 * `windows-mobile-broadband/provisioning`: Windows `CarrierProvisioning` documents and their
 * operator-message rules, as pure TypeScript that runs on any OS.
 *
 * - {@link parseProvisioning} / {@link serializeProvisioning}: the XML, safely, as typed data.
 * - {@link compileMessageRules} / {@link matchOperatorMessage}: which rule an SMS or USSD
 *   message matches and the usage it reports, in time linear in the message.
 *
 * @module
 */

export { parseProvisioning } from './parse-provisioning.js';
export { serializeProvisioning } from './serialize-provisioning.js';
export type * from './provisioning-document.js';
export type { ProvisioningErrorDetails } from './provisioning-error.js';
export { maxProvisioningBytes, maxElementDepth } from './read-xml-tree.js';
export { sourcePositionOf } from './source-positions.js';
export {
  carrierControlNamespace,
  plansNamespace,
  wwanNamespace,
} from './provisioning-namespaces.js';
export { Secret, secretMask } from './secret.js';
export {
  compileOperatorMessagePattern,
  maxMessageTextLength,
  maxNativeTextLength,
  maxPatternLength,
  maxPatternProgramSize,
  type OperatorMessagePattern,
  type PatternErrorDetails,
} from './operator-message-pattern.js';
export {
  compileMessageRule,
  compileMessageRules,
  describeRule,
  maxRuleSetProgramSize,
  MessageRuleSet,
  type CompiledMessageRule,
  type SmsCandidate,
} from './message-rule-set.js';
export {
  matchOperatorMessage,
  matchRule,
  type MatchOperatorMessageOptions,
  type MessageRulesInput,
  type OperatorMessage,
  type OperatorMessageMatch,
  type UsageInference,
} from './match-operator-message.js';
export type { UsageSource } from './infer-usage.js';
export {
  bytesPerUnit,
  isUnitMultiplier,
  unitForText,
  unitMultipliers,
  type UnitMultiplier,
} from './units.js';
export {
  compileTimestampFormat,
  checkUtcOffset,
  maxTimestampFormatLength,
  maxUtcOffsetMinutes,
  minUtcOffsetMinutes,
  timestampDirectives,
  type TimestampFormatErrorDetails,
  type TimestampContext,
  type TimestampFormat,
  type TimestampResult,
} from './strftime.js';
export { parseMessageNumber } from './message-number.js';
export { parseProvisioningFile } from './parse-provisioning-file.js';
export {
  parseProvisioningResults,
  type ProvisioningElementResult,
  type ProvisioningResults,
} from './provisioning-results.js';
