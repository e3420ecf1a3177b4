import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { maskMatchingId, parseActivationCode } from '../../lib/esim/activation-code.js';

const secret = '04386-AGYFT-A74Y8-3F815';

describe('parseActivationCode', () => {
  it('reads the SGP.22 parts, with or without LPA:', () => {
    for (const text of [
      `LPA:1$SMDP.Example.com$${secret}`,
      `1$smdp.example.com$${secret}`,
      `  lpa:1$smdp.example.com$${secret}\n`,
    ]) {
      const code = parseActivationCode(text);
      expect(code).toMatchObject({
        smdpAddress: 'smdp.example.com',
        matchingId: secret,
        smdpOid: undefined,
        confirmationCodeRequired: false,
      });
      expect(code.reveal()).toBe(`1$smdp.example.com$${secret}`);
    }
    const full = parseActivationCode(`LPA:1$smdp.example.com$${secret}$1.3.6.1.4.1.31746$1`);
    expect(full).toMatchObject({ smdpOid: '1.3.6.1.4.1.31746', confirmationCodeRequired: true });
    expect(full.reveal()).toBe(`1$smdp.example.com$${secret}$1.3.6.1.4.1.31746$1`);
    expect(parseActivationCode(`1$smdp.example.com$${secret}$$1`).reveal()).toBe(
      `1$smdp.example.com$${secret}$$1`,
    );
    expect(parseActivationCode('1$smdp.example.com$').matchingId).toBe('');
  });

  it('never shows the matching id whole', () => {
    const code = parseActivationCode(`LPA:1$smdp.example.com$${secret}`);
    for (const shown of [String(code), JSON.stringify(code), inspect(code)]) {
      expect(shown).not.toContain(secret);
      expect(shown).toContain('0438…');
    }
    expect(maskMatchingId('')).toBe('(empty)');
    expect(maskMatchingId('AB')).toBe('A… (2 characters)');
  });

  it.each([
    ['2$smdp.example.com$X', /starts with "1\$"/],
    ['LPA:1$smdp.example.com', /3 to 5 parts/],
    ['1$a$b$c$d$e', /3 to 5 parts/],
    [`1$not a host$${secret}`, /SM-DP\+ address not … \(10 characters\) is not a host name/],
    // A matching id typed into the address field is masked too.
    [`1$${secret}!$x`, /SM-DP\+ address 0438… \(24 characters\) is not a host name/],
    ['1$smdp.example.com$SECRET!ID-123', /matching id SECR… \(13 characters\) may hold only/],
    [`1$smdp.example.com$${secret}$oid$1`, /OID oi… \(3 characters\)/],
    [`1$smdp.example.com$${secret}$$yes`, /confirmation-code flag/],
    ['x'.repeat(600), /at most 512 characters/],
  ])('%s → ERR_INVALID_ACTIVATION_CODE', (text, message) => {
    let error: unknown;
    try {
      parseActivationCode(text);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'ERR_INVALID_ACTIVATION_CODE' });
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain(secret);
    expect((error as Error).message).not.toContain('SECRET!ID-123');
  });

  it('rejects what is not a string', () => {
    expect(() => parseActivationCode(42 as never)).toThrow(
      expect.objectContaining({ code: 'ERR_INVALID_ACTIVATION_CODE' }),
    );
  });
});
