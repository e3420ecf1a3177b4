import { describe, expect, it } from 'vitest';
import {
  escapeControlCharacters,
  maxQuotedChars,
  quoteUserValue,
} from '../../lib/text/quote-user-value.js';

describe('quoteUserValue', () => {
  it('quotes a short value as JSON would', () => {
    expect(quoteUserValue('Contoso "home"')).toBe('"Contoso \\"home\\""');
    expect(quoteUserValue('Ünïcödé 漢字')).toBe('"Ünïcödé 漢字"');
  });

  it('escapes C0, C1, DEL and bidirectional controls', () => {
    const quoted = quoteUserValue('a\u001b[2J\u009b31m\u007f\u202eb\r\n');
    expect(quoted).toBe('"a\\u001b[2J\\u009b31m\\u007f\\u202eb\\r\\n"');
    // eslint-disable-next-line no-control-regex -- asserting no control character is left
    expect(quoted).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202e]/);
  });

  it('cuts a long value and says how long it was', () => {
    const quoted = quoteUserValue('x'.repeat(900_000));
    expect(quoted).toBe(`"${'x'.repeat(maxQuotedChars)}…" (900000 characters)`);
    expect(quoteUserValue('abcdef', 3)).toBe('"abc…" (6 characters)');
  });

  it('never splits a surrogate pair nor leaves a lone surrogate raw', () => {
    expect(quoteUserValue('😀😀', 3)).toBe('"😀…" (4 characters)');
    expect(escapeControlCharacters('a\ud800b')).toBe('a\\ud800b');
  });
});
