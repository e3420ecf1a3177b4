/**
 * Masking what a user typed before an error quotes it: a secret or an identifier (a matching
 * id, a confirmation code, an ICCID, a password) may sit in any field by mistake, so a value
 * that failed a check is never quoted whole.
 *
 * @module
 * @internal
 */

import { escapeControlCharacters } from './quote-user-value.js';

/** Characters of a masked value shown: enough to recognise it, too few to use it. */
const shownCharacters = 4;

/**
 * `8901… (20 characters)`: at most the first four characters (fewer for a short value, never
 * all of it), with control characters escaped, and the length. `(empty)` for `''`.
 */
export function maskIdentifier(value: string): string {
  if (value === '') return '(empty)';
  let head = value.slice(0, Math.min(shownCharacters, value.length - 1));
  // Never half a surrogate pair: it would show as a lone surrogate.
  if (/[\ud800-\udbff]$/.test(head)) head = head.slice(0, -1);
  const shown = escapeControlCharacters(head);
  return `${shown}… (${value.length} characters)`;
}
