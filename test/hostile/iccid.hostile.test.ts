/**
 * Hostile ICCIDs (issue 11, class 5): what is passed where an ICCID goes (a confirmation code,
 * a matching id, a huge string) is quoted only masked.
 */
import { describe } from 'vitest';
import { connect } from '../../lib/index.js';
import { createFakeBackend } from '../../lib/fake/index.js';
import { hostileCases, type HostileCase } from './hostile-harness.js';

const eid = '89049032123451234512345678901235';
const confirmationCode = 'CONF-7731-SECRET';
const matchingId = '04386-AGYFT-A74Y8-3F815';

async function enable(profileId: unknown): Promise<unknown> {
  const fake = createFakeBackend();
  fake.esim.insert({ eid });
  const mbb = await connect({ backend: fake });
  try {
    return await mbb.esim.enableProfile(eid, profileId as string);
  } finally {
    await mbb.close();
  }
}

const cases: HostileCase[] = [
  ['a confirmation code', confirmationCode],
  ['a matching id', matchingId],
  ['an ICCID one digit short', '89014103211118510'],
  ['an ICCID with letters', '8901410321111851072X'],
  ['a megabyte of digits', '8'.repeat(1 << 20)],
  ['terminal escapes', '\u001b]0;pwned\u0007'],
].map(([what, value]) => ({
  name: `${what} where an ICCID goes`,
  run: () => enable(value),
  bound: { ms: 2_000, outputChars: 300 },
  code: 'ERR_INVALID_ICCID' as const,
  message: /an ICCID is 18 to 22 digits/,
  mustNotContain: [value!.slice(0, 10), '\u001b', '\u0007'],
}));

describe('ICCIDs: a value that is not one is quoted only masked', () => {
  hostileCases([
    ...cases,
    {
      name: 'a number where an ICCID goes',
      run: () => enable(8901410321111851),
      bound: { ms: 2_000 },
      code: 'ERR_INVALID_ICCID',
      message: /got number/,
    },
    {
      name: 'null where an ICCID goes',
      run: () => enable(null),
      bound: { ms: 2_000 },
      code: 'ERR_INVALID_ICCID',
    },
  ]);
});
