import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseProvisioning, Secret, sourcePositionOf } from '../../lib/provisioning/index.js';
import { fixture, thrown, withMessages } from './fixtures.js';

describe('the DataPlanThresholdReached sample of the documents', () => {
  const doc = parseProvisioning(fixture('data-plan-threshold-sample.xml'));

  it('reads Global, the profile and the fixed 500 MB plan with notifications enabled', () => {
    expect(doc.global).toEqual({
      carrierId: '{2c85b76b-f859-47c4-8122-721fe8b6c25f}',
      subscriberId: '012345678901234',
    });
    expect(doc.profiles).toHaveLength(1);
    expect(doc.profiles[0]).toMatchObject({
      name: 'Contoso',
      associatedPlan: 'SamplePlan',
      context: { accessString: 'Contoso.com', userLogonCred: { userName: 'User' } },
    });
    expect(doc.profiles[0]!.context!.userLogonCred!.password!.reveal()).toBe('pass');
    expect(doc.plans).toEqual([
      {
        name: 'SamplePlan',
        planType: 'fixed',
        dataLimitMegabytes: 500,
        dataUsageNotificationsEnabled: true,
      },
    ]);
    expect(doc.messageRules).toEqual([]);
    expect(doc.warnings).toEqual([]);
    expect(doc.preserved).toEqual([]);
  });

  it('remembers where each part came from, outside the data', () => {
    expect(sourcePositionOf(doc.plans[0]!)).toEqual({ line: 21, column: 5 });
    expect(sourcePositionOf(doc.profiles[0]!)).toEqual({ line: 8, column: 5 });
    expect(Object.keys(doc.plans[0]!)).not.toContain('line');
  });
});

describe('the filtering-rules sample of the documents', () => {
  const doc = parseProvisioning(fixture('filtering-rules-sample.xml'));

  it('reads both rules with their bearers, patterns, units and fields', () => {
    expect(doc.messageRules).toEqual([
      {
        ruleId: 'Sample1',
        silent: true,
        bearers: [{ type: 'sms', classZeroOnly: false, sender: '18005551212' }],
        pattern: '[^]*',
      },
      {
        ruleId: 'Sample2',
        silent: false,
        bearers: [{ type: 'ussd' }],
        pattern: String.raw`(\d+\.\d+)(\w+) of (\d+)(\w+) used as of (\S+)`,
        units: { G: ['GB'], M: ['MB'] },
        fields: {
          usage: { group: 1, unitGroup: 2 },
          dataLimit: { group: 3, unitGroup: 4 },
          usageTimestamp: { group: 5, format: '%I:%M%p on %d %b' },
        },
      },
    ]);
    expect(sourcePositionOf(doc.messageRules[1]!)).toEqual({ line: 33, column: 9 });
  });

  it('reads the profile, and keeps the uninterpreted <Provisioning/> with a warning', () => {
    expect(doc.profiles[0]).toMatchObject({ name: 'Contoso', homeProviderName: 'Contoso' });
    expect(doc.preserved).toEqual([
      {
        parent: 'CarrierProvisioning',
        after: 'MBNProfiles',
        element: {
          name: 'Provisioning',
          namespace: 'http://www.microsoft.com/networking/CarrierControl/v1',
          attributes: [],
          children: [],
        },
      },
    ]);
    expect(doc.warnings.map((w) => [w.line, w.column])).toEqual([
      [13, 11], // AssociatedPlan "Limited": the sample defines no such plan.
      [49, 3],
    ]);
    expect(doc.warnings[1]!.message).toMatch(/<Provisioning>.*kept as written/);
  });
});

