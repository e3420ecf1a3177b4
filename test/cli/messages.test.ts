import { describe, expect, it } from 'vitest';
import { runCli } from '../../lib/cli/program.js';
import { fixturePath } from '../provisioning/fixtures.js';

async function wmbb(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, {
    io: { out: (s) => void (out += s), err: (s) => void (err += s), color: false },
  });
  return { code, out, err };
}

const sample = fixturePath('filtering-rules-sample.xml');
const usage = fixturePath('usage-rules.xml');

describe('wmbb messages match', () => {
  it('a USSD usage message against the documents’ Sample2', async () => {
    const { code, out, err } = await wmbb(
      'messages',
      'match',
      '--rules',
      sample,
      '--ussd',
      '1.50GB of 5GB used as of 10:30PM on 05 Jan',
    );
    expect(code).toBe(0);
    expect(out).toBe(
      '✓ matched rule Sample2 (shown to the user too)\n' +
        '  usage       1,500,000,000 bytes (1.50 GB)\n' +
        '  data limit  5,000,000,000 bytes (5.00 GB)\n',
    );
    expect(err).toMatch(/warning: UsageTimestamp: "10:30PM" does not fit/);
  });

  it('--json, with the timestamp placed by --reference-time', async () => {
    const { code, out } = await wmbb(
      'messages',
      'match',
      '--json',
      '--rules',
      usage,
      '--ussd',
      '--reference-time',
      '2026-01-10T00:00:00Z',
      '1.50GB of 5GB used as of 10:30PM on 05 Jan',
    );
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual({
      matched: true,
      ruleId: 'UssdBalance',
      silent: false,
      fields: {
        usageBytes: 1.5e9,
        dataLimitBytes: 5e9,
        usageTimestamp: '2026-01-05T22:30:00.000Z',
      },
      warnings: [],
    });
  });

  it('a usage inferred from UsagePercentage × DataLimit says so', async () => {
    const rules = fixturePath('usage-inference.xml');
    const percentage = await wmbb(
      'messages',
      'match',
      '--rules',
      rules,
      '--ussd',
      '--reference-time',
      '2026-01-10T00:00:00Z',
      '30% of 5GB used as of 10:30PM on 05 Jan',
    );
    expect(percentage).toEqual({
      code: 0,
      out:
        '✓ matched rule Percentage (shown to the user too)\n' +
        '  usage       1,500,000,000 bytes (1.50 GB) (UsagePercentage × DataLimit)\n' +
        '  data limit  5,000,000,000 bytes (5.00 GB)\n' +
        '  as of       2026-01-05T22:30:00.000Z\n',
      err: '',
    });
    const overage = await wmbb(
      'messages',
      'match',
      '--json',
      '--rules',
      rules,
      '--from',
      '22222',
      '--reference-time',
      '2026-01-10T00:00:00Z',
      '0.5GB over your 5GB plan as of 12 Jan',
    );
    expect(JSON.parse(overage.out)).toEqual({
      matched: true,
      ruleId: 'Overage',
      silent: false,
      fields: {
        usageBytes: 5.5e9,
        dataLimitBytes: 5e9,
        usageTimestamp: '2025-01-12T00:00:00.000Z',
      },
      warnings: [],
      usageInference: { usageOverageBytes: 5e8, usageBytesFrom: 'usageOveragePlusDataLimit' },
    });
  });

  it('an SMS from the sample sender matches Sample1', async () => {
    const { code, out } = await wmbb(
      'messages',
      'match',
      '--rules',
      sample,
      '--from',
      '18005551212',
      'Hi',
    );
    expect(code).toBe(0);
    expect(out).toBe('✓ matched rule Sample1 (silent: operator app only)\n');
  });

  it('no match: exit 1 and why', async () => {
    const plus = await wmbb('messages', 'match', '--rules', sample, '--from', '+18005551212', 'Hi');
    expect(plus.code).toBe(1);
    expect(plus.err).toBe(
      'wmbb: no rule matched: no rule for SMS sender "+18005551212" (a rule names "18005551212": senders must match exactly, international format included)\n',
    );
    const other = await wmbb('messages', 'match', '--rules', sample, '--from', '555', 'Hi');
    expect(other.err).toMatch(/no rule for SMS sender "555" \(rules name "18005551212"\)/);
    const ussd = await wmbb('messages', 'match', '--rules', sample, '--ussd', 'Balance: $5');
    expect(ussd.err).toMatch(/the pattern of USSD rule "Sample2" did not match the text/);
    const flash = await wmbb('messages', 'match', '--rules', usage, '--from', '22222', 'Hi');
    expect(flash.err).toMatch(
      /rule "FlashNotice", which take\(s\) class-0 messages only .*--class-zero/,
    );
    expect(
      (await wmbb('messages', 'match', '--rules', usage, '--from', '22222', '--class-zero', 'Hi'))
        .code,
    ).toBe(0);
    const json = await wmbb(
      'messages',
      'match',
      '--json',
      '--rules',
      sample,
      '--from',
      '555',
      'Hi',
    );
    expect(JSON.parse(json.out)).toMatchObject({
      matched: false,
      reason: expect.stringMatching(/no rule for SMS sender/),
    });
  });

  it('usage errors exit 2: no sender for an SMS, no --rules, a bad offset', async () => {
    const noSender = await wmbb('messages', 'match', '--rules', sample, 'Hi');
    expect(noSender.code).toBe(2);
    expect(noSender.err).toMatch(/an SMS needs --from <sender>/);
    expect((await wmbb('messages', 'match', '--ussd', 'Hi')).code).toBe(2);
    expect(
      (await wmbb('messages', 'match', '--rules', sample, '--ussd', '--utc-offset', 'x', 'Hi'))
        .code,
    ).toBe(2);
  });

  it('a broken rule file: exit 1 with line:column', async () => {
    const { code, err } = await wmbb(
      'messages',
      'match',
      '--rules',
      fixturePath('bad-pattern.xml'),
      '--ussd',
      'x',
    );
    expect(code).toBe(1);
    expect(err).toMatch(/bad-pattern\.xml:11:9: /);
  });
});
