/**
 * Masking what a user typed before an error quotes it: a secret or an identifier (a matching
 * id, a confirmation code, an ICCID, a password) may sit in any field by mistake, so a value
 * that failed a check is never quoted whole.
 *
 * @module
 * @internal
 */

/** Characters of a masked value shown: enough to recognise it, too few to use it. */
const shownCharacters = 4;

/**
 * `8901… (20 characters)`: at most the first four characters (fewer for a short value, never
 * all of it), with control characters escaped, and the length. `(empty)` for `''`.
 */
export function maskIdentifier(value: string): string {
  if (value === '') return '(empty)';
  const shown = [...value.slice(0, Math.min(shownCharacters, value.length - 1))]
    .map(escapeControl)
    .join('');
  return `${shown}… (${value.length} characters)`;
}

/** A control character (C0, DEL, C1, line and paragraph separators) as `\u{…}`; others as they are. */
function escapeControl(c: string): string {
  const code = c.codePointAt(0)!;
  const control =
    code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029;
  // A lone surrogate (from slicing a pair) is not shown either.
  const surrogate = code >= 0xd800 && code <= 0xdfff;
  return control || surrogate || c === '\\' ? `\\u{${code.toString(16)}}` : c;
}
