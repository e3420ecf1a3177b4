import { describe, expect, it } from 'vitest';
import { boundLines, terminalSafe } from '../../lib/cli/terminal-safe.js';

describe('terminalSafe (every write of the CLI)', () => {
  const hostile = 'a\u001b[31mred\u001b[39m\n\tb\u001b]0;title\u0007\u009b2J\r\u202e';

  it('keeps line breaks, tabs and — in colour — SGR colour codes; escapes the rest', () => {
    expect(terminalSafe(hostile, true)).toBe(
      'a\u001b[31mred\u001b[39m\n\tb\\u001b]0;title\\u0007\\u009b2J\\r\\u202e',
    );
  });

  it('without colour, escapes every ESC', () => {
    expect(terminalSafe(hostile, false)).toBe(
      'a\\u001b[31mred\\u001b[39m\n\tb\\u001b]0;title\\u0007\\u009b2J\\r\\u202e',
    );
  });

  it('leaves JSON output meaning the same', () => {
    const json = JSON.stringify({ text: 'x\u009by\u202e' });
    expect(JSON.parse(terminalSafe(json, false))).toEqual({ text: 'x\u009by\u202e' });
  });

  it('boundLines cuts each line', () => {
    expect(boundLines(`${'x'.repeat(50)}\nshort`, 10)).toBe(`${'x'.repeat(9)}…\nshort`);
  });
});
