/**
 * `wmbb status [--json] [--watch] [--reveal]`: the machine's accounts and modems, the
 * `mmcli -m 0` of Windows.
 *
 * @module
 */

import type { Command } from 'commander';
import { connect } from '../../connect.js';
import { backendForCli, type CliContext, type GlobalOptions } from '../cli-context.js';
import { paint } from '../cli-io.js';
import { describeError } from '../describe-error.js';
import { formatStatus } from '../status/format-status.js';
import { createStatusFake } from '../status/status-fake.js';
import { readStatus, type StatusReport } from '../status/status-report.js';
import { untilAborted } from '../until-aborted.js';

interface StatusOptions {
  json?: boolean;
  watch?: boolean;
  reveal?: boolean;
}

/** Registers `status` on the program. */
export function registerStatus(
  program: Command,
  context: CliContext,
  done: (p: Promise<void>) => void,
): void {
  program
    .command('status')
    .description('show the modems, SIM, network, connection, data plan, eSIM and hotspot')
    .option('--json', 'one JSON object (schema/status.schema.json); NDJSON with --watch')
    .option('--watch', 'print again on each change (Ctrl+C to stop)')
    .option('--reveal', 'show IMEI, ICCID, IMSI, EID and phone numbers whole')
    .action((_options: StatusOptions, command: Command) => {
      done(status(context, command.optsWithGlobals<GlobalOptions & StatusOptions>()));
    });
}

async function status(context: CliContext, options: GlobalOptions & StatusOptions): Promise<void> {
  const { io } = context;
  const backend = await backendForCli(context, options, createStatusFake);
  const mbb = await connect({ backend });
  const reveal = options.reveal === true;
  const print = (report: StatusReport): void =>
    io.out(options.json === true ? `${JSON.stringify(report)}\n` : formatStatus(report));
  const read = (): Promise<StatusReport> =>
    readStatus(mbb, () => backend.tethering.status(), reveal);
  try {
    let last = await read();
    print(last);
    if (options.watch !== true) return;
    let reading = Promise.resolve();
    // Every notification this process can get is a change worth a new reading.
    mbb.notifications.on('notification', () => {
      reading = reading.then(async () => {
        const next = await read();
        if (JSON.stringify(next) === JSON.stringify(last)) return;
        last = next;
        if (options.json !== true) io.out('\n');
        print(next);
      });
      reading = reading.catch((error: unknown) =>
        io.err(paint(io, 'red', `wmbb: ${describeError(error)}\n`)),
      );
    });
    mbb.notifications.on('error', (error) =>
      io.err(paint(io, 'red', `wmbb: ${describeError(error)}\n`)),
    );
    await untilAborted(context.signal);
    await reading;
  } finally {
    await mbb.close();
  }
}
