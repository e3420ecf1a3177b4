/**
 * Hostile activation codes (issue 11, class 5): whatever field a matching id is typed into,
 * errors quote it only masked, at a bounded length.
 */
import { describe, expect } from 'vitest';
import { connect, parseActivationCode } from '../../lib/index.js';
import { createFakeBackend } from '../../lib/fake/index.js';
import { hostileCases, resultCase } from './hostile-harness.js';

const matchingId = '04386-AGYFT-A74Y8-3F815';
const eid = '89049032123451234512345678901235';

async function download(code: unknown): Promise<unknown> {
  const fake = createFakeBackend();
  fake.esim.insert({ eid });
  const mbb = await connect({ backend: fake });
  try {
    return await mbb.esim.downloadProfileMetadata(eid, code as string);
  } finally {
    await mbb.close();
  }
}

const code = (text: string) => () => parseActivationCode(text);

describe('activation codes: a matching id is never quoted whole, wherever it is typed', () => {
  hostileCases([
    ...(
      [
        ['in the address field', `1$${matchingId}!$x`],
        ['in the address field, with a dot', `1$${matchingId}.!$x`],
        ['in the OID field', `1$smdp.example.com$x$${matchingId}`],
        ['in the flag field', `1$smdp.example.com$x$1.2.3$${matchingId}`],
        ['in place of the "1"', `${matchingId}$smdp.example.com$x`],
        ['with a bad character', `1$smdp.example.com$${matchingId}!`],
      ] as const
    ).map(([where, text]) => ({
      name: `a matching id ${where}`,
      run: code(text),
      bound: { ms: 500, outputChars: 300 },
      code: 'ERR_INVALID_ACTIVATION_CODE' as const,
      mustNotContain: [matchingId, matchingId.slice(0, 10)],
    })),
    {
      name: 'control characters in a field are escaped in the message',
      run: code('\u001b[31m$smdp.example.com$x'),
      bound: { ms: 500, outputChars: 300 },
      code: 'ERR_INVALID_ACTIVATION_CODE',
      mustNotContain: ['\u001b'],
    },
    {
      name: 'a code of a megabyte',
      run: code(`1$smdp.example.com$${'A'.repeat(1 << 20)}`),
      bound: { ms: 500, outputChars: 300 },
      code: 'ERR_INVALID_ACTIVATION_CODE',
      message: /at most 512 characters/,
    },
    {
      name: 'through the eSIM API, a matching id in the address field',
      run: () => download(`LPA:1$${matchingId}!$x`),
      bound: { ms: 2_000, outputChars: 300 },
      code: 'ERR_INVALID_ACTIVATION_CODE',
      mustNotContain: [matchingId],
    },
    {
      name: 'a forged ActivationCode whose reveal() throws',
      run: () =>
        download({
          reveal() {
            throw new Error(matchingId);
          },
        }),
      bound: { ms: 2_000 },
      code: 'ERR_INVALID_ACTIVATION_CODE',
      mustNotContain: [matchingId],
    },
    {
      name: 'null',
      run: code(null as unknown as string),
      bound: { ms: 500 },
      code: 'ERR_INVALID_ACTIVATION_CODE',
    },
    resultCase({
      name: 'a valid code prints its matching id masked',
      run: () => parseActivationCode(`LPA:1$SMDP.example.com$${matchingId}$$1`),
      bound: { ms: 500 },
      check: (parsed) => {
        expect(parsed.smdpAddress).toBe('smdp.example.com');
        expect(parsed.confirmationCodeRequired).toBe(true);
      },
      output: (parsed) => `${String(parsed)} ${JSON.stringify(parsed)}`,
      mustNotContain: [matchingId],
    }),
  ]);
});
