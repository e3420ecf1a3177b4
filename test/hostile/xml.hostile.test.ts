/**
 * Hostile provisioning XML, the parser's part (issue 11, classes 5 and 8): secrets in
 * preserved elements and attributes never reach JSON, and forged or circular documents given to
 * serializeProvisioning get a typed error.
 */
import { describe, expect } from 'vitest';
import {
  parseProvisioning,
  serializeProvisioning,
  type ProvisioningDocument,
} from '../../lib/provisioning/index.js';
import { fixture } from '../provisioning/fixtures.js';
import { hostileCases, resultCase } from './hostile-harness.js';

const secret = 'hunter2-S3CRET-value';

/** The sample with `extra` inside its first DefaultProfile, as elements the package keeps. */
function withPreserved(extra: string): string {
  return fixture('data-plan-threshold-sample.xml').replace(
    '</DefaultProfile>',
    `${extra}</DefaultProfile>`,
  );
}

function shown(doc: ProvisioningDocument): string {
  return JSON.stringify(doc);
}

describe('XML: secret-named elements and attributes are never shown', () => {
  hostileCases([
    ...(
      [
        ['a password attribute of a preserved element', `<Wifi Password="${secret}"/>`],
        ['a PIN attribute', `<Sim PIN="${secret}"/>`],
        ['a preserved element named SimPin', `<SimPin>${secret}</SimPin>`],
        ['a preserved ApiToken', `<ApiToken>${secret}</ApiToken>`],
        ['a preserved SharedSecret', `<SharedSecret>${secret}</SharedSecret>`],
        ['a preserved WifiPassphrase', `<WifiPassphrase>${secret}</WifiPassphrase>`],
        [
          'an attribute inside a secret-named element',
          `<Credentials><Entry value="${secret}"/></Credentials>`,
        ],
        ['a namespaced key attribute', `<Wifi xmlns:v="urn:v" v:NetworkKey="${secret}"/>`],
      ] as const
    ).map(([name, extra]) =>
      resultCase({
        name,
        run: () => parseProvisioning(withPreserved(extra)),
        bound: { ms: 1_000, outputChars: 20_000 },
        // Kept for Windows: serializing gives the value back.
        check: (doc) => expect(serializeProvisioning(doc)).toContain(secret),
        output: shown,
        mustNotContain: [secret],
      }),
    ),
    resultCase({
      name: 'names that only look like secrets stay plain (Mapping, Monkey)',
      run: () => parseProvisioning(withPreserved('<Mapping Monkey="banana">plain</Mapping>')),
      bound: { ms: 1_000 },
      check: (doc) => expect(shown(doc)).toContain('banana'),
    }),
  ]);
});

describe('XML: lone surrogates (found by npm run fuzz: saxes threw a RangeError)', () => {
  hostileCases(
    [
      ['in the XML declaration, at the end', '<?xml \ud800'],
      ['in text', '<CarrierProvisioning>\n  x\udfff</CarrierProvisioning>'],
      ['in an attribute', '<CarrierProvisioning a="\ud83d"/>'],
    ].map(([name, xml]) => ({
      name: name!,
      run: () => parseProvisioning(xml!),
      bound: { ms: 200 },
      code: 'ERR_PROVISIONING_XML' as const,
      message: /line \d+, column \d+.*lone UTF-16 surrogate/,
    })),
  );
});
