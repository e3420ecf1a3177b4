/**
 * Hostile USSD strings (issue 14, item 6) and hostile provisioning result documents: a typed
 * error before Windows is called, in bounded time, with a bounded message that never echoes a
 * long string whole.
 */
import { afterAll, describe, expect } from 'vitest';
import { connect } from '../../lib/connect.js';
import { createFakeBackend } from '../../lib/fake/fake-backend.js';
import { parseProvisioningResults } from '../../lib/provisioning/provisioning-results.js';
import { checkUssdText } from '../../lib/ussd/ussd-text.js';
import { hostileCases, resultCase } from './hostile-harness.js';

const huge = `*100#${'1'.repeat(10 * 1024 * 1024)}`;

/** Sends through the public API on a fresh fake; what reached "Windows" is checked empty. */
async function sendOnFake(text: unknown): Promise<unknown> {
  const fake = createFakeBackend();
  const mbb = await connect({ backend: fake });
  try {
    return await mbb.ussd.send(text as string);
  } finally {
    await mbb.close();
    // Checked by the case: a string that reached "Windows" makes the result case fail.
    sentToWindows += fake.ussd.sent().length;
  }
}

let sentToWindows = 0;

describe('USSD strings', () => {
  afterAll(() => {
    expect(sentToWindows).toBe(0);
  });
  hostileCases([
    ...(
      [
        ['an emoji', '*100#😀'],
        ['Cyrillic', '*100#Привет'],
        ['a NUL', '*100#\u0000'],
        ['an ESC sequence', '\u001b[2J*100#'],
        ['a tab', '*100#\t'],
        ['a bidirectional override', '*100#\u202e'],
        ['a lone surrogate', '*100#\ud800'],
        ['183 characters', '1'.repeat(183)],
        ['92 euro signs (184 septets)', '€'.repeat(92)],
        ['10 MiB', huge],
        ['the empty string', ''],
      ] as const
    ).map(([name, text]) => ({
      name: `${name}: ERR_INVALID_ARGUMENT before Windows`,
      run: () => sendOnFake(text),
      bound: { ms: 1000, outputChars: 400 },
      code: 'ERR_INVALID_ARGUMENT' as const,
      mustNotContain: ['\u0000', '\u001b[', '\u202e', '1'.repeat(200)],
    })),
    {
      name: 'not a string: ERR_INVALID_ARGUMENT',
      run: () => sendOnFake({ toString: () => '*100#' }),
      bound: { ms: 1000 },
      code: 'ERR_INVALID_ARGUMENT',
    },
    {
      name: 'a 10 MiB string is checked only up to the limit',
      run: () => checkUssdText(huge, 'test'),
      bound: { ms: 50 },
      code: 'ERR_INVALID_ARGUMENT',
      message: /character 183 goes past the limit/,
    },
    resultCase({
      name: '182 septets of the alphabet and its extension are accepted',
      run: () => checkUssdText(`${'€'.repeat(90)}*#`, 'test'),
      bound: { ms: 50 },
      check: () => undefined,
    }),
  ]);
});

const root = (inner: string): string =>
  `<CarrierProvisioningResult xmlns="http://www.microsoft.com/networking/CarrierControlResults/v1" errorCode="S_OK">${inner}</CarrierProvisioningResult>`;

describe('provisioning result documents from Windows', () => {
  hostileCases([
    {
      name: 'malformed: ERR_PROVISIONING_XML',
      run: () => parseProvisioningResults(root('<MBNProfiles errorCode="S_OK">')),
      bound: { ms: 200 },
      code: 'ERR_PROVISIONING_XML',
      message: /^Windows' provisioning result document: line 1/,
    },
    {
      name: 'empty: ERR_PROVISIONING_XML',
      run: () => parseProvisioningResults(''),
      bound: { ms: 200 },
      code: 'ERR_PROVISIONING_XML',
    },
    {
      name: 'another root: ERR_PROVISIONING_XML',
      run: () => parseProvisioningResults(`<${'X'.repeat(5000)}/>`),
      bound: { ms: 200, outputChars: 600 },
      code: 'ERR_PROVISIONING_XML',
    },
    {
      name: 'a DOCTYPE with entities: ERR_PROVISIONING_XML, nothing expanded',
      run: () =>
        parseProvisioningResults(
          `<!DOCTYPE r [<!ENTITY a "${'a'.repeat(1000)}"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>${root('<Issuer errorCode="&b;"/>')}`,
        ),
      bound: { ms: 200 },
      code: 'ERR_PROVISIONING_XML',
    },
    {
      name: '4 MiB: ERR_PROVISIONING_XML (over the 1 MiB limit), not read',
      run: () => parseProvisioningResults(root(' '.repeat(4 * 1024 * 1024))),
      bound: { ms: 500 },
      code: 'ERR_PROVISIONING_XML',
    },
    {
      name: '10 000 levels deep: ERR_PROVISIONING_XML',
      run: () => parseProvisioningResults(root(`${'<a>'.repeat(10_000)}${'</a>'.repeat(10_000)}`)),
      bound: { ms: 500 },
      code: 'ERR_PROVISIONING_XML',
    },
    resultCase({
      name: '20 000 failed elements: every one reported, in bounded time',
      run: () =>
        parseProvisioningResults(
          root(
            `<MBNProfiles>${'<DefaultProfile name="p" errorCode="80070057"/>'.repeat(20_000)}</MBNProfiles>`,
          ),
        ),
      bound: { ms: 2000, heapMiB: 256 },
      check: (r) => {
        if (r.allElementsProvisioned || r.results.length !== 20_000) throw new Error('wrong');
      },
    }),
    resultCase({
      name: 'a name with a bidi override, a line break and 100 KB is escaped and cut',
      run: () =>
        parseProvisioningResults(
          root(
            `<MBNProfiles><DefaultProfile name="\u202e\n${'n'.repeat(100_000)}" errorCode="zzz"/></MBNProfiles>`,
          ),
        ),
      bound: { ms: 500 },
      check: (r) => {
        const [one] = r.results;
        if (one === undefined || one.success || (one.name?.length ?? 0) > 300)
          throw new Error('not bounded');
        if (/[\u202e\n]/.test(one.name ?? '')) throw new Error('raw control');
      },
    }),
  ]);
});
