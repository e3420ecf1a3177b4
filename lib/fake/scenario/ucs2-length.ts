/**
 * The length of a string in code points, as JSON Schema's `minLength`/`maxLength` count it
 * (a surrogate pair is one character): what the generated scenario validator calls.
 *
 * @module
 * @internal
 */

export function ucs2length(text: string): number {
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    length++;
    const code = text.charCodeAt(i);
    // A high surrogate followed by a low one is one character.
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
  }
  return length;
}
