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

  // GSMA SGP.22 §4.1's examples, and those with the fields of version 3 (the key identifier of
  // GSMA's test certificate issuer, SGP.26).
  const testCi = 'F54172BDF98A95D65CBEB88A38A1C11D800A85C3';
  it.each([
    [
      '1$SMDP.GSMA.COM$04386-AGYFT-A74Y8-3F815',
      { smdpAddress: 'smdp.gsma.com', smdpOid: undefined, confirmationCodeRequired: false },
    ],
    [
      '1$SMDP.GSMA.COM$04386-AGYFT-A74Y8-3F815$$1',
      { smdpOid: undefined, confirmationCodeRequired: true },
    ],
    [
      '1$SMDP.GSMA.COM$04386-AGYFT-A74Y8-3F815$1.3.6.1.4.1.31746$1',
      { smdpOid: '1.3.6.1.4.1.31746', confirmationCodeRequired: true },
    ],
    [
      '1$SMDP.GSMA.COM$04386-AGYFT-A74Y8-3F815$1.3.6.1.4.1.31746',
      { smdpOid: '1.3.6.1.4.1.31746', confirmationCodeRequired: false },
    ],
    ['1$SMDP.GSMA.COM$$1.3.6.1.4.1.31746', { matchingId: '', smdpOid: '1.3.6.1.4.1.31746' }],
    [
      `1$SMDP.GSMA.COM$04386-AGYFT-A74Y8-3F815$$1$${testCi}`,
      {
        confirmationCodeRequired: true,
        ciPublicKeyIndicator: testCi,
        deleteNotificationForDeviceChange: false,
      },
    ],
    [
      `1$SMDP.GSMA.COM$04386-AGYFT-A74Y8-3F815$$$${testCi.toLowerCase()}$1`,
      {
        confirmationCodeRequired: false,
        ciPublicKeyIndicator: testCi,
        deleteNotificationForDeviceChange: true,
      },
    ],
    [
      '1$SMDP.GSMA.COM$04386-AGYFT-A74Y8-3F815$1.3.6.1.4.1.31746$1$$1',
      {
        smdpOid: '1.3.6.1.4.1.31746',
        confirmationCodeRequired: true,
        ciPublicKeyIndicator: undefined,
        deleteNotificationForDeviceChange: true,
      },
    ],
  ])('reads %s', (text, fields) => {
    const code = parseActivationCode(`LPA:${text}`);
    expect(code).toMatchObject(fields);
    // Passed on as written (the address lower-cased, the key identifier upper-cased).
    expect(code.reveal()).toBe(
      text.replace('SMDP.GSMA.COM', 'smdp.gsma.com').replace(testCi.toLowerCase(), testCi),
    );
    expect(parseActivationCode(code.reveal()).reveal()).toBe(code.reveal());
  });

  it('empty trailing fields are dropped; the v3 fields show in JSON', () => {
    expect(parseActivationCode(`1$smdp.example.com$${secret}$$$$`).reveal()).toBe(
      `1$smdp.example.com$${secret}`,
    );
    const code = parseActivationCode(`1$smdp.example.com$${secret}$$1$${testCi}$1`);
    expect(JSON.parse(JSON.stringify(code))).toEqual({
      smdpAddress: 'smdp.example.com',
      matchingId: '0438… (23 characters)',
      confirmationCodeRequired: true,
      ciPublicKeyIndicator: testCi,
      deleteNotificationForDeviceChange: true,
    });
    expect(String(code)).toBe(
      '1$smdp.example.com$0438… (23 characters) (confirmation code required)',
    );
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
    ['LPA:1$smdp.example.com', /3 to 7 parts/],
    [`1$smdp.example.com$${secret}$$1$$1$x`, /3 to 7 parts/],
    [`1$not a host$${secret}`, /SM-DP\+ address not … \(10 characters\) is not a host name/],
    // A matching id typed into the address field is masked too.
    [`1$${secret}!$x`, /SM-DP\+ address 0438… \(24 characters\) is not a host name/],
    ['1$smdp.example.com$SECRET!ID-123', /matching id SECR… \(13 characters\) may hold only/],
    [`1$smdp.example.com$${secret}$oid$1`, /OID oi… \(3 characters\)/],
    [`1$smdp.example.com$${secret}$$yes`, /confirmation-code flag is "1" or empty, got ye… \(3/],
    [`1$smdp.example.com$${secret}$$0`, /confirmation-code flag is "1" or empty/],
    [`1$smdp.example.com$${secret}$1.3.6.01$1`, /OID 1\.3\.… \(8 characters\)/],
    [`1$smdp.example.com$${secret}$$1$F54172BDF98A95D6ZZ`, /CI public key indicator F541… \(18/],
    [`1$smdp.example.com$${secret}$$1$F54`, /CI public key indicator .* whole bytes/],
    [`1$smdp.example.com$${secret}$$1$${'AB'.repeat(33)}`, /CI public key indicator/],
    // A matching id pasted into the key field is masked too.
    [`1$smdp.example.com$${secret}$$$${secret}`, /CI public key indicator 0438… \(23 characters\)/],
    [`1$smdp.example.com$${secret}$$1$$true`, /device-change flag is "1" or empty/],
    [`1$smdp.example.com$${secret}$$1$$${secret}`, /device-change flag is "1" or empty, got 0438…/],
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
