/**
 * The one way provisioning code reports a broken document: `ERR_PROVISIONING_XML` with the
 * line and column, in the message and in `details`.
 *
 * @module
 */

import { MobileBroadbandError } from '../errors.js';
import type { SourcePosition } from './provisioning-document.js';
import { printableUserText } from '../text/quote-user-value.js';

/**
 * The most characters of the problem (and of the expected text) in one message: whatever a
 * document put in a name, a namespace or a value, the message stays a line.
 */
export const maxProblemChars = 500;

/** `details` of an `ERR_PROVISIONING_XML` error. */
export interface ProvisioningErrorDetails extends Record<string, unknown> {
  /** 1-based line of the offending element (or of where parsing stopped). */
  line: number;
  /** 1-based column. */
  column: number;
  /** What would have been right there, where that can be said briefly. */
  expected?: string;
}

/**
 * An `ERR_PROVISIONING_XML` error whose message reads `line L, column C: …`. Never pass a
 * secret in `problem` or `expected`.
 */
export function provisioningError(
  problem: string,
  at: SourcePosition,
  expected?: string,
  cause?: unknown,
): MobileBroadbandError {
  const details: ProvisioningErrorDetails = { line: at.line, column: at.column };
  const shownExpected =
    expected === undefined ? undefined : printableUserText(expected, maxProblemChars);
  if (shownExpected !== undefined) details.expected = shownExpected;
  const tail = shownExpected === undefined ? '' : ` (expected ${shownExpected})`;
  return new MobileBroadbandError(
    'ERR_PROVISIONING_XML',
    `line ${at.line}, column ${at.column}: ${printableUserText(problem, maxProblemChars)}${tail}`,
    cause === undefined ? { details } : { details, cause },
  );
}
