/**
 * `wmbb messages match --rules <file> --from <sender> [--ussd] "<text>"`: tries a rule set on
 * a message, as Windows would before the operator app sees it. Exit code 1 when no rule
 * matches, with the reason.
 *
 * @module
 */

import { InvalidArgumentError, type Command } from 'commander';
import {
  matchOperatorMessage,
  type OperatorMessage,
} from '../../provisioning/match-operator-message.js';
import {
  compileMessageRules,
  describeRule,
  type MessageRuleSet,
} from '../../provisioning/message-rule-set.js';
import type { UsageSource } from '../../provisioning/infer-usage.js';
import { parseProvisioningFile } from '../../provisioning/parse-provisioning-file.js';
import type { CliContext } from '../cli-context.js';
import { paint, type CliIo } from '../cli-io.js';
import { printableUserText, quoteUserValue } from '../../text/quote-user-value.js';

/** How many senders or rules a "no rule matched" reason names before counting the rest. */
const maxNamed = 5;

/** The first few of `items`, then how many more. */
function firstFew(items: readonly string[]): string {
  const more = items.length > maxNamed ? ` and ${items.length - maxNamed} more` : '';
  return `${items.slice(0, maxNamed).join(', ')}${more}`;
}

interface MatchOptions {
  rules: string;
  from?: string;
  ussd?: boolean;
  classZero?: boolean;
  referenceTime?: Date;
  utcOffset?: number;
  json?: boolean;
}

/** Registers `messages` and `messages match` on the program. */
export function registerMessages(
  program: Command,
  context: CliContext,
  done: (p: Promise<void>) => void,
): void {
  const messages = program.command('messages').description('operator SMS and USSD messages');
  messages
    .command('match')
    .description(
      'try the message rules of a provisioning file on a message (exit 1 when none matches)',
    )
    .argument('<text>', 'the message text')
    .requiredOption('--rules <file>', 'the provisioning XML file with the rules')
    .option('--from <sender>', 'SMS sender address, exactly as received (e.g. +18005551212)')
    .option('--ussd', 'the message is a USSD message (no sender)')
    .option('--class-zero', 'the SMS is a class-0 (flash) message')
    .option(
      '--reference-time <iso>',
      'when the message arrived: a timestamp without a year is the most recent occurrence of its date by then (default: now)',
      parseTime,
    )
    .option(
      '--utc-offset <minutes>',
      'the zone of times in the message, minutes east of UTC (default 0)',
      parseOffset,
    )
    .option('--json', 'print the result as JSON')
    .action((text: string, options: MatchOptions, command: Command) => {
      if (options.ussd !== true && options.from === undefined)
        command.error('error: an SMS needs --from <sender> (or pass --ussd for a USSD message)', {
          exitCode: 2,
          code: 'wmbb.missingSender',
        });
      done(match(context.io, text, options));
    });
}

async function match(io: CliIo, text: string, options: MatchOptions): Promise<void> {
  const set = compileMessageRules(await parseProvisioningFile(options.rules));
  const message: OperatorMessage = options.ussd
    ? { bearer: 'ussd', text }
    : { bearer: 'sms', sender: options.from!, classZero: options.classZero === true, text };
  const result = matchOperatorMessage(set, message, {
    ...(options.referenceTime === undefined ? {} : { referenceTime: options.referenceTime }),
    ...(options.utcOffset === undefined ? {} : { utcOffsetMinutes: options.utcOffset }),
  });

  if (result === undefined) {
    const reason = whyNoMatch(set, message);
    if (options.json) io.out(`${JSON.stringify({ matched: false, reason }, null, 2)}\n`);
    throw new Error(`no rule matched: ${reason}`);
  }
  if (options.json) {
    io.out(`${JSON.stringify({ matched: true, ...result }, null, 2)}\n`);
    return;
  }
  io.out(
    `${paint(io, 'green', '✓')} matched ${result.ruleId === undefined ? 'a rule without RuleId' : `rule ${printableUserText(result.ruleId, 100)}`} (${
      result.silent ? 'silent: operator app only' : 'shown to the user too'
    })\n`,
  );
  const { usageBytes, dataLimitBytes, usageTimestamp } = result.fields;
  const from = result.usageInference?.usageBytesFrom;
  if (usageBytes !== undefined)
    io.out(
      `  usage       ${bytes(usageBytes)}${from === undefined || from === 'usage' ? '' : ` (${usageSources[from]})`}\n`,
    );
  if (dataLimitBytes !== undefined) io.out(`  data limit  ${bytes(dataLimitBytes)}\n`);
  if (usageTimestamp !== undefined) io.out(`  as of       ${usageTimestamp.toISOString()}\n`);
  for (const warning of result.warnings)
    io.err(paint(io, 'yellow', `  warning: ${printableUserText(warning, 500)}\n`));
}

