/**
 * The `wmbb` program: commands, global options, and how errors become exit codes.
 *
 * @module
 */

import { Command, CommanderError } from 'commander';
import { isMobileBroadbandError } from '../errors.js';
import { packageVersion } from '../package-info.js';
import type { CliContext } from './cli-context.js';
import { paint } from './cli-io.js';
import { registerDemo } from './commands/demo.js';
import { registerEsim } from './commands/esim.js';
import { registerHotspot } from './commands/hotspot.js';
import { registerSimulate } from './commands/simulate.js';
import { registerMessages } from './commands/messages.js';
import { registerPackage } from './commands/package-manifest.js';
import { registerProvision } from './commands/provision.js';
import { registerServe } from './commands/serve.js';
import { registerStatus } from './commands/status.js';
import { registerUssd } from './commands/ussd.js';
import { registerWatch } from './commands/watch.js';
import { describeAdvice, describeError, maxErrorLineChars } from './describe-error.js';
import { boundLines } from './terminal-safe.js';

/** What COM appends to a local server's command line. */
const embeddingFlag = /^[-/]embedding$/i;

/** The exit code of a command stopped by its signal (Ctrl+C): 128 + SIGINT, as shells expect. */
export const interruptedExitCode = 130;

/**
 * Runs `wmbb` with `argv` (without the node and script paths); resolves with the exit code:
 * 0 success, 1 failure (the error printed on one line), 2 usage error, 130 stopped through
 * `context.signal` (Ctrl+C). Never rejects.
 */
export async function runCli(argv: readonly string[], context: CliContext): Promise<number> {
  const { io } = context;
  // COM starts a local server with `-Embedding` (or `/Embedding`) after the registered command
  // line (`wmbb serve …`); it means nothing to the CLI.
  argv = argv.filter((arg) => !embeddingFlag.test(arg));
  let running: Promise<void> | undefined;
  const done = (p: Promise<void>): void => void (running = p);

  const program = new Command('wmbb')
    .description(
      'Windows Mobile Broadband from the command line: operator notifications, eSIM, tethering, USSD, provisioning',
    )
    .version(packageVersion(), '-v, --version')
    .option('--fake', 'use the fake backend (a simulated Windows) even on Windows')
    .showHelpAfterError('(run wmbb --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.out(s),
      writeErr: (s) => io.err(s),
      // Usage errors quote the arguments: escaped and bounded like every other message.
      outputError: (s, write) => write(paint(io, 'red', boundLines(s, maxErrorLineChars))),
    });
  registerStatus(program, context, done);
  registerWatch(program, context, done);
  registerDemo(program, context, done);
  registerSimulate(program, context, done);
  registerProvision(program, context, done);
  registerMessages(program, context, done);
  registerEsim(program, context, done);
  registerHotspot(program, context, done);
  registerPackage(program, context, done);
  registerServe(program, context, done);
  registerUssd(program, context, done);

  try {
    await program.parseAsync(argv, { from: 'user' });
    if (running === undefined && argv.length === 0) {
      program.outputHelp();
      return 0;
    }
    await running;
    return context.signal?.aborted === true ? interruptedExitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through here with exit code 0.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (
      isMobileBroadbandError(error, 'ERR_ABORTED') &&
      (context.signal?.aborted === true || error.details?.byUser === true)
    )
      return interruptedExitCode;
    io.err(paint(io, 'red', `wmbb: ${describeError(error)}\n`));
    const advice = describeAdvice(error);
    if (advice !== undefined) io.err(`  ${advice}\n`);
    return context.signal?.aborted === true ? interruptedExitCode : 1;
  }
}
