/**
 * The content model of the CarrierControl and WWAN schema pages, where they state it: Global's
 * children and their order, DeviceId's format, SMS bearers before a USSD bearer, and the
 * UsageTimestamp that dates each usage element. Each violation is an ERR_PROVISIONING_XML
 * pointing at the element; where the documents contradict themselves, a warning says so.
 */
import { describe, expect, it } from 'vitest';
import { isMobileBroadbandError } from '../../lib/errors.js';
import {
  parseProvisioning,
  serializeProvisioning,
  type ProvisioningDocument,
} from '../../lib/provisioning/index.js';
import { fixture, thrown, withMessages } from './fixtures.js';

/** Parses and returns the ERR_PROVISIONING_XML it must throw, with its place. */
function refused(xml: string): { message: string; line: number; column: number } {
  const error = thrown(() => parseProvisioning(xml));
  expect(isMobileBroadbandError(error, 'ERR_PROVISIONING_XML')).toBe(true);
  const { line, column } = error.details as { line: number; column: number };
  expect(error.message).toMatch(new RegExp(`^line ${line}, column ${column}: `));
  return { message: error.message, line, column };
}

/** A document whose `<Global>` (line 3) holds `inner`, which starts on line 4. */
function withGlobal(inner: string): string {
  return `<?xml version="1.0"?>
<CarrierProvisioning xmlns="http://www.microsoft.com/networking/CarrierControl/v1">
  <Global>
${inner}
  </Global>
</CarrierProvisioning>
`;
}

const carrierId = '    <CarrierId>{2c85b76b-f859-47c4-8122-721fe8b6c25f}</CarrierId>';
const subscriberId = '    <SubscriberId>012345678901234</SubscriberId>';
const deviceId = (id: string): string => `    <DeviceId>${id}</DeviceId>`;

describe('Global: CarrierId, SubscriberId, DeviceId?', () => {
  it('the documents’ samples have CarrierId then SubscriberId', () => {
    expect(parseProvisioning(fixture('filtering-rules-sample.xml')).global).toEqual({
      carrierId: '{11111111-1111-1111-1111-111111111111}',
      subscriberId: '1234567890',
    });
  });

  it('a Global without SubscriberId is refused, where the examples had accepted it', () => {
    const sample = fixture('data-plan-threshold-sample.xml').replace(
      /\s*<SubscriberId>.*<\/SubscriberId>/,
      '',
    );
    expect(refused(sample)).toMatchObject({
      line: 3,
      column: 3,
      message: expect.stringMatching(/<Global> has no <SubscriberId>/) as unknown,
    });
  });

  it('SubscriberId before CarrierId is refused at the SubscriberId', () => {
    expect(refused(withGlobal(`${subscriberId}\n${carrierId}`))).toMatchObject({
      line: 4,
      column: 5,
      message: expect.stringMatching(
        /<SubscriberId> comes before <CarrierId> in <Global> \(expected <CarrierId>, then <SubscriberId>, then an optional <DeviceId>\)/,
      ) as unknown,
    });
    // Without a CarrierId at all, the error says that instead.
    expect(refused(withGlobal(subscriberId)).message).toMatch(
      /<Global> has no <CarrierId> before <SubscriberId>/,
    );
  });

  it('DeviceId before SubscriberId is refused at the DeviceId', () => {
    const ahead = withGlobal(`${carrierId}\n${deviceId('490154203237518')}\n${subscriberId}`);
    expect(refused(ahead)).toMatchObject({
      line: 5,
      column: 5,
      message: expect.stringMatching(/<DeviceId> comes before <SubscriberId>/) as unknown,
    });
    expect(refused(withGlobal(`${deviceId('490154203237518')}\n${carrierId}`)).message).toMatch(
      /<DeviceId> comes before <CarrierId>/,
    );
  });

  it('DeviceId is 15 or 16 digits or a MAC address, as the schema formats it', () => {
    for (const id of ['490154203237518', '4901542032375181', '00:1A:2b:3C:4d:5E']) {
      expect(
        parseProvisioning(withGlobal(`${carrierId}\n${subscriberId}\n${deviceId(id)}`)).global,
      ).toEqual({
        carrierId: '{2c85b76b-f859-47c4-8122-721fe8b6c25f}',
        subscriberId: '012345678901234',
        deviceId: id,
      });
    }
  });

  it('any other DeviceId is refused at its element, and never quoted whole', () => {
    for (const id of [
      '49015420323751', // 14 digits
      '49015420323751812', // 17
      '00-1A-2B-3C-4D-5E', // a MAC address, but not as the schema writes it
      '00:1A:2B:3C:4D', // five octets
      '490154203237518 x',
      'A1000012345678', // an MEID: hexadecimal, 14 characters
    ]) {
      const error = refused(withGlobal(`${carrierId}\n${subscriberId}\n${deviceId(id)}`));
      expect(error).toMatchObject({ line: 6, column: 5 });
      expect(error.message).toMatch(/DeviceId "?\S{1,4}… \(\d+ characters\)"? is neither/);
      expect(error.message).toMatch(/expected 15 or 16 digits \(an IMEI\) or a MAC address/);
      expect(error.message).not.toContain(id);
    }
    expect(refused(withGlobal(`${carrierId}\n${subscriberId}\n    <DeviceId/>`)).message).toMatch(
      /<DeviceId> is empty/,
    );
  });

  it('elements of other namespaces after them are kept, as the schema allows', () => {
    const doc = parseProvisioning(
      withGlobal(`${carrierId}\n${subscriberId}\n    <x:Tag xmlns:x="urn:example">t</x:Tag>`),
    );
    expect(doc.preserved).toMatchObject([
      { parent: 'CarrierProvisioning/Global', after: 'SubscriberId', element: { name: 'Tag' } },
    ]);
  });

  it('DeviceId is written back after SubscriberId', () => {
    const source = withGlobal(`${carrierId}\n${subscriberId}\n${deviceId('00:1a:2b:3c:4d:5e')}`);
    const xml = serializeProvisioning(parseProvisioning(source));
    expect(xml).toMatch(
      /<CarrierId>\{2c85b76b-f859-47c4-8122-721fe8b6c25f\}<\/CarrierId>\s*<SubscriberId>012345678901234<\/SubscriberId>\s*<DeviceId>00:1a:2b:3c:4d:5e<\/DeviceId>\s*<\/Global>/,
    );
    expect(parseProvisioning(xml).global.deviceId).toBe('00:1a:2b:3c:4d:5e');
  });
});

