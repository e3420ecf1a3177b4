/**
 * `wmbb esim …`: the eSIMs from the command line — list, watch, download, enable, disable,
 * delete, nickname, reset, discover — each with `--json`. The commands live in `esim-*.ts`
 * beside this file; this file only declares them.
 *
 * @module
 */

import type { Command } from 'commander';
import { Option } from 'commander';
import type { CliContext } from '../cli-context.js';
import { demoCodes, demoConfirmationCode } from '../esim/esim-fake.js';
import { esimChangeCommands } from './esim-change-commands.js';
import { esimDiscover, type EsimDiscoverOptions } from './esim-discover.js';
import { esimDownload, type EsimDownloadOptions } from './esim-download.js';
import { esimIds, type EsimIdsOptions } from './esim-ids.js';
import { esimList, esimWatch } from './esim-list.js';
import type { EsimCommonOptions } from '../esim/esim-session.js';

type Done = (p: Promise<void>) => void;

/** Registers `esim` and its commands on the program. */
export function registerEsim(program: Command, context: CliContext, done: Done): void {
  const esim = program
    .command('esim')
    .description('list, watch, download, enable, disable, delete, rename and reset eSIM profiles')
    .addHelpText(
      'after',
      `
Profiles are named by their number in "wmbb esim list" (or their whole ICCID); with several
eSIMs, pick one with --esim <number|EID>. EIDs and ICCIDs are masked unless --reveal.

Off Windows (or with --fake) the commands run on a fake with one eSIM, and these codes:
  ${demoCodes.plain.padEnd(52)}installs in about 2 s
  ${demoCodes.confirmation.padEnd(52)}needs the confirmation code ${demoConfirmationCode}
  ${demoCodes.slow.padEnd(52)}takes 2 minutes (try Ctrl+C)
`,
    );

  output(esim.command('list'))
    .description('the eSIMs and their profiles')
    .action(run(done, (o) => esimList(context, o)));

  output(esim.command('watch'))
    .description('print the eSIMs as they appear and change (NDJSON with --json; Ctrl+C to stop)')
    .action(run(done, (o) => esimWatch(context, o)));

  common(esim.command('download'))
    .argument('<activation-code>', 'the code from the operator (LPA:1$<SM-DP+>$<matching id>…)')
    .description('show the profile an activation code offers, then install it, with progress')
    .option(
      '--confirmation-code-stdin',
      'read the confirmation code from stdin, when the profile needs one (never from the arguments)',
    )
    .option('-y, --yes', 'install without asking')
    .option(
      '--via-settings',
      "where this process may not manage eSIMs, open Windows Settings' activation flow for the code (Windows 11 24H2+)",
    )
    // Accepted only to refuse it without echoing the code (see esim-download.ts).
    .addOption(new Option('--confirmation-code <code>').hideHelp())
    .action(
      (code: string, _o: unknown, command: Command) =>
        void done(esimDownload(context, code, command.optsWithGlobals<EsimDownloadOptions>())),
    );

  esimChangeCommands(esim, context, done, common);

  output(esim.command('ids'))
    .description(
      "open Windows' consent dialog that shares the EID, IMEI, ICCID, make and model (Windows 11 24H2+)",
    )
    .option(
      '--callback-url <url>',
      'an https: URL Windows opens with {eid} {imei} {iccid} {make} {model} filled in',
    )
    .action(run<EsimIdsOptions>(done, (o) => esimIds(context, o)));

  common(esim.command('discover'))
    .description('ask the SM-DS (or --server) what waits for this eSIM')
    .option('--server <address>', 'the SM-DP+ or SM-DS to ask instead of the default SM-DS')
    .option('--matching-id <id>', 'the matching id to ask --server about')
    .option('--install', 'install the profile the server offers')
    .option('--confirmation-code-stdin', 'with --install: read the confirmation code from stdin')
    .option('-y, --yes', 'with --install: install without asking')
    .action(run<EsimDiscoverOptions>(done, (o) => esimDiscover(context, o)));
}

/** The output options every eSIM command takes. */
function output(command: Command): Command {
  return command
    .option('--json', 'JSON output (one object per line)')
    .option('--reveal', 'show EIDs, ICCIDs and matching ids whole');
}

/** The options of a command that acts on one eSIM. */
function common(command: Command): Command {
  return output(command).addOption(
    new Option('--esim <number|EID>', 'the eSIM to act on (when there are several)'),
  );
}

/** An action taking only options. */
function run<O extends EsimCommonOptions>(
  done: Done,
  body: (options: O) => Promise<void>,
): (...args: unknown[]) => void {
  return (...args) => {
    const command = args[args.length - 1] as Command;
    done(body(command.optsWithGlobals<O>()));
  };
}
