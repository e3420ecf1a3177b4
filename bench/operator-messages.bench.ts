/**
 * Operator messages matched per second against 50 provisioning rules for 10 senders (and
 * against 175 rules for 35 senders, near the rule set's instruction budget, to show the cost
 * does not grow with other senders' rules), as a ratio of the plain native-RegExp loop over
 * the same 50 rules measured in the same run (the target: ≥ 0.5×), beside a single
 * precompiled RegExp test. The loop only finds the rule; the matcher also reads the fields
 * (two amounts with units, a timestamp made a Date), which is most of its time.
 */

import type { MessageRule, OperatorMessage } from '../lib/provisioning/index.js';
import { provisioning } from './built.js';
import { measure, report } from './harness.js';

const { compileMessageRules, matchOperatorMessage } = provisioning;

const count = 10_000;
const usagePattern = String.raw`(\d+\.\d+)(\w+) of (\d+)(\w+) used as of (\d+:\d+[AP]M on \d+ \w+)`;

/** `senders` senders with 5 rules each: four that look for other texts, then a usage rule. */
function rules(senders: number): MessageRule[] {
  const list: MessageRule[] = [];
  for (let s = 0; s < senders; s++) {
    const sender = `+4917000000${String(s).padStart(3, '0')}`;
    const sms = [{ type: 'sms' as const, classZeroOnly: false, sender }];
    list.push(
      { ruleId: `welcome-${s}`, silent: false, bearers: sms, pattern: '^Welcome to Contoso' },
      {
        ruleId: `topup-${s}`,
        silent: true,
        bearers: sms,
        pattern: String.raw`top-up of (\d+) EUR`,
      },
      { ruleId: `roaming-${s}`, silent: false, bearers: sms, pattern: 'roaming (?:in|to) (\\w+)' },
      {
        ruleId: `expiry-${s}`,
        silent: true,
        bearers: sms,
        pattern: String.raw`expires on (\d{4}-\d{2}-\d{2})`,
      },
      {
        ruleId: `usage-${s}`,
        silent: false,
        bearers: sms,
        pattern: usagePattern,
        units: { G: ['GB'], M: ['MB'] },
        fields: {
          usage: { group: 1, unitGroup: 2 },
          dataLimit: { group: 3, unitGroup: 4 },
          usageTimestamp: { group: 5, format: '%I:%M%p on %d %b' },
        },
      },
    );
  }
  return list;
}

/** Messages for the first 10 senders: 4 in 5 are usage messages, 1 in 5 matches nothing. */
function messages(): OperatorMessage[] {
  return Array.from({ length: count }, (_, i) => ({
    bearer: 'sms',
    sender: `+4917000000${String(i % 10).padStart(3, '0')}`,
    text:
      i % 5 === 4
        ? 'Your invoice is ready. Thank you for choosing Contoso.'
        : `${(i % 9) + 1}.${i % 100}GB of 10GB used as of 10:${String(i % 60).padStart(2, '0')}PM on 05 Jan`,
  }));
}

export default async function operatorMessagesBench(): Promise<void> {
  const input = messages();
  const small = compileMessageRules(rules(10));
  const large = compileMessageRules(rules(35));
  const native = new RegExp(usagePattern);
  const nativeRules = rules(10).map((r) => ({
    sender: (r.bearers[0] as { sender: string }).sender,
    re: new RegExp(r.pattern),
  }));
  const referenceTime = Date.UTC(2026, 0, 10);
  let matched = 0;

  const results = await measure([
    {
      name: 'one precompiled RegExp.test (floor)',
      operations: count,
      run: () => {
        for (const m of input) if (native.test(m.text)) matched++;
      },
    },
    {
      name: 'native RegExp loop, 50 rules (unsafe)',
      operations: count,
      run: () => {
        for (const m of input) {
          for (const r of nativeRules) {
            if (r.sender === m.sender && r.re.exec(m.text) !== null) {
              matched++;
              break;
            }
          }
        }
      },
    },
    {
      name: 'matchOperatorMessage, 50 rules / 10 senders',
      operations: count,
      run: () => {
        for (const m of input)
          if (matchOperatorMessage(small, m, { referenceTime }) !== undefined) matched++;
      },
    },
    {
      name: 'matchOperatorMessage, 175 rules / 35 senders',
      operations: count,
      run: () => {
        for (const m of input)
          if (matchOperatorMessage(large, m, { referenceTime }) !== undefined) matched++;
      },
    },
  ]);
  report(
    `Operator messages: ${count} SMS per run (4 in 5 usage messages with fields, 1 in 5 no match)`,
    results,
    'native RegExp loop, 50 rules (unsafe)',
  );
  if (matched === 0) throw new Error('nothing matched');
}
