/**
 * Hostile PDUs and septets: truncated, inconsistent, huge or of the wrong type, each gets
 * ERR_INVALID_PDU or ERR_INVALID_ARGUMENT within its bounds, or a correct result.
 */
import { describe, expect } from 'vitest';
import { decodeGsm7, decodeSmsPdu, decodeUssd } from '../../lib/messages/index.js';
import { hostileCases, resultCase, type HostileCase } from './hostile-harness.js';

const valid = '00440C9144770009103200006210508000000009050003CC02019069';

const invalidPdus: [string, unknown][] = [
  ['an empty PDU', ''],
  ['a PDU cut after the first octet', valid.slice(0, 2)],
  ['a PDU cut in the middle', valid.slice(0, valid.length / 2)],
  ['odd hex digits', `${valid}0`],
  ['not hex', 'zz'.repeat(40)],
  ['a megabyte of hex', 'ff'.repeat(1 << 19)],
  ['null', null],
  ['a number', 42],
  ['an object', {}],
];

describe('PDUs: a typed error or a correct result', () => {
  hostileCases([
    ...invalidPdus.map(([name, input]): HostileCase => ({
      name,
      run: () => decodeSmsPdu(input as string),
      bound: { ms: 1_000, outputChars: 500 },
      code: typeof input === 'string' ? 'ERR_INVALID_PDU' : 'ERR_INVALID_ARGUMENT',
    })),
    resultCase({
      name: 'a valid concatenated part',
      run: () => decodeSmsPdu(valid),
      bound: { ms: 1_000 },
      check: (part) => expect(part.sender).toBe('+447700900123'),
    }),
    {
      name: 'decodeGsm7 with an end past the septets',
      run: () => decodeGsm7([0x41], 0, 1e9),
      bound: { ms: 500 },
      code: 'ERR_INVALID_ARGUMENT',
    },
    {
      name: 'decodeUssd(null)',
      run: () => decodeUssd(null as unknown as Uint8Array, 15),
      bound: { ms: 500 },
      code: 'ERR_INVALID_ARGUMENT',
    },
  ]);
});
