import { describe, expect, it } from 'vitest';
import type { OperatorMessageFields } from '../../lib/backend.js';
import {
  compileMessageRules,
  matchOperatorMessage,
  MessageRuleSet,
  parseProvisioning,
  type MessageRule,
  type OperatorMessageMatch,
} from '../../lib/provisioning/index.js';
import { fixture, thrown } from './fixtures.js';

const jan10 = Date.UTC(2026, 0, 10, 12, 0);
const sample = parseProvisioning(fixture('filtering-rules-sample.xml'));
const sampleRules = compileMessageRules(sample);
const usage = compileMessageRules(parseProvisioning(fixture('usage-rules.xml')));

describe('the documents’ sample rules', () => {
  it('Sample1: every SMS from 18005551212, silently, with no fields', () => {
    for (const text of ['', 'Welcome!', 'multi\nline\u2028text']) {
      expect(
        matchOperatorMessage(sampleRules, { bearer: 'sms', sender: '18005551212', text }),
      ).toEqual({
        ruleId: 'Sample1',
        silent: true,
        fields: {},
        warnings: [],
      });
    }
  });

  it('senders match exactly, international format included', () => {
    expect(
      matchOperatorMessage(sampleRules, { bearer: 'sms', sender: '+18005551212', text: 'x' }),
    ).toBeUndefined();
    expect(
      matchOperatorMessage(sampleRules, { bearer: 'sms', sender: '8005551212', text: 'x' }),
    ).toBeUndefined();
    expect(matchOperatorMessage(sampleRules, { bearer: 'sms', text: 'x' })).toBeUndefined();
  });

  it('Sample2: a USSD usage message gives usage and limit in bytes (G is 10⁹)', () => {
    const match = matchOperatorMessage(
      sampleRules,
      { bearer: 'ussd', text: '1.50GB of 5GB used as of 10:30PM on 05 Jan' },
      { referenceTime: jan10 },
    );
    expect(match).toMatchObject({
      ruleId: 'Sample2',
      silent: false,
      fields: { usageBytes: 1_500_000_000, dataLimitBytes: 5_000_000_000 },
    });
    // The sample's (\S+) takes only "10:30PM", which cannot fit "%I:%M%p on %d %b": the
    // timestamp is left out with a warning, and nothing else is lost.
    expect(match!.fields.usageTimestamp).toBeUndefined();
    expect(match!.warnings).toEqual([
      'UsageTimestamp: "10:30PM" does not fit the format "%I:%M%p on %d %b": expected "on" at character 8',
    ]);
  });

  it('Sample2 with M units, and a USSD text that is not a usage message', () => {
    expect(
      matchOperatorMessage(sampleRules, {
        bearer: 'ussd',
        text: '250.5MB of 1024MB used as of 10:30PM',
      })?.fields,
    ).toEqual({ usageBytes: 250_500_000, dataLimitBytes: 1_024_000_000 });
    expect(
      matchOperatorMessage(sampleRules, { bearer: 'ussd', text: 'Your balance is $5' }),
    ).toBeUndefined();
    // An SMS from the Sample2 text never reaches the USSD rule.
    expect(
      matchOperatorMessage(sampleRules, {
        bearer: 'sms',
        sender: '1',
        text: '1.50GB of 5GB used as of x',
      }),
    ).toBeUndefined();
  });
});

