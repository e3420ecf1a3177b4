/**
 * How messages show what a user supplied: quoted, at a bounded length, with every character
 * that could move the cursor, rewrite or recolour a terminal, or hide text (C0 and C1 controls,
 * DEL, bidirectional overrides, lone surrogates) written as an escape instead. One helper for
 * every message of the package, so a 900 KB value or an ESC sequence in a document, a scenario
 * or an argument never reaches an error, a warning or the CLI's output whole or raw.
 *
 * @module
 */

/** How many characters of a user's value a message quotes by default. */
export const maxQuotedChars = 64;

// C0 controls, DEL, C1 controls, the bidirectional marks, embeddings, overrides and isolates,
// the line and paragraph separators, the byte-order mark, and (with the u flag a pair is one
// code point, so this range matches only) lone surrogates.
const unprintable =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff\ud800-\udfff]/gu;

const named: Readonly<Record<string, string>> = {
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};

function escapeOne(char: string): string {
  return named[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/**
 * `text` with every unprintable character written as an escape (`\n`, `\u001b`, `\u202e`, …),
 * so it shows as what it is and does nothing to the terminal. Printable text, non-ASCII
 * letters included, is unchanged. The result has no line break.
 */
export function escapeControlCharacters(text: string): string {
  return text.replace(unprintable, escapeOne);
}

/**
 * `text` as a message quotes it: in double quotes, escaped like a JSON string (control
 * characters, C1 and bidirectional controls included), and cut to `maxChars` characters of
 * the value with `…` and the full length after it: `"abc…" (900000 characters)`.
 */
export function quoteUserValue(text: string, maxChars: number = maxQuotedChars): string {
  const cut = text.length > maxChars;
  let head = cut ? text.slice(0, maxChars) : text;
  // Never split a surrogate pair: that would show as a lone surrogate.
  if (cut && /[\ud800-\udbff]$/.test(head)) head = head.slice(0, -1);
  const quoted = `"${escapeControlCharacters(head.replace(/["\\]/g, '\\$&'))}${cut ? '…' : ''}"`;
  return cut ? `${quoted} (${text.length} characters)` : quoted;
}

/**
 * `text` shown unquoted (a file path in `file:line:column:`, a name in a heading, a whole
 * message): escaped like {@link escapeControlCharacters} and cut to `maxChars` characters
 * with `…`.
 */
export function printableUserText(text: string, maxChars: number): string {
  if (text.length <= maxChars) return escapeControlCharacters(text);
  let head = text.slice(0, Math.max(0, maxChars - 1));
  if (/[\ud800-\udbff]$/.test(head)) head = head.slice(0, -1);
  return `${escapeControlCharacters(head)}…`;
}
