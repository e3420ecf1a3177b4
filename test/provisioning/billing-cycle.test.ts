import { describe, expect, it } from 'vitest';
import { parseProvisioning, serializeProvisioning } from '../../lib/provisioning/index.js';

const withCycle = (attributes: string): string => `<?xml version="1.0"?>
<CarrierProvisioning xmlns="http://www.microsoft.com/networking/CarrierControl/v1">
  <Global><CarrierId>{2c85b76b-f859-47c4-8122-721fe8b6c25f}</CarrierId><SubscriberId>001010123456789</SubscriberId></Global>
  <Plans>
    <Plan xmlns="http://www.microsoft.com/networking/CarrierControl/Plans/v1" Name="Monthly">
      <Description PlanType="Fixed">
        <BillingCycle ${attributes}/>
        <DataLimitInMegabytes>2048</DataLimitInMegabytes>
      </Description>
    </Plan>
  </Plans>
</CarrierProvisioning>`;

describe('Plan/Description/BillingCycle', () => {
  it('parses StartDate (UTC), Duration and Resets (default true)', () => {
    const [plan] = parseProvisioning(
      withCycle('StartDate="2026-01-01T00:00:00Z" Duration="P1M"'),
    ).plans;
    expect(plan!.billingCycle).toEqual({
      startDate: new Date('2026-01-01T00:00:00Z'),
      duration: 'P1M',
      resets: true,
    });
    const [noZone] = parseProvisioning(
      withCycle('StartDate="2026-01-01T06:30:00" Duration="P30D" Resets="false"'),
    ).plans;
    expect(noZone!.billingCycle).toEqual({
      startDate: new Date('2026-01-01T06:30:00Z'),
      duration: 'P30D',
      resets: false,
    });
  });

  it('round-trips through serializeProvisioning, before DataLimitInMegabytes as the schema orders it', () => {
    const doc = parseProvisioning(
      withCycle('StartDate="2026-01-01T00:00:00Z" Duration="P1M" Resets="false"'),
    );
    const xml = serializeProvisioning(doc);
    expect(xml.indexOf('BillingCycle')).toBeLessThan(xml.indexOf('DataLimitInMegabytes'));
    expect(parseProvisioning(xml).plans).toEqual(doc.plans);
  });

  it('an unknown attribute is a warning, not an error', () => {
    const doc = parseProvisioning(
      withCycle('StartDate="2026-01-01T00:00:00Z" Duration="P1M" Every="day"'),
    );
    expect(doc.warnings.map((w) => w.message).join()).toMatch(/Every/);
  });

  it.each([
    ['StartDate="soon" Duration="P1M"', /StartDate "soon" is not a date and time/],
    [
      'StartDate="2026-01-01T00:00:00Z" Duration="monthly"',
      /Duration: "monthly" is not an ISO 8601 duration/,
    ],
    ['Duration="P1M"', /StartDate/],
  ])('%s → ERR_PROVISIONING_XML with line and column', (attributes, message) => {
    let error: unknown;
    try {
      parseProvisioning(withCycle(attributes));
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'ERR_PROVISIONING_XML', details: { line: 7 } });
    expect((error as Error).message).toMatch(message);
  });
});
