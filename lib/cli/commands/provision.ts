/**
 * `wmbb provision validate <file>` and `wmbb provision show <file> [--json]`: check a
 * `CarrierProvisioning` document and show what it says. `wmbb provision apply <file> [--json]
 * [--account <id>]`: apply it (`ProvisionFromXmlDocumentAsync`) and show Windows' per-element
 * results; exit 1 when not every element was provisioned. Passwords are always masked.
 *
 * @module
 */

import type { Command } from 'commander';
import {
  parseProvisioningFile,
  readProvisioningFile,
} from '../../provisioning/parse-provisioning-file.js';
import type { ProvisioningElementResult } from '../../provisioning/provisioning-results.js';
import { connectForCli, type CliContext, type GlobalOptions } from '../cli-context.js';
import type {
  AmountField,
  PercentageField,
  MessageRule,
  ProvisioningDocument,
} from '../../provisioning/provisioning-document.js';
import { describeRule } from '../../provisioning/message-rule-set.js';
import { paint, type CliIo } from '../cli-io.js';
import { printableUserText, quoteUserValue } from '../../text/quote-user-value.js';

/** How many characters of one value `provision show` prints (a pattern, a name, an id). */
const maxValueChars = 500;
/** How many preserved elements `provision show` lists before counting the rest. */
const maxPreservedShown = 100;
/** How much of the file's path a line shows. */
const maxPathChars = 256;

interface JsonOption {
  json?: boolean;
}

interface ApplyOptions extends JsonOption, GlobalOptions {
  account?: string;
}

/** Registers `provision` and its subcommands on the program. */
export function registerProvision(
  program: Command,
  context: CliContext,
  done: (p: Promise<void>) => void,
): void {
  const provision = program
    .command('provision')
    .description('check and show CarrierProvisioning documents (passwords masked)');
  provision
    .command('validate')
    .description('check a provisioning document; errors as file:line:column, exit code 1')
    .argument('<file>', 'the provisioning XML file')
    .option('--json', 'print the result as JSON')
    .action((file: string, options: JsonOption) => done(validate(context.io, file, options)));
  provision
    .command('show')
    .description('show what a provisioning document says (passwords masked)')
    .argument('<file>', 'the provisioning XML file')
    .option('--json', 'print the parsed document as JSON')
    .action((file: string, options: JsonOption) => done(show(context.io, file, options)));
  provision
    .command('apply')
    .description(
      "apply a provisioning document and show Windows' result for each element; exit code 1 when one failed",
    )
    .argument('<file>', 'the provisioning XML file (checked first, as validate does)')
    .option('--account <id>', 'the network account whose ProvisioningAgent applies it')
    .option('--json', 'print the per-element results as JSON')
    .action((file: string, _options: ApplyOptions, command: Command) =>
      done(apply(context, file, command.optsWithGlobals<ApplyOptions>())),
    );
}

async function apply(context: CliContext, file: string, options: ApplyOptions): Promise<void> {
  const { io } = context;
  // Checked before anything is opened; errors name file:line:column.
  const { text } = await readProvisioningFile(file);
  const mbb = await connectForCli(context, options);
  try {
    const outcome = await mbb.provisioning.apply(text, {
      ...(options.account === undefined ? {} : { networkAccountId: options.account }),
      ...(context.signal === undefined ? {} : { signal: context.signal }),
    });
    const failed = outcome.results.filter((r) => !r.success);
    if (options.json === true) {
      io.out(
        `${JSON.stringify({ file, allElementsProvisioned: outcome.allElementsProvisioned, results: outcome.results }, null, 2)}\n`,
      );
    } else {
      const where = printableUserText(file, maxPathChars);
      io.out(
        outcome.allElementsProvisioned
          ? `${paint(io, 'green', '✓')} ${where}: applied, every element provisioned\n`
          : `${paint(io, 'red', '✗')} ${where}: applied, but not every element was provisioned\n`,
      );
      for (const r of outcome.results)
        io.out(
          r.success
            ? `  ${paint(io, 'green', '✓')} ${elementLabel(r)}\n`
            : `  ${paint(io, 'red', '✗')} ${elementLabel(r)}: ${r.error ?? 'failed'}\n`,
        );
    }
    if (!outcome.allElementsProvisioned) {
      const shown = failed.slice(0, 3).map((r) => `${elementLabel(r)} (${r.error ?? 'failed'})`);
      const more = failed.length > 3 ? ` and ${failed.length - 3} more` : '';
      throw new Error(
        failed.length === 0
          ? 'Windows says not every element was provisioned, without naming one'
          : `not every element was provisioned: ${shown.join('; ')}${more}`,
      );
    }
  } finally {
    await mbb.close();
  }
}

/** `MBNProfiles/DefaultProfile "Contoso"`. */
function elementLabel(result: ProvisioningElementResult): string {
  return `${result.path}${result.name === undefined ? '' : ` ${quoteUserValue(result.name, maxValueChars)}`}`;
}

