/**
 * The GSM 7-bit tables against TS 23.038 §6.2.1 (default alphabet) and §6.2.1.1 (extension),
 * by code points spelled out here, and the escape rules.
 */

import { describe, expect, it } from 'vitest';
import { decodeGsm7, gsm7DefaultAlphabet } from '../../lib/messages/index.js';

describe('GSM 7-bit default alphabet', () => {
  it('has 128 positions', () => {
    expect(gsm7DefaultAlphabet).toHaveLength(128);
  });

  it.each([
    // [septet, Unicode code point] from the TS 23.038 table
    [0x00, 0x40], // @
    [0x01, 0xa3], // £
    [0x02, 0x24], // $
    [0x03, 0xa5], // ¥
    [0x09, 0xc7], // Ç (capital C with cedilla)
    [0x0a, 0x0a], // LF
    [0x0d, 0x0d], // CR
    [0x10, 0x394], // Δ
    [0x11, 0x5f], // _
    [0x1a, 0x39e], // Ξ
    [0x1c, 0xc6], // Æ
    [0x1f, 0xc9], // É
    [0x24, 0xa4], // ¤ (not $)
    [0x40, 0xa1], // ¡ (not @)
    [0x41, 0x41], // A
    [0x5b, 0xc4], // Ä
    [0x5f, 0xa7], // §
    [0x60, 0xbf], // ¿
    [0x61, 0x61], // a
    [0x7b, 0xe4], // ä
    [0x7f, 0xe0], // à
  ])('septet %i is code point %i (decimal)', (septet, codePoint) => {
    expect(decodeGsm7([septet]).codePointAt(0)).toBe(codePoint);
  });

  it('reads the extension table after an escape', () => {
    const pairs: [number, string][] = [
      [0x0a, '\f'],
      [0x14, '^'],
      [0x28, '{'],
      [0x29, '}'],
      [0x2f, '\\'],
      [0x3c, '['],
      [0x3d, '~'],
      [0x3e, ']'],
      [0x40, '|'],
      [0x65, '€'],
    ];
    for (const [code, char] of pairs) expect(decodeGsm7([0x1b, code])).toBe(char);
  });

  it('falls back to the default table for other escaped codes', () => {
    // ESC 41: no extension character → 'A' (TS 23.038 §6.2.1.1).
    expect(decodeGsm7([0x1b, 0x41])).toBe('A');
  });

  it('shows a space for escape-escape and drops a final escape', () => {
    expect(decodeGsm7([0x41, 0x1b, 0x1b, 0x42])).toBe('A B');
    expect(decodeGsm7([0x41, 0x1b])).toBe('A');
  });

  it('decodes long input without overflowing the call stack', () => {
    const septets = new Uint8Array(1_000_000).fill(0x41);
    expect(decodeGsm7(septets)).toBe('A'.repeat(1_000_000));
  });

  it('decodes a range only', () => {
    expect(decodeGsm7([0x41, 0x42, 0x43], 1, 2)).toBe('B');
  });
});