/** How the documents' rules infer a usage, in their words. */
const usageSources: Record<Exclude<UsageSource, 'usage'>, string> = {
  usagePercentageOfDataLimit: 'UsagePercentage × DataLimit',
  usageOveragePlusDataLimit: 'UsageOverage + DataLimit',
  usageOveragePercentageOfDataLimit: 'UsageOveragePercentage × DataLimit + DataLimit',
  usageOverageAndOveragePercentage: 'UsageOverage × (1 + 100 ÷ UsageOveragePercentage)',
};

/** Why no rule took the message, in one sentence. */
function whyNoMatch(set: MessageRuleSet, message: OperatorMessage): string {
  const names = (indexes: { index: number; rule: Parameters<typeof describeRule>[0] }[]): string =>
    firstFew(indexes.map((c) => printableUserText(describeRule(c.rule, c.index), 100)));
  if (message.bearer === 'ussd') {
    const rules = set.ussdCandidates();
    return rules.length === 0
      ? 'no rule takes USSD messages (no <USSDBearer/>)'
      : `the pattern of USSD ${names([...rules])} did not match the text`;
  }
  const candidates = set.smsCandidates(message.sender);
  if (candidates.length === 0) {
    const senders = set.senders;
    const near = senders.find((s) => s.replace(/^\+/, '') === message.sender?.replace(/^\+/, ''));
    return `no rule for SMS sender ${quoteUserValue(message.sender ?? '')}${
      near === undefined
        ? senders.length === 0
          ? ' (no rule takes SMS)'
          : ` (rules name ${firstFew(senders.map((s) => quoteUserValue(s)))})`
        : ` (a rule names ${quoteUserValue(near)}: senders must match exactly, international format included)`
    }`;
  }
  const open = candidates.filter((c) => !c.classZeroOnly || message.classZero === true);
  if (open.length === 0)
    return `the sender matched ${names(candidates.map((c) => c.compiled))}, which take(s) class-0 messages only (ClassZeroOnly); pass --class-zero for a class-0 SMS`;
  return `the sender matched ${names(open.map((c) => c.compiled))}, but the pattern did not match the text`;
}

function bytes(value: number): string {
  const units: [number, string][] = [
    [1e12, 'TB'],
    [1e9, 'GB'],
    [1e6, 'MB'],
    [1e3, 'kB'],
  ];
  const [size, unit] = units.find(([s]) => value >= s) ?? [1, 'B'];
  const scaled = unit === 'B' ? '' : ` (${(value / size).toFixed(2)} ${unit})`;
  return `${value.toLocaleString('en-US')} bytes${scaled}`;
}

function parseTime(value: string): Date {
  const date = new Date(value);
  if (Number.isNaN(date.getTime()))
    throw new InvalidArgumentError('expected a date and time such as 2026-01-05T12:00:00Z');
  return date;
}

function parseOffset(value: string): number {
  const minutes = Number(value);
  if (!Number.isInteger(minutes) || Math.abs(minutes) > 18 * 60)
    throw new InvalidArgumentError(
      'expected whole minutes east of UTC, from -1080 to 1080 (UTC+1 → 60)',
    );
  return minutes;
}
