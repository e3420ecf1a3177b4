/**
 * Usage inferred as the WWAN schema's Usage page describes, on the documents' Sample2 message
 * ("1.50GB of 5GB used as of 10:30PM on 05 Jan", Units G="GB" M="MB") told the other ways the
 * Fields page allows.
 */
import { describe, expect, it } from 'vitest';
import {
  compileMessageRules,
  matchOperatorMessage,
  parseProvisioning,
  type OperatorMessageMatch,
} from '../../lib/provisioning/index.js';
import { withMessages } from './fixtures.js';

const jan10 = Date.UTC(2026, 0, 10, 12, 0);
const stamp = '<UsageTimestamp Group="5" Format="%I:%M%p on %d %b"/>';
const asOf = new Date('2026-01-05T22:30:00Z');

/** Matches `text` (USSD) against one Sample2-like rule with `pattern` and `fields`. */
function match(
  pattern: string,
  fields: string,
  text: string,
  locale?: string,
): OperatorMessageMatch {
  const doc = parseProvisioning(
    withMessages(`<Message RuleId="Sample2" Silent="false">
        <USSDBearer/>
        <Pattern>${pattern}</Pattern>${locale === undefined ? '' : `<Locale>${locale}</Locale>`}
        <Units G="GB" M="MB"/>
        <Fields>${fields}${stamp}</Fields>
      </Message>`),
  );
  const result = matchOperatorMessage(
    compileMessageRules(doc),
    { bearer: 'ussd', text },
    { referenceTime: jan10 },
  );
  if (result === undefined) throw new Error(`no match for ${text}`);
  return result;
}

describe('the Usage page’s rules, in its order', () => {
  it('UsagePercentage × DataLimit: 30 % of 5GB is the sample’s 1.50GB', () => {
    expect(
      match(
        String.raw`(\d+)% of (\d+)(\w+) used (x)?as of (\S+ on \d+ \w+)`,
        '<UsagePercentage Group="1"/><DataLimit Group="2" UnitGroup="3"/>',
        '30% of 5GB used as of 10:30PM on 05 Jan',
      ),
    ).toEqual({
      ruleId: 'Sample2',
      silent: false,
      fields: { usageBytes: 1_500_000_000, dataLimitBytes: 5_000_000_000, usageTimestamp: asOf },
      warnings: [],
      usageInference: { usagePercentage: 30, usageBytesFrom: 'usagePercentageOfDataLimit' },
    });
  });

  it('UsageOverage + DataLimit: 0.50GB over 5GB is 5.50GB', () => {
    expect(
      match(
        String.raw`(\d+\.\d+)(\w+) over (\d+)(\w+) used as of (\S+ on \d+ \w+)`,
        '<UsageOverage Group="1" UnitGroup="2"/><DataLimit Group="3" UnitGroup="4"/>',
        '0.50GB over 5GB used as of 10:30PM on 05 Jan',
      ),
    ).toMatchObject({
      fields: { usageBytes: 5_500_000_000, dataLimitBytes: 5_000_000_000, usageTimestamp: asOf },
      warnings: [],
      usageInference: {
        usageOverageBytes: 500_000_000,
        usageBytesFrom: 'usageOveragePlusDataLimit',
      },
    });
  });

  it('(UsageOveragePercentage × DataLimit) + DataLimit: 10 % over 5GB is 5.50GB', () => {
    expect(
      match(
        String.raw`(\d+)% over (\d+)(\w+) (x)?as of (\S+ on \d+ \w+)`,
        '<UsageOveragePercentage Group="1"/><DataLimit Group="2" UnitGroup="3"/>',
        '10% over 5GB as of 10:30PM on 05 Jan',
      ),
    ).toMatchObject({
      fields: { usageBytes: 5_500_000_000, dataLimitBytes: 5_000_000_000 },
      usageInference: {
        usageOveragePercentage: 10,
        usageBytesFrom: 'usageOveragePercentageOfDataLimit',
      },
    });
  });

  it('UsageOverage with UsageOveragePercentage: 0.50GB that is 10 % over is 5.50GB', () => {
    // The documents' own formula, 0.5GB + 0.5GB ÷ (10 − 100), would be below the overage.
    const result = match(
      String.raw`(\d+\.\d+)(\w+) \((\d+)% over\) (x)?as of (\S+ on \d+ \w+)`,
      '<UsageOverage Group="1" UnitGroup="2"/><UsageOveragePercentage Group="3"/>',
      '0.50GB (10% over) as of 10:30PM on 05 Jan',
    );
    expect(result).toMatchObject({
      fields: { usageBytes: 5_500_000_000, usageTimestamp: asOf },
      warnings: [],
      usageInference: {
        usageOverageBytes: 500_000_000,
        usageOveragePercentage: 10,
        usageBytesFrom: 'usageOverageAndOveragePercentage',
      },
    });
    expect(result.fields.dataLimitBytes).toBeUndefined();
  });

  it('the first rule with all its values wins: UsagePercentage before UsageOverage', () => {
    const result = match(
      String.raw`(\d+)% = (\d+\.\d+)(\w+) over (\d+)GB as of (\S+ on \d+ \w+)`,
      '<UsagePercentage Group="1"/><UsageOverage Group="2" UnitGroup="3"/><DataLimit Group="4" DefaultUnit="G"/>',
      '110% = 0.40GB over 5GB as of 10:30PM on 05 Jan',
    );
    // 110 % of 5GB, not 0.40GB + 5GB: the documents list UsagePercentage first.
    expect(result.fields.usageBytes).toBe(5_500_000_000);
    expect(result.usageInference?.usageBytesFrom).toBe('usagePercentageOfDataLimit');
  });

  it('Usage, when read, is the usage; when its group did not match, the rules apply', () => {
    const pattern = String.raw`(?:(\d+\.\d+)(\w+)|(\d+)%) of (\d+)GB used as of (\S+ on \d+ \w+)`;
    const fields =
      '<Usage Group="1" UnitGroup="2"/><UsagePercentage Group="3"/><DataLimit Group="4" DefaultUnit="G"/>';
    const read = match(pattern, fields, '1.50GB of 5GB used as of 10:30PM on 05 Jan');
    expect(read.fields.usageBytes).toBe(1_500_000_000);
    expect(read.usageInference).toEqual({ usageBytesFrom: 'usage' });
    const inferred = match(pattern, fields, '40% of 5GB used as of 10:30PM on 05 Jan');
    expect(inferred.fields.usageBytes).toBe(2_000_000_000);
    expect(inferred.usageInference).toEqual({
      usagePercentage: 40,
      usageBytesFrom: 'usagePercentageOfDataLimit',
    });
    expect(inferred.warnings).toEqual(['Usage: group 1 did not take part in the match']);
  });

  it('percentages are read per the rule’s Locale', () => {
    expect(
      match(
        String.raw`([\d,]+) % von (\d+)(\w+) (x)?as of (\S+ on \d+ \w+)`,
        '<UsagePercentage Group="1"/><DataLimit Group="2" UnitGroup="3"/>',
        '12,5 % von 4GB as of 10:30PM on 05 Jan',
        'de-de',
      ).fields.usageBytes,
    ).toBe(500_000_000);
  });
});