describe('fields', () => {
  it('a timestamp that fits its format', () => {
    const match = matchOperatorMessage(
      usage,
      { bearer: 'ussd', text: '1.50GB of 5GB used as of 10:30PM on 05 Jan' },
      { referenceTime: jan10 },
    );
    expect(match).toEqual({
      ruleId: 'UssdBalance',
      silent: false,
      fields: {
        usageBytes: 1_500_000_000,
        dataLimitBytes: 5_000_000_000,
        usageTimestamp: new Date('2026-01-05T22:30:00Z'),
      },
      warnings: [],
    });
  });

  it('locale numbers, binary units matched case-insensitively, a DefaultUnit, a UTC offset', () => {
    const match = matchOperatorMessage(
      usage,
      {
        bearer: 'sms',
        sender: '+4915112345678',
        text: 'Used: 1.536,5 mib. Plan: 10 Tage. Date: 2026-01-04 18:30',
      },
      { utcOffsetMinutes: 60 },
    );
    expect(match?.fields).toEqual({
      usageBytes: Math.round(1536.5 * 2 ** 20),
      // "Tage" is no unit of the rule: DefaultUnit="Gi" applies.
      dataLimitBytes: 10 * 2 ** 30,
      usageTimestamp: new Date('2026-01-04T17:30:00Z'),
    });
    expect(match?.warnings).toEqual([]);
  });

  it('a unit that is not in Units and no DefaultUnit: that field is left out, the rest stays', () => {
    const match = matchOperatorMessage(
      sampleRules,
      { bearer: 'ussd', text: '1.50XB of 5GB used as of 10:30PM' },
      { referenceTime: jan10 },
    );
    expect(match?.fields).toEqual({ dataLimitBytes: 5_000_000_000 });
    expect(match?.warnings[0]).toBe(
      'Usage: unit "XB" (group 2) is not in Units (GB, MB) and there is no DefaultUnit',
    );
  });

  it("AmToken/PmToken: the rule's own first; one too long to be found is only never found", () => {
    const rule = (amToken: string): MessageRule => ({
      ruleId: 'Stamp',
      silent: false,
      bearers: [{ type: 'ussd' }],
      pattern: String.raw`(\d+)GB used at (.+)`,
      fields: {
        usage: { group: 1, defaultUnit: 'G' },
        usageTimestamp: { group: 2, format: '%d.%m. %I:%M %p', amToken, pmToken: 'nachm.' },
      },
    });
    const at = (amToken: string, text: string): OperatorMessageMatch | undefined =>
      matchOperatorMessage([rule(amToken)], { bearer: 'ussd', text }, { referenceTime: jan10 });
    expect(at('vorm.', '2GB used at 07.01. 03:00 NACHM.')?.fields.usageTimestamp).toEqual(
      new Date('2026-01-07T15:00:00Z'),
    );
    expect(at('vorm.', '2GB used at 07.01. 03:00 Vorm.')?.fields.usageTimestamp).toEqual(
      new Date('2026-01-07T03:00:00Z'),
    );
    // A document may carry any AmToken; %p looks at 40 characters, so a longer one never fits,
    // and the message still matches (it used to throw from matchOperatorMessage).
    const long = 'x'.repeat(41);
    const match = at(long, `2GB used at 07.01. 03:00 ${long}`);
    expect(match?.fields).toEqual({ usageBytes: 2_000_000_000 });
    expect(match?.warnings).toEqual([
      `UsageTimestamp: "07.01. 03:00 ${long}" does not fit the format "%d.%m. %I:%M %p": expected AM or PM at character 14`,
    ]);
    expect(at(long, '2GB used at 07.01. 03:00 am')?.fields.usageTimestamp).toEqual(
      new Date('2026-01-07T03:00:00Z'),
    );
  });

  it('the fields fit OperatorMessageFields of the backend contract', () => {
    const match: OperatorMessageMatch | undefined = matchOperatorMessage(usage, {
      bearer: 'ussd',
      text: '1.0GB of 2GB used as of 01:00AM on 01 Jan',
    });
    const fields: OperatorMessageFields | undefined = match?.fields;
    expect(fields?.usageBytes).toBe(1e9);
  });
});