describe('passwords', () => {
  const doc = parseProvisioning(fixture('filtering-rules-sample.xml'));
  const password = doc.profiles[0]!.context!.userLogonCred!.password!;

  it('are Secrets: masked in String(), JSON, inspect and template literals', () => {
    expect(password).toBeInstanceOf(Secret);
    expect(String(password)).toBe('********');
    // eslint-disable-next-line @typescript-eslint/restrict-template-expressions -- the point of the test.
    expect(`${password}`).toBe('********');
    expect(JSON.stringify(doc)).not.toContain('"password"' + ':"password"');
    expect(JSON.stringify(doc)).toContain('"password":"********"');
    expect(inspect(doc, { depth: 20 })).not.toMatch(/[^*]password'/);
    expect(inspect(password)).toBe('Secret(********)');
  });

  it('are reachable through reveal()', () => {
    expect(password.reveal()).toBe('password');
  });

  it('never appear in errors about them', () => {
    const long = 'hunter2'.repeat(50);
    const xml = fixture('data-plan-threshold-sample.xml').replace(
      '<Password>pass<',
      `<Password>${long}<`,
    );
    const error = thrown(() => parseProvisioning(xml));
    expect(error.message).toMatch(/Password> is 350 characters long/);
    expect(error.message).not.toContain('hunter2');
    expect(JSON.stringify(error)).not.toContain('hunter2');
  });

  it('are masked in preserved elements too', () => {
    const xml = fixture('filtering-rules-sample.xml').replace(
      '<Provisioning />',
      '<Provisioning><Password>top-secret</Password></Provisioning>',
    );
    const parsed = parseProvisioning(xml);
    expect(JSON.stringify(parsed)).not.toContain('top-secret');
    expect(inspect(parsed, { depth: 20 })).not.toContain('top-secret');
  });
});

describe('schema defaults and variants', () => {
  it('takes Windows defaults: Silent true, ClassZeroOnly true, any sender', () => {
    const doc = parseProvisioning(
      withMessages(`<Message><SMSBearer/><Pattern>x</Pattern></Message>`),
    );
    expect(doc.messageRules[0]).toEqual({
      silent: true,
      bearers: [{ type: 'sms', classZeroOnly: true }],
      pattern: 'x',
    });
  });

  it('accepts several SMS bearers and a USSD bearer on one rule, as the schema does', () => {
    const doc = parseProvisioning(
      withMessages(`<Message RuleId="R">
        <SMSBearer Sender="111" ClassZeroOnly="0"/><SMSBearer Sender="+222"/><USSDBearer/>
        <Pattern>x</Pattern></Message>`),
    );
    expect(doc.messageRules[0]!.bearers).toEqual([
      { type: 'sms', classZeroOnly: false, sender: '111' },
      { type: 'sms', classZeroOnly: true, sender: '+222' },
      { type: 'ussd' },
    ]);
  });

  it('keeps white space of patterns, reads Locale, Ki-style units and DefaultUnit', () => {
    const doc = parseProvisioning(
      withMessages(`<Message><USSDBearer/><Pattern> (\\d+) (\\w+) </Pattern><Locale>de-de</Locale>
        <Units Mi="MB MiB" Gi=" GB  GiB "/>
        <Fields><Usage Group="1" UnitGroup="2" DefaultUnit="Mi"/><UsageTimestamp Group="2" Format="%d %b"/>
          <DataLimit Group="1" DefaultUnit="None"/></Fields>
      </Message>`),
    );
    expect(doc.messageRules[0]).toMatchObject({
      pattern: ' (\\d+) (\\w+) ',
      locale: 'de-de',
      units: { Mi: ['MB', 'MiB'], Gi: ['GB', 'GiB'] },
      fields: {
        usage: { group: 1, unitGroup: 2, defaultUnit: 'Mi' },
        dataLimit: { group: 1, defaultUnit: 'None' },
      },
    });
    expect(doc.warnings).toEqual([]);
  });

  it('accepts prefixed namespaces, bytes with a BOM and UTF-16', () => {
    const prefixed = `<c:CarrierProvisioning xmlns:c="http://www.microsoft.com/networking/CarrierControl/v1">
      <c:Global><c:CarrierId>11111111-1111-1111-1111-111111111111</c:CarrierId><c:SubscriberId>1</c:SubscriberId></c:Global></c:CarrierProvisioning>`;
    expect(parseProvisioning(prefixed).global.carrierId).toBe(
      '11111111-1111-1111-1111-111111111111',
    );
    const sample = fixture('data-plan-threshold-sample.xml');
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(sample)]);
    expect(parseProvisioning(utf8).plans[0]!.name).toBe('SamplePlan');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(sample, 'utf16le')]);
    expect(parseProvisioning(utf16).plans[0]!.dataLimitMegabytes).toBe(500);
  });

  it('warns about unknown elements and attributes instead of failing', () => {
    const doc = parseProvisioning(
      withMessages(
        `<Message Colour="red"><USSDBearer/><Pattern>x</Pattern><Priority>1</Priority></Message>`,
      ),
    );
    expect(doc.warnings.map((w) => w.message)).toEqual([
      expect.stringMatching(/attribute Colour of <Message> is not interpreted/),
      expect.stringMatching(/<Priority> \(WWAN v1\) in .*Message\[0\] is not interpreted/),
    ]);
    expect(doc.preserved[0]).toMatchObject({
      parent: 'CarrierProvisioning/MBNProfiles/Messages/Message[0]',
      after: 'Pattern',
      element: { name: 'Priority', children: ['1'] },
    });
  });
});
