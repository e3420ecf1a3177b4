/**
 * Hostile time values (issue 11, class 3): durations, dates and timeouts are range-checked
 * where they enter, with the allowed range in the message.
 */
import { describe, expect } from 'vitest';
import { connect } from '../../lib/index.js';
import { createFakeBackend, validateScenario } from '../../lib/fake/index.js';
import {
  compileTimestampFormat,
  matchOperatorMessage,
  parseProvisioning,
} from '../../lib/provisioning/index.js';
import { hostileCases, resultCase } from './hostile-harness.js';

function withCycle(attributes: string): string {
  return `<CarrierProvisioning xmlns="http://www.microsoft.com/networking/CarrierControl/v1">
  <Global><CarrierId>{11111111-1111-1111-1111-111111111111}</CarrierId><SubscriberId>001010123456789</SubscriberId></Global>
  <Plans>
    <Plan xmlns="http://www.microsoft.com/networking/CarrierControl/Plans/v1" Name="P">
      <Description PlanType="Fixed">
        <BillingCycle ${attributes}/>
      </Description>
    </Plan>
  </Plans>
</CarrierProvisioning>`;
}

const rule = {
  silent: true,
  bearers: [{ type: 'ussd' as const }],
  pattern: '(\\d+)',
};

describe('time values: durations, dates and timeouts are range-checked where they enter', () => {
  hostileCases([
    {
      name: 'a BillingCycle Duration of a billionth of a second',
      run: () =>
        parseProvisioning(withCycle('StartDate="2026-01-01T00:00:00Z" Duration="PT0.000000001S"')),
      bound: { ms: 1_000 },
      code: 'ERR_PROVISIONING_XML',
      message: /^line 6, column 9: Duration: .*too short: .*from PT1H to P100Y/,
    },
    {
      name: 'a BillingCycle Duration of 99 999 999 999 years',
      run: () =>
        parseProvisioning(withCycle('StartDate="2026-01-01T00:00:00Z" Duration="P99999999999Y"')),
      bound: { ms: 1_000 },
      code: 'ERR_PROVISIONING_XML',
      message: /too long: .*from PT1H to P100Y/,
    },
    {
      name: 'a Duration of 400 digits',
      run: () =>
        parseProvisioning(
          withCycle(`StartDate="2026-01-01T00:00:00Z" Duration="P${'9'.repeat(400)}D"`),
        ),
      bound: { ms: 1_000 },
      code: 'ERR_PROVISIONING_XML',
    },
    {
      name: 'a StartDate of 30 February is refused, not rolled over to March',
      run: () => parseProvisioning(withCycle('StartDate="2026-02-30T00:00:00Z" Duration="P1M"')),
      bound: { ms: 1_000 },
      code: 'ERR_PROVISIONING_XML',
      message: /2026-02 has no day 30/,
    },
    {
      name: 'a StartDate at 24:00',
      run: () => parseProvisioning(withCycle('StartDate="2026-02-01T24:00:00Z" Duration="P1M"')),
      bound: { ms: 1_000 },
      code: 'ERR_PROVISIONING_XML',
      message: /not a time of day/,
    },
    resultCase({
      name: 'a StartDate on 29 February of a leap year is kept',
      run: () => parseProvisioning(withCycle('StartDate="2028-02-29T00:00:00Z" Duration="P1M"')),
      bound: { ms: 1_000 },
      check: (doc) =>
        expect(doc.plans[0]?.billingCycle?.startDate.toISOString()).toBe(
          '2028-02-29T00:00:00.000Z',
        ),
    }),
    {
      name: "the fake's billing cycle of a billionth of a second",
      run: () =>
        createFakeBackend().setBillingCycle({
          start: new Date('2026-01-01T00:00:00Z'),
          duration: 'PT0.000000001S',
        }),
      bound: { ms: 1_000 },
      code: 'ERR_INVALID_ARGUMENT',
      message: /from PT1H to P100Y/,
    },
    {
      name: "the fake's billing cycle starting at an Invalid Date",
      run: () =>
        createFakeBackend().setBillingCycle({ start: new Date('nonsense'), duration: 'P1M' }),
      bound: { ms: 1_000 },
      code: 'ERR_INVALID_ARGUMENT',
      message: /billingCycle.start must be a valid Date .* years 1900 to 9999, got an Invalid Date/,
    },
    resultCase({
      name: 'an hourly billing cycle started in 1900 schedules its next reset without a loop',
      run: () => {
        const fake = createFakeBackend();
        fake.setBillingCycle({ start: Date.UTC(1900, 0, 1), duration: 'PT1H' });
        return fake;
      },
      bound: { ms: 1_000 },
      // Time moves on normally: one reset per hour, no burst of past ones.
      check: (fake) => {
        const before = fake.clock.now();
        fake.clock.advance(3_600_000);
        expect(fake.clock.now() - before).toBe(3_600_000);
      },
    }),
    {
      name: 'an entitlement timeoutMs of 2^31 (Node would fire it after 1 ms)',
      run: async () =>
        connect({ backend: createFakeBackend(), entitlement: { timeoutMs: 2 ** 31 } }),
      bound: { ms: 1_000 },
      code: 'ERR_INVALID_ARGUMENT',
      message: /from 0 to 2147483647/,
    },
    {
      name: 'an entitlement timeoutMs of NaN',
      run: async () => connect({ backend: createFakeBackend(), entitlement: { timeoutMs: NaN } }),
      bound: { ms: 1_000 },
      code: 'ERR_INVALID_ARGUMENT',
    },
    resultCase({
      name: 'a %Y of "26" is not the year 1926',
      run: () =>
        compileTimestampFormat('%d.%m.%Y').parse('05.01.26', {
          referenceTime: Date.UTC(2026, 0, 10),
          utcOffsetMinutes: 0,
        }),
      bound: { ms: 1_000 },
      check: (result) => {
        expect(result.ok).toBe(false);
        expect(result.ok ? '' : result.reason).toMatch(/four-digit year/);
      },
    }),
    resultCase({
      name: 'a date that its month lacks is not rolled over',
      run: () =>
        compileTimestampFormat('%d.%m.%Y').parse('30.02.2026', {
          referenceTime: Date.UTC(2026, 0, 10),
          utcOffsetMinutes: 0,
        }),
      bound: { ms: 1_000 },
      check: (result) => expect(result.ok).toBe(false),
    }),
    {
      name: 'a referenceTime that is an Invalid Date',
      run: () =>
        matchOperatorMessage(
          [rule],
          { bearer: 'ussd', text: '5' },
          { referenceTime: new Date('nonsense') },
        ),
      bound: { ms: 1_000 },
      code: 'ERR_INVALID_ARGUMENT',
      message: /referenceTime must be a valid Date/,
    },
    {
      name: 'a utcOffsetMinutes no zone has',
      run: () =>
        matchOperatorMessage([rule], { bearer: 'ussd', text: '5' }, { utcOffsetMinutes: 1e12 }),
      bound: { ms: 1_000 },
      code: 'ERR_INVALID_ARGUMENT',
      message: /from -720 to 840/,
    },
    {
      name: 'a timestamp context with referenceTime Infinity',
      run: () =>
        compileTimestampFormat('%d %b').parse('05 Jan', {
          referenceTime: Infinity,
          utcOffsetMinutes: 0,
        }),
      bound: { ms: 1_000 },
      code: 'ERR_INVALID_ARGUMENT',
    },
    {
      name: 'a scenario starting on 30 February',
      run: () => validateScenario({ start: '2026-02-30T08:00:00Z', steps: [] }),
      bound: { ms: 2_000 },
      code: 'ERR_INVALID_SCENARIO',
      message: /has no day 30/,
    },
    {
      name: 'a scenario step after 10^300 ms',
      run: () => validateScenario({ steps: [{ action: 'register', state: 'home', after: 1e300 }] }),
      bound: { ms: 2_000 },
      code: 'ERR_INVALID_SCENARIO',
      message: /longer than ten years/,
    },
  ]);
});
