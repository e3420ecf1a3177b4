import { describe, expect, it } from 'vitest';
import { examples, fixture, listeningFake } from './fake-helpers.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const rules = fixture('filtering-rules-sample.xml');

describe('operator messages on the fake', () => {
  it('an SMS a rule takes reaches the app with rule id, silent flag, encoding and size', async () => {
    const { fake, seen } = await listeningFake();
    await fake.provision(rules);
    const outcome = await fake.receiveSms({ from: '18005551212', text: 'Your bill is ready' });
    expect(outcome).toMatchObject({
      delivered: true,
      ruleId: 'Sample1',
      reason: 'matched rule Sample1',
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      type: 'gsmSms',
      messageType: 0,
      message: 'Your bill is ready',
      ruleId: 'Sample1',
      silent: true,
      encodingType: 0,
      messageDataSize: 16, // 18 septets × 7 bits = 126 bits → 16 bytes
    });
  });

  it('senders match exactly: +18005551212 is not 18005551212, and the app never sees it', async () => {
    const { fake, seen } = await listeningFake();
    await fake.provision(rules);
    const outcome = await fake.receiveSms({ from: '+18005551212', text: 'hello' });
    expect(outcome).toEqual({
      delivered: false,
      reason: 'no rule takes SMS from +180… (12 characters) (senders must match exactly)',
      emitted: [],
    });
    expect(seen).toEqual([]);
    expect(fake.recorded()).toEqual([]);
  });

  it('without provisioning no message is an operator notification', async () => {
    const { fake } = await listeningFake();
    expect(await fake.receiveUssd('1.50GB of 5GB used as of 10:30PM')).toMatchObject({
      delivered: false,
      reason: expect.stringMatching(/no provisioning rules/),
    });
  });

  it('a USSD message with usage fields updates the counter before the app sees it', async () => {
    const { fake, mbb } = await listeningFake();
    await fake.provision(rules);
    let usageSeenByApp: unknown;
    mbb.notifications.on('ussd', () => void (usageSeenByApp = fake.usage()));
    const outcome = await fake.receiveUssd('1.50GB of 5GB used as of 10:30PM');
    expect(outcome.delivered).toBe(true);
    expect(usageSeenByApp).toEqual({
      usedBytes: outcome.fields!.usageBytes,
      limitBytes: outcome.fields!.dataLimitBytes,
    });
    expect(outcome.fields!.usageBytes).toBeGreaterThan(0);
  });

  it('usage inferred from UsagePercentage × DataLimit corrects the counter too', async () => {
    const { fake, mbb } = await listeningFake();
    await fake.provision(
      rules
        .replace(
          String.raw`<Pattern>(\d+\.\d+)(\w+) of (\d+)(\w+) used as of (\S+)</Pattern>`,
          String.raw`<Pattern>(\d+)% of (\d+)(\w+) used (x)?as of (\S+)</Pattern>`,
        )
        .replace('<Usage Group="1" UnitGroup="2"/>', '<UsagePercentage Group="1"/>')
        .replace('<DataLimit Group="3" UnitGroup="4"/>', '<DataLimit Group="2" UnitGroup="3"/>'),
    );
    let usageSeenByApp: unknown;
    mbb.notifications.on('ussd', () => void (usageSeenByApp = fake.usage()));
    const outcome = await fake.receiveUssd('30% of 5GB used as of 10:30PM');
    expect(outcome).toMatchObject({
      delivered: true,
      ruleId: 'Sample2',
      fields: { usageBytes: 1_500_000_000, dataLimitBytes: 5_000_000_000 },
    });
    expect(usageSeenByApp).toEqual({ usedBytes: 1_500_000_000, limitBytes: 5_000_000_000 });
  });

  it('UCS-2 text gets DCS 0x08 (SMS) / 0x48 (USSD) and two bytes per character', async () => {
    const { fake, seen } = await listeningFake();
    await fake.provision(readFileSync(path.join(examples, 'contoso-provisioning.xml'), 'utf8'));
    await fake.receiveSms({ from: '+18005551212', text: 'Привет' });
    expect(seen[0]).toMatchObject({ encodingType: 0x08, messageDataSize: 12 });
    await fake.receiveSms({ from: '+18005551212', text: 'flash', classZero: true });
    expect(seen[1]).toMatchObject({ encodingType: 0x10 });
  });

  it('CDMA SMS arrive as cdmaSms', async () => {
    const { fake, seen } = await listeningFake();
    await fake.provision(rules);
    await fake.receiveCdmaSms({ from: '18005551212', text: 'cdma hello' });
    expect(seen[0]).toMatchObject({
      type: 'cdmaSms',
      messageType: 1,
      encodingType: 2,
      ruleId: 'Sample1',
    });
  });

  it('bad messages are typed errors', async () => {
    const { fake } = await listeningFake();
    await expect(fake.receiveSms({ from: '', text: 'x' })).rejects.toMatchObject({
      code: 'ERR_INVALID_ARGUMENT',
    });
    await expect(fake.receiveSms(null as never)).rejects.toMatchObject({
      code: 'ERR_INVALID_ARGUMENT',
    });
    await expect(fake.receiveUssd(42 as never)).rejects.toMatchObject({
      code: 'ERR_INVALID_ARGUMENT',
    });
    await expect(fake.receiveSms({ pdu: 'zz' })).rejects.toMatchObject({ code: 'ERR_INVALID_PDU' });
  });

  it("an invalid provisioning document is rejected with the parser's typed error", async () => {
    const { fake } = await listeningFake();
    await expect(fake.provision('<CarrierProvisioning')).rejects.toMatchObject({
      code: 'ERR_PROVISIONING_XML',
    });
    await expect(fake.provisioning.apply('<nope/>')).rejects.toMatchObject({
      code: 'ERR_PROVISIONING_XML',
    });
  });

  it('provisioning.apply(xml) applies the document and reports per element', async () => {
    const { fake } = await listeningFake();
    const result = await fake.provisioning.apply(rules);
    // Elements the package only keeps (the sample's <Provisioning>) are Windows' to apply: the
    // fake reports failures only when scripted (fake.provisioning.scriptNext()).
    expect(result.allElementsProvisioned).toBe(true);
    expect(result.resultsXml).toMatch(/<DefaultProfile name="Contoso" errorCode="S_OK"\/>/);
    expect(await fake.receiveSms({ from: '18005551212', text: 'x' })).toMatchObject({
      delivered: true,
    });
  });
});