describe('Message: (SMSBearer+, USSDBearer?) | USSDBearer', () => {
  it('an SMSBearer after the USSDBearer is refused at the SMSBearer', () => {
    const xml = withMessages(`<Message>
        <USSDBearer/>
        <SMSBearer Sender="111"/>
        <Pattern>x</Pattern>
      </Message>`);
    expect(refused(xml)).toMatchObject({
      line: 8,
      column: 9,
      message: expect.stringMatching(
        /<SMSBearer> comes after the <USSDBearer> \(expected <SMSBearer> elements before the <USSDBearer>/,
      ) as unknown,
    });
  });

  it('SMS bearers then a USSD bearer, or either alone, are accepted', () => {
    for (const bearers of [
      '<SMSBearer/><SMSBearer Sender="1"/><USSDBearer/>',
      '<SMSBearer/>',
      '<USSDBearer/>',
    ])
      expect(
        parseProvisioning(withMessages(`<Message>${bearers}<Pattern>x</Pattern></Message>`))
          .warnings,
      ).toEqual([]);
  });
});

/** A USSD rule on the documents' Sample2 message, with `fields` inside `<Fields>` (line 9). */
function sampleRule(fields: string): string {
  return withMessages(`<Message RuleId="Sample2">
        <USSDBearer/>
        <Pattern>(\\d+\\.\\d+)(\\w+) of (\\d+)(\\w+) used as of (\\S+ on \\d+ \\w+)</Pattern>
        <Fields>
          ${fields}
        </Fields>
      </Message>`);
}

describe('Fields: each usage element with a UsageTimestamp, and a UsageTimestamp with one', () => {
  const stamp = '<UsageTimestamp Group="5" Format="%I:%M%p on %d %b"/>';

  it('the documents’ sample pairs Usage with UsageTimestamp, and is accepted', () => {
    const doc = parseProvisioning(fixture('filtering-rules-sample.xml'));
    expect(doc.messageRules[1]!.fields).toEqual({
      usage: { group: 1, unitGroup: 2 },
      usageTimestamp: { group: 5, format: '%I:%M%p on %d %b' },
      dataLimit: { group: 3, unitGroup: 4 },
    });
  });

  it.each(['Usage', 'UsagePercentage', 'UsageOverage', 'UsageOveragePercentage'])(
    '<%s> without a <UsageTimestamp> is refused at it',
    (name) => {
      const error = refused(sampleRule(`<DataLimit Group="3"/><${name} Group="1"/>`));
      expect(error).toMatchObject({ line: 10, column: 33 });
      expect(error.message).toContain(`<${name}> has no <UsageTimestamp> beside it in <Fields>`);
      expect(error.message).toMatch(/the WWAN schema requires beside each of Usage, /);
    },
  );

  it.each(['', '<DataLimit Group="3"/>'])(
    'a <UsageTimestamp> that dates no usage is refused at it (%s)',
    (others) => {
      const error = refused(sampleRule(`${stamp}${others}`));
      expect(error).toMatchObject({ line: 10, column: 11 });
      expect(error.message).toMatch(
        /<UsageTimestamp> dates no usage: <Fields> has none of Usage, UsagePercentage, UsageOverage, UsageOveragePercentage/,
      );
    },
  );

  it('reads UsagePercentage, UsageOverage and UsageOveragePercentage, in any order', () => {
    const doc = parseProvisioning(
      sampleRule(`<UsageOveragePercentage Group="3"/><DataLimit Group="3" UnitGroup="4"/>
          <UsageOverage Group="1" UnitGroup="2" DefaultUnit="M"/>${stamp}<UsagePercentage Group="1"/>`).replace(
        '<Fields>',
        '<Units G="GB" M="MB"/><Fields>',
      ),
    );
    expect(doc.messageRules[0]!.fields).toEqual({
      usagePercentage: { group: 1 },
      usageOverage: { group: 1, unitGroup: 2, defaultUnit: 'M' },
      usageOveragePercentage: { group: 3 },
      usageTimestamp: { group: 5, format: '%I:%M%p on %d %b' },
      dataLimit: { group: 3, unitGroup: 4 },
    });
    expect(doc.warnings).toEqual([]);
  });

  it('their groups and units are checked as Usage’s are', () => {
    expect(refused(sampleRule(`<UsagePercentage Group="6"/>${stamp}`))).toMatchObject({
      line: 10,
      column: 11,
      message: expect.stringMatching(
        /rule "Sample2": UsagePercentage Group 6 is not a capture group of the pattern, which has 5/,
      ) as unknown,
    });
    expect(refused(sampleRule(`<UsageOverage Group="1" UnitGroup="2"/>${stamp}`)).message).toMatch(
      /UsageOverage UnitGroup 2 points at a unit, but <Units> defines none/,
    );
    expect(refused(sampleRule(`<UsageOveragePercentage/>${stamp}`)).message).toMatch(
      /<UsageOveragePercentage> needs a Group attribute/,
    );
  });

  it('warns when a usage element can give no usage (no DataLimit to go with)', () => {
    const doc = parseProvisioning(sampleRule(`<UsagePercentage Group="1"/>${stamp}`));
    expect(doc.warnings).toMatchObject([
      {
        line: 10,
        column: 11,
        message:
          '<UsagePercentage> alone gives no usage: the documents infer it only with a <DataLimit> (or from <UsageOverage> with <UsageOveragePercentage>)',
      },
    ]);
  });

  it('warns where the documents contradict themselves: UsageOverage with UsageOveragePercentage and no DataLimit', () => {
    const doc = parseProvisioning(
      sampleRule(`<UsageOverage Group="1"/><UsageOveragePercentage Group="3"/>${stamp}`),
    );
    expect(doc.warnings).toHaveLength(1);
    expect(doc.warnings[0]).toMatchObject({ line: 9, column: 9 });
    expect(doc.warnings[0]!.message).toMatch(
      /^the documents disagree here: the Usage page's UsageOverage \+ UsageOverage ÷ \(UsageOveragePercentage − 100\) contradicts UsageOveragePercentage's definition .* this package takes UsageOverage × \(1 \+ 100 ÷ UsageOveragePercentage\)/,
    );
  });

  it('round-trips every usage element, written in the Fields page’s order', () => {
    const source = sampleRule(`<DataLimit Group="3"/>${stamp}<UsageOveragePercentage Group="1"/>
        <UsageOverage Group="1"/><UsagePercentage Group="1"/><Usage Group="1"/>`);
    const doc = parseProvisioning(source);
    const xml = serializeProvisioning(doc);
    const names = [...xml.matchAll(/<(\w+) Group=/g)].map((m) => m[1]);
    expect(names).toEqual([
      'Usage',
      'UsagePercentage',
      'UsageOverage',
      'UsageOveragePercentage',
      'UsageTimestamp',
      'DataLimit',
    ]);
    const again: ProvisioningDocument = parseProvisioning(xml);
    expect(again.messageRules).toEqual(doc.messageRules);
    expect(serializeProvisioning(again)).toBe(xml);
  });
});
