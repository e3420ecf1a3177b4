import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parseProvisioning,
  Secret,
  serializeProvisioning,
  type MessageRule,
  type ProvisioningDocument,
} from '../../lib/provisioning/index.js';
import { fixture, thrown } from './fixtures.js';

/** The document as comparable data: secrets revealed. */
function plain(doc: ProvisioningDocument): unknown {
  return JSON.parse(
    JSON.stringify(doc, (_key, value: unknown) =>
      value instanceof Secret ? `secret:${value.reveal()}` : value,
    ),
  );
}

describe('parse → serialize → parse is stable', () => {
  it.each(['data-plan-threshold-sample.xml', 'filtering-rules-sample.xml', 'usage-rules.xml'])(
    '%s',
    (name) => {
      const doc = parseProvisioning(fixture(name));
      const xml = serializeProvisioning(doc);
      const again = parseProvisioning(xml);
      expect(plain({ ...again, warnings: [] })).toEqual(plain({ ...doc, warnings: [] }));
      expect(serializeProvisioning(again)).toBe(xml);
    },
  );

  it('writes the real password (the output is what Windows is given)', () => {
    const xml = serializeProvisioning(parseProvisioning(fixture('data-plan-threshold-sample.xml')));
    expect(xml).toContain('<Password>pass</Password>');
    expect(xml).toContain(
      '<Plan xmlns="http://www.microsoft.com/networking/CarrierControl/Plans/v1" Name="SamplePlan">',
    );
  });

  it('puts preserved elements back where they were, in order', () => {
    const source = `<CarrierProvisioning xmlns="http://www.microsoft.com/networking/CarrierControl/v1"
      xmlns:x="urn:example">
  <Global><CarrierId>{11111111-1111-1111-1111-111111111111}</CarrierId><SubscriberId>001010123456789</SubscriberId></Global>
  <Activation><Note>first</Note></Activation>
  <MBNProfiles>
    <DefaultProfile xmlns="http://www.microsoft.com/networking/CarrierControl/WWAN/v1">
      <Name>P</Name>
      <IsDefault>true</IsDefault>
      <Context><AccessString>apn</AccessString><AuthProtocol>PAP</AuthProtocol><Compression>ENABLE</Compression></Context>
    </DefaultProfile>
    <PurchaseProfile xmlns="http://www.microsoft.com/networking/CarrierControl/WWAN/v1" x:kind="a &amp; b">
      <Name>buy</Name>
    </PurchaseProfile>
  </MBNProfiles>
  <WLANProfiles><Mixed>text <b>bold</b> tail</Mixed></WLANProfiles>
  <Provisioning><Password>p&lt;w</Password></Provisioning>
</CarrierProvisioning>`;
    const doc = parseProvisioning(source);
    expect(
      doc.preserved.map((p) => `${p.parent} > ${p.element.name} after ${p.after ?? '-'}`),
    ).toEqual([
      'CarrierProvisioning > Activation after Global',
      'CarrierProvisioning/MBNProfiles/DefaultProfile[0] > IsDefault after Name',
      'CarrierProvisioning/MBNProfiles/DefaultProfile[0]/Context > AuthProtocol after AccessString',
      'CarrierProvisioning/MBNProfiles/DefaultProfile[0]/Context > Compression after AuthProtocol',
      'CarrierProvisioning/MBNProfiles > PurchaseProfile after DefaultProfile',
      'CarrierProvisioning > WLANProfiles after MBNProfiles',
      'CarrierProvisioning > Provisioning after WLANProfiles',
    ]);
    const xml = serializeProvisioning(doc);
    const order = [...xml.matchAll(/<(\w+)/g)].map((m) => m[1]);
    expect(order).toEqual([
      'CarrierProvisioning',
      'Global',
      'CarrierId',
      'SubscriberId',
      'Activation',
      'Note',
      'MBNProfiles',
      'DefaultProfile',
      'Name',
      'IsDefault',
      'Context',
      'AccessString',
      'AuthProtocol',
      'Compression',
      'PurchaseProfile',
      'Name',
      'WLANProfiles',
      'Mixed',
      'b',
      'Provisioning',
      'Password',
    ]);
    expect(xml).toContain('x:kind="a &amp; b" xmlns:x="urn:example"');
    expect(xml).toContain('<Mixed>text <b>bold</b> tail</Mixed>');
    expect(xml).toContain('<Password>p&lt;w</Password>');
    expect(plain({ ...parseProvisioning(xml), warnings: [] })).toEqual(
      plain({ ...doc, warnings: [] }),
    );
  });

  it('round-trips generated documents', () => {
    const text = fc
      .string({ minLength: 1, maxLength: 12 })
      .filter((s) => s.trim() === s && /^[\x20-\x7e]+$/.test(s));
    const verbatim = fc.string({ maxLength: 12 }).map((s) => s.replace(/[^\x20-\x7e\t\n]/g, 'x'));
    const rule: fc.Arbitrary<MessageRule> = fc
      .record({
        ruleId: fc.option(text, { nil: undefined }),
        silent: fc.boolean(),
        bearers: fc.oneof(
          fc.constant([{ type: 'ussd' as const }]),
          fc.array(
            fc.record({
              type: fc.constant('sms' as const),
              classZeroOnly: fc.boolean(),
              sender: fc.option(fc.stringMatching(/^\+?\d{3,12}$/), { nil: undefined }),
            }),
            { minLength: 1, maxLength: 3 },
          ),
        ),
        pattern: fc.constantFrom('[^]*', '(\\d+)(\\w+)', ' spaced  ', 'a\tb', '<&>"\''),
        // Usage elements, each with its group; the content model wants a UsageTimestamp
        // beside them, and a DataLimit makes every one give a usage (no warning).
        usage: fc.subarray(
          ['usage', 'usagePercentage', 'usageOverage', 'usageOveragePercentage'] as const,
          { minLength: 1 },
        ),
        withFields: fc.boolean(),
      })
      .map(({ usage, withFields, ...r }) => {
        const out = { ...r } as MessageRule;
        if (withFields) {
          out.pattern = '(\\d+) (\\d+) (\\d+ \\w+)';
          const fields: NonNullable<MessageRule['fields']> = {
            usageTimestamp: { group: 3, format: '%d %b' },
            dataLimit: { group: 2, defaultUnit: 'Mi' },
          };
          for (const name of usage) fields[name] = { group: 1 };
          out.fields = fields;
        }
        if (out.ruleId === undefined) delete out.ruleId;
        out.bearers = out.bearers.map((b) => {
          const copy = { ...b };
          if (copy.type === 'sms' && copy.sender === undefined) delete copy.sender;
          return copy;
        });
        return out;
      });
    const doc = fc.record({
      carrierId: fc.uuid(),
      subscriberId: fc.stringMatching(/^\d{6,15}$/),
      deviceId: fc.option(
        fc.oneof(
          fc.stringMatching(/^\d{15,16}$/),
          fc.stringMatching(/^([a-fA-F0-9]{2}:){5}[a-fA-F0-9]{2}$/),
        ),
        { nil: undefined },
      ),
      name: text,
      userName: verbatim,
      password: verbatim,
      limit: fc.integer({ min: 0, max: 2 ** 32 }),
      notify: fc.boolean(),
      // Distinct RuleIds: a repeated one is legal but draws a parse warning (the first wins).
      rules: fc.uniqueArray(rule, { maxLength: 4, selector: (r) => r.ruleId ?? Symbol() }),
    });
    fc.assert(
      fc.property(doc, (d) => {
        const built: ProvisioningDocument = {
          global: {
            carrierId: `{${d.carrierId}}`,
            subscriberId: d.subscriberId,
            ...(d.deviceId === undefined ? {} : { deviceId: d.deviceId }),
          },
          profiles: [
            {
              name: d.name,
              associatedPlan: 'Plan',
              context: {
                userLogonCred: { userName: d.userName, password: new Secret(d.password) },
              },
            },
          ],
          plans: [
            {
              name: 'Plan',
              planType: 'variable',
              dataLimitMegabytes: d.limit,
              dataUsageNotificationsEnabled: d.notify,
            },
          ],
          messageRules: d.rules,
          preserved: [],
          warnings: [],
        };
        const xml = serializeProvisioning(built);
        const parsed = parseProvisioning(xml);
        expect(plain(parsed)).toEqual(plain(built));
        expect(serializeProvisioning(parsed)).toBe(xml);
      }),
      { numRuns: 150 },
    );
  });
});

describe('what cannot be written', () => {
  const base = parseProvisioning(fixture('data-plan-threshold-sample.xml'));

  it('characters XML cannot carry, without showing a secret', () => {
    expect(
      thrown(() =>
        serializeProvisioning({ ...base, global: { carrierId: 'a\u0001b', subscriberId: '1' } }),
      ),
    ).toMatchObject({
      code: 'ERR_INVALID_ARGUMENT',
    });
    const secret = new Secret('hunter2\u0000');
    const doc = {
      ...base,
      profiles: [{ name: 'x', context: { userLogonCred: { password: secret } } }],
    };
    const error = thrown(() => serializeProvisioning(doc));
    expect(error.message).toMatch(/a secret value holds U\+0000/);
    expect(error.message).not.toContain('hunter2');
  });

  it('element names that would inject markup', () => {
    const doc: ProvisioningDocument = {
      ...base,
      preserved: [
        {
          parent: 'CarrierProvisioning',
          element: { name: 'a><b', namespace: '', attributes: [], children: [] },
        },
      ],
    };
    expect(thrown(() => serializeProvisioning(doc)).message).toMatch(/is not an XML name/);
  });
});