async function validate(io: CliIo, file: string, options: JsonOption): Promise<void> {
  let doc: ProvisioningDocument;
  try {
    doc = await parseProvisioningFile(file);
  } catch (error) {
    if (options.json) io.out(`${JSON.stringify({ file, valid: false, error }, null, 2)}\n`);
    throw error;
  }
  if (options.json) {
    io.out(
      `${JSON.stringify({ file, valid: true, summary: summary(doc), warnings: doc.warnings }, null, 2)}\n`,
    );
    return;
  }
  const where = printableUserText(file, maxPathChars);
  for (const w of doc.warnings)
    io.err(paint(io, 'yellow', `${where}:${w.line}:${w.column}: warning: ${w.message}\n`));
  io.out(
    `${paint(io, 'green', '✓')} ${where}: a valid CarrierProvisioning document (${summary(doc)})\n`,
  );
}

async function show(io: CliIo, file: string, options: JsonOption): Promise<void> {
  const doc = await parseProvisioningFile(file);
  // Secrets print as ******** through their toJSON.
  if (options.json) {
    io.out(`${JSON.stringify(doc, null, 2)}\n`);
    return;
  }
  const heading = (text: string): void => io.out(`${paint(io, 'bold', text)}\n`);
  const row = (label: string, value: string | undefined): void => {
    if (value !== undefined)
      io.out(`  ${label.padEnd(18)} ${printableUserText(value, maxValueChars)}\n`);
  };
  heading(`${printableUserText(file, maxPathChars)}: CarrierProvisioning`);
  row('carrier id', doc.global.carrierId);
  row('subscriber id', doc.global.subscriberId);
  row('device id', doc.global.deviceId);
  for (const profile of doc.profiles) {
    heading(`Profile ${quoteUserValue(profile.name)}`);
    row('plan', profile.associatedPlan);
    row('home provider', profile.homeProviderName);
    row('access string', profile.context?.accessString);
    row('user name', profile.context?.userLogonCred?.userName);
    row('password', profile.context?.userLogonCred?.password?.toString());
  }
  for (const plan of doc.plans) {
    heading(`Plan ${quoteUserValue(plan.name)}`);
    row('type', plan.planType);
    row(
      'data limit',
      plan.dataLimitMegabytes === undefined ? undefined : `${plan.dataLimitMegabytes} MB`,
    );
    row(
      'usage notices',
      plan.dataUsageNotificationsEnabled === undefined
        ? undefined
        : plan.dataUsageNotificationsEnabled
          ? 'on (DataPlanThresholdReached)'
          : 'off',
    );
  }
  doc.messageRules.forEach((rule, index) => showRule(io, heading, row, rule, index));
  if (doc.preserved.length > 0) {
    heading('Kept as written (not interpreted)');
    for (const p of doc.preserved.slice(0, maxPreservedShown))
      io.out(`  ${printableUserText(`${p.parent}/${p.element.name}`, maxValueChars)}\n`);
    if (doc.preserved.length > maxPreservedShown)
      io.out(`  … and ${doc.preserved.length - maxPreservedShown} more\n`);
  }
  if (doc.warnings.length > 0) {
    heading('Warnings');
    for (const w of doc.warnings)
      io.out(paint(io, 'yellow', `  ${w.line}:${w.column} ${w.message}\n`));
  }
}

function showRule(
  io: CliIo,
  heading: (text: string) => void,
  row: (label: string, value: string | undefined) => void,
  rule: MessageRule,
  index: number,
): void {
  heading(`Message ${printableUserText(describeRule(rule, index), maxValueChars)}`);
  row('delivery', rule.silent ? 'silent (operator app only)' : 'shown to the user too');
  for (const bearer of rule.bearers)
    row(
      'bearer',
      bearer.type === 'ussd'
        ? 'USSD'
        : `SMS from ${bearer.sender === undefined ? 'any sender' : quoteUserValue(bearer.sender)}${bearer.classZeroOnly ? ', class 0 only' : ''}`,
    );
  row('pattern', rule.pattern);
  row('locale', rule.locale);
  if (rule.units !== undefined)
    row(
      'units',
      Object.entries(rule.units)
        .map(([m, tokens]) => `${m}=${tokens.join('|')}`)
        .join(' '),
    );
  const fields = rule.fields;
  row('usage', amount(fields?.usage));
  row('usage percentage', percentage(fields?.usagePercentage));
  row('usage overage', amount(fields?.usageOverage));
  row('overage percentage', percentage(fields?.usageOveragePercentage));
  row('data limit', amount(fields?.dataLimit));
  const ts = fields?.usageTimestamp;
  row(
    'usage timestamp',
    ts === undefined ? undefined : `group ${ts.group}, format ${quoteUserValue(ts.format)}`,
  );
}

function amount(field: AmountField | undefined): string | undefined {
  if (field === undefined) return undefined;
  const unit =
    field.unitGroup !== undefined
      ? `, unit from group ${field.unitGroup}`
      : field.defaultUnit !== undefined
        ? `, in ${field.defaultUnit}`
        : '';
  return `group ${field.group}${unit}`;
}

function percentage(field: PercentageField | undefined): string | undefined {
  return field === undefined ? undefined : `group ${field.group}, in percent`;
}

function summary(doc: ProvisioningDocument): string {
  const count = (n: number, what: string): string => `${n} ${what}${n === 1 ? '' : 's'}`;
  return [
    count(doc.profiles.length, 'profile'),
    count(doc.plans.length, 'plan'),
    count(doc.messageRules.length, 'message rule'),
    count(doc.warnings.length, 'warning'),
  ].join(', ');
}
