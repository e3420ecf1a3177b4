/**
 * The last guard between the CLI and a terminal: every control character in a write is shown
 * as an escape, except line breaks, tabs and the colour codes the CLI itself paints with.
 * Commands escape what users supplied where they quote it (see `quoteUserValue`); this keeps a
 * value any command forgot from moving the cursor, clearing the screen, setting the window
 * title or hiding text. JSON output passes unchanged in meaning: JSON.stringify escapes C0
 * controls already, and `\u009b` for a raw C1 control inside a JSON string is the same string.
 *
 * @module
 */

import { escapeControlCharacters, printableUserText } from '../text/quote-user-value.js';

// A colour (SGR) sequence, which only styles text, or any run of characters that holds no
// control character but a line break or a tab.
// eslint-disable-next-line no-control-regex -- matching the escape character is the point
const sgrOrLine = /\u001b\[[0-9;]*m|[\n\t]/gu;

/**
 * `text` with every control character escaped but `\n`, `\t`, and — when `keepColour` — the
 * SGR colour sequences `ESC [ … m` (which can restyle text, never move or rewrite it).
 */
export function terminalSafe(text: string, keepColour: boolean): string {
  let result = '';
  let last = 0;
  for (const match of text.matchAll(sgrOrLine)) {
    const kept = match[0] === '\n' || match[0] === '\t' || keepColour;
    if (!kept) continue;
    result += escapeControlCharacters(text.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
  }
  return result + escapeControlCharacters(text.slice(last));
}

/** `text` with each line escaped and cut to `maxChars` (a usage error quoting a 1 MB argument). */
export function boundLines(text: string, maxChars: number): string {
  return text
    .split('\n')
    .map((line) => printableUserText(line, maxChars))
    .join('\n');
}