describe('when no rule has its values', () => {
  it('no usage, a warning that says why, and the other fields stay', () => {
    const result = match(
      String.raw`(\d+|n/a)% of (\d+)(\w+) (x)?as of (\S+ on \d+ \w+)`,
      '<UsagePercentage Group="1"/><DataLimit Group="2" UnitGroup="3"/>',
      'n/a% of 5GB as of 10:30PM on 05 Jan',
    );
    expect(result.fields).toEqual({ dataLimitBytes: 5_000_000_000, usageTimestamp: asOf });
    expect(result.usageInference).toEqual({});
    expect(result.warnings).toEqual([
      'UsagePercentage: "n/a" (group 1) is not a number',
      "Usage: not inferred: none of the documents' rules (UsagePercentage × DataLimit, UsageOverage + DataLimit, UsageOveragePercentage with DataLimit or UsageOverage) had all its values",
    ]);
  });

  it('0 % over says nothing about the limit', () => {
    const result = match(
      String.raw`(\d+\.\d+)(\w+) \((\d+)% over\) (x)?as of (\S+ on \d+ \w+)`,
      '<UsageOverage Group="1" UnitGroup="2"/><UsageOveragePercentage Group="3"/>',
      '0.00GB (0% over) as of 10:30PM on 05 Jan',
    );
    expect(result.fields.usageBytes).toBeUndefined();
    expect(result.usageInference).toEqual({ usageOverageBytes: 0, usageOveragePercentage: 0 });
  });

  it('a rule with only Usage has no usageInference (as before)', () => {
    const result = match(
      String.raw`(\d+\.\d+)(\w+) of (\d+)(\w+) used as of (\S+ on \d+ \w+)`,
      '<Usage Group="1" UnitGroup="2"/><DataLimit Group="3" UnitGroup="4"/>',
      '1.50GB of 5GB used as of 10:30PM on 05 Jan',
    );
    expect(result).toEqual({
      ruleId: 'Sample2',
      silent: false,
      fields: { usageBytes: 1_500_000_000, dataLimitBytes: 5_000_000_000, usageTimestamp: asOf },
      warnings: [],
    });
  });
});

describe('a year-less UsageTimestamp: the most recent occurrence of its date', () => {
  it('a date after the message’s day is last year’s', () => {
    const rules = compileMessageRules(
      parseProvisioning(
        withMessages(`<Message><USSDBearer/><Pattern>(\\d+)MB as of (.+)</Pattern>
          <Fields><Usage Group="1" DefaultUnit="M"/><UsageTimestamp Group="2" Format="%d %b %H:%M"/></Fields></Message>`),
      ),
    );
    const at = (text: string, referenceTime: number): Date | undefined =>
      matchOperatorMessage(rules, { bearer: 'ussd', text }, { referenceTime })?.fields
        .usageTimestamp;
    expect(at('5MB as of 09 Jan 08:00', jan10)).toEqual(new Date('2026-01-09T08:00:00Z'));
    expect(at('5MB as of 11 Jan 08:00', jan10)).toEqual(new Date('2025-01-11T08:00:00Z'));
    expect(at('5MB as of 31 Dec 23:00', Date.UTC(2026, 0, 1, 0, 30))).toEqual(
      new Date('2025-12-31T23:00:00Z'),
    );
  });
});
