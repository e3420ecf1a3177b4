/**
 * Whatever bytes arrive, the decoders answer with a result or ERR_INVALID_PDU: never a
 * RangeError, TypeError or hang.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MobileBroadbandError } from '../../lib/errors.js';
import { decodeSmsPdu, decodeUssd } from '../../lib/messages/index.js';
import { encodeDeliver, toHex } from './sms-encoder.js';

function onlyInvalidPdu(run: () => unknown): void {
  try {
    run();
  } catch (error) {
    if (!(error instanceof MobileBroadbandError) || error.code !== 'ERR_INVALID_PDU') throw error;
    expect(error.details).toEqual({ field: expect.any(String), offset: expect.any(Number) });
  }
}

const valid = [
  '07917283010010F5040BC87238880900F10000993092516195800AE8329BFD4697D9EC37',
  '07910201956905F0040B910201014160F3000820219130521580040628062A',
  toHex(
    encodeDeliver({
      smsc: '+491710760000',
      sender: { value: 'Operator', alphanumeric: true },
      timestamp: { year: 2026, month: 1, day: 5, hour: 8, minute: 0, second: 0, offsetMinutes: 60 },
      header: [0x00, 3, 1, 2, 1, 0x05, 4, 0x0b, 0x84, 0x23, 0xf0],
      body: { alphabet: 'gsm7', text: 'Your balance is 5€ [ok] {x}' },
    }),
  ),
].map((hex) => Buffer.from(hex, 'hex'));

describe('fuzzing', () => {
  it('random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.boolean(), (bytes, smsc) => {
        onlyInvalidPdu(() => decodeSmsPdu(bytes, { smsc }));
      }),
      { numRuns: 5_000 },
    );
  });

  it('valid PDUs with bytes changed, cut, or inserted', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...valid),
        fc.array(
          fc.tuple(
            fc.nat(),
            fc.integer({ min: 0, max: 255 }),
            fc.constantFrom('set', 'cut', 'insert'),
          ),
          {
            minLength: 1,
            maxLength: 4,
          },
        ),
        (pdu, edits) => {
          const bytes = [...pdu];
          for (const [where, value, kind] of edits) {
            const at = where % (bytes.length + 1);
            if (kind === 'set') bytes[Math.min(at, bytes.length - 1)] = value;
            else if (kind === 'cut') bytes.length = at;
            else bytes.splice(at, 0, value);
          }
          onlyInvalidPdu(() => decodeSmsPdu(Uint8Array.from(bytes)));
        },
      ),
      { numRuns: 5_000 },
    );
  });

  it('random text as hex', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 400, unit: fc.constantFrom(...'0123456789abcdefABCDEF \n\txz') }),
        (text) => {
          onlyInvalidPdu(() => decodeSmsPdu(text));
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('random USSD payloads under every DCS', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 170 }),
        fc.integer({ min: 0, max: 255 }),
        (bytes, dcs) => {
          onlyInvalidPdu(() => decodeUssd(bytes, dcs));
        },
      ),
      { numRuns: 5_000 },
    );
  });
});
