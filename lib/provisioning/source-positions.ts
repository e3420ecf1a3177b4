/**
 * Where parsed parts of a document came from, kept beside the document (not in it) so the
 * document stays plain data that compares and serializes cleanly.
 *
 * @module
 */

import type { SourcePosition } from './provisioning-document.js';

/** Positions of a message rule and of its parts that can be wrong. */
export interface MessageRulePositions {
  rule: SourcePosition;
  pattern?: SourcePosition;
  units?: SourcePosition;
  usage?: SourcePosition;
  usagePercentage?: SourcePosition;
  usageOverage?: SourcePosition;
  usageOveragePercentage?: SourcePosition;
  dataLimit?: SourcePosition;
  usageTimestamp?: SourcePosition;
}

const positions = new WeakMap<object, SourcePosition>();
const rulePositions = new WeakMap<object, MessageRulePositions>();

/**
 * Where `part` (a rule, profile or plan of a parsed document) starts in its document, or
 * `undefined` for parts that were not parsed (built in code, or copied).
 */
export function sourcePositionOf(part: object): SourcePosition | undefined {
  return rulePositions.get(part)?.rule ?? positions.get(part);
}

/** Records where `part` starts. */
export function recordPosition(part: object, at: SourcePosition): void {
  positions.set(part, { line: at.line, column: at.column });
}

/** Positions of a parsed message rule's parts. */
export function messageRulePositions(rule: object): MessageRulePositions | undefined {
  return rulePositions.get(rule);
}

/** Records positions of a message rule's parts. */
export function recordMessageRulePositions(rule: object, at: MessageRulePositions): void {
  rulePositions.set(rule, at);
}
