/**
 * How the CLI shows an error: one line, bounded and escaped, never a stack trace.
 *
 * @module
 */

import { MobileBroadbandError } from '../errors.js';
import { printableUserText } from '../text/quote-user-value.js';

/** The most characters of one line of an error or usage message the CLI prints. */
export const maxErrorLineChars = 1000;

/** One line, bounded and escaped, never a stack trace; never throws (whatever was thrown). */
export function describeError(error: unknown): string {
  let text: string;
  try {
    text =
      error instanceof MobileBroadbandError
        ? `${error.code}: ${error.message}`
        : error instanceof Error
          ? error.message
          : String(error);
  } catch {
    text = 'an error that cannot be shown';
  }
  return printableUserText(
    typeof text === 'string' ? text : 'an error that cannot be shown',
    maxErrorLineChars,
  );
}

/** The text of an error's `details.advice` (`{ problem, action, text }`, or plain text). */
export function adviceText(error: unknown): string | undefined {
  try {
    const advice = (error as MobileBroadbandError).details?.advice;
    const text =
      typeof advice === 'string' ? advice : (advice as { text?: unknown } | undefined)?.text;
    return typeof text === 'string' && text !== '' ? text : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The plain-language advice an error carries (`details.advice`, what the user can do about
 * it), as one bounded, escaped line; undefined when there is none or the message already ends
 * with it (eSIM statuses word it into the message).
 */
export function describeAdvice(error: unknown): string | undefined {
  const text = adviceText(error);
  if (text === undefined) return undefined;
  try {
    if (String((error as Error).message).includes(text)) return undefined;
  } catch {
    // A message that cannot be read: print the advice.
  }
  return printableUserText(text, maxErrorLineChars);
}