describe('bearers, senders and order', () => {
  it('ClassZeroOnly (Windows’ default) takes only class-0 messages', () => {
    const flash = { bearer: 'sms' as const, sender: '22222', text: 'hi' };
    expect(matchOperatorMessage(usage, flash)).toBeUndefined();
    expect(matchOperatorMessage(usage, { ...flash, classZero: false })).toBeUndefined();
    expect(matchOperatorMessage(usage, { ...flash, classZero: true })).toEqual({
      ruleId: 'FlashNotice',
      silent: true,
      fields: {},
      warnings: [],
    });
  });

  it('the first matching rule in document order wins, any-sender rules included', () => {
    const rules: MessageRule[] = [
      {
        ruleId: 'specific',
        silent: true,
        bearers: [{ type: 'sms', classZeroOnly: false, sender: '1' }],
        pattern: '^hello',
      },
      {
        ruleId: 'anyone',
        silent: false,
        bearers: [{ type: 'sms', classZeroOnly: false }],
        pattern: 'hello|bye',
      },
      {
        ruleId: 'late',
        silent: true,
        bearers: [{ type: 'sms', classZeroOnly: false, sender: '1' }],
        pattern: 'bye',
      },
      {
        ruleId: 'both',
        silent: true,
        bearers: [{ type: 'sms', classZeroOnly: false, sender: '2' }, { type: 'ussd' }],
        pattern: '',
      },
    ];
    const set = compileMessageRules(rules);
    const sms = (sender: string, text: string): string | undefined =>
      matchOperatorMessage(set, { bearer: 'sms', sender, text })?.ruleId;
    expect(sms('1', 'hello')).toBe('specific');
    expect(sms('1', 'bye')).toBe('anyone');
    expect(sms('9', 'bye')).toBe('anyone');
    expect(sms('2', 'zzz')).toBe('both');
    expect(matchOperatorMessage(set, { bearer: 'ussd', text: 'zzz' })?.ruleId).toBe('both');
    // A plain list works too (compiled on each call).
    expect(matchOperatorMessage(rules, { bearer: 'sms', sender: '1', text: 'hello' })?.ruleId).toBe(
      'specific',
    );
  });

  it('indexes rules by sender', () => {
    expect(usage).toBeInstanceOf(MessageRuleSet);
    expect(usage.senders).toEqual(['+4915112345678', '22222']);
    expect(usage.smsCandidates('22222').map((c) => c.compiled.rule.ruleId)).toEqual([
      'FlashNotice',
    ]);
    expect(usage.smsCandidates('nobody')).toEqual([]);
    expect(usage.ussdCandidates().map((c) => c.rule.ruleId)).toEqual(['UssdBalance']);
  });
});

describe('bad arguments', () => {
  it('a malformed message is ERR_INVALID_ARGUMENT', () => {
    for (const message of [
      null,
      {},
      { bearer: 'mms', text: '' },
      { bearer: 'sms', text: 5 },
      { bearer: 'sms', text: '', sender: 1 },
    ]) {
      expect(thrown(() => matchOperatorMessage(sampleRules, message as never))).toMatchObject({
        code: 'ERR_INVALID_ARGUMENT',
      });
    }
    expect(
      thrown(() => matchOperatorMessage(sampleRules, { bearer: 'ussd', text: 'x'.repeat(70_000) }))
        .message,
    ).toMatch(/at most 65536/);
  });

  it('rules built in code are checked, naming the rule', () => {
    const bad: MessageRule = {
      ruleId: 'Oops',
      silent: true,
      bearers: [{ type: 'ussd' }],
      pattern: '(\\d+)',
      fields: { usage: { group: 2 } },
    };
    const error = thrown(() => compileMessageRules([bad]));
    expect(error).toMatchObject({ code: 'ERR_INVALID_ARGUMENT' });
    expect(error.message).toBe(
      'rule "Oops": Usage Group 2 is not a capture group of the pattern, which has 1 (expected a group from 1 to 1)',
    );
    expect(thrown(() => compileMessageRules('nope' as never))).toMatchObject({
      code: 'ERR_INVALID_ARGUMENT',
    });
  });
});
