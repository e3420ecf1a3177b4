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
import { describeAdvice, describeError, maxErrorLineChars } from './describe-error.js';
import { boundLines } from './terminal-safe.js';

/** Adds one top-level command (and its subcommands) to the program. */
type RegisterCommand = (
  program: Command,
  context: CliContext,
  done: (running: Promise<void>) => void,
) => void;

/**
 * Each top-level command's module, in the order help lists them. Only the module of the
 * command being run is loaded (a command's module loads what it uses: the fake, the eSIM
 * code, the XML parser); help and unknown commands load them all.
 */
const commandModules: Record<string, () => Promise<RegisterCommand>> = {
  status: async () => (await import('./commands/status.js')).registerStatus,
  watch: async () => (await import('./commands/watch.js')).registerWatch,
  demo: async () => (await import('./commands/demo.js')).registerDemo,
  simulate: async () => (await import('./commands/simulate.js')).registerSimulate,
  provision: async () => (await import('./commands/provision.js')).registerProvision,
  messages: async () => (await import('./commands/messages.js')).registerMessages,
  esim: async () => (await import('./commands/esim.js')).registerEsim,
  hotspot: async () => (await import('./commands/hotspot.js')).registerHotspot,
  package: async () => (await import('./commands/package-manifest.js')).registerPackage,
  serve: async () => (await import('./commands/serve.js')).registerServe,
  ussd: async () => (await import('./commands/ussd.js')).registerUssd,
  portal: async () => (await import('./commands/portal.js')).registerPortal,
};

/** The modules to load for `argv`: the named command's, or all of them. */
function commandsFor(argv: readonly string[]): (() => Promise<RegisterCommand>)[] {
  // The global options take no values, so the first word that is not an option is the command.
  const first = argv.find((arg) => !arg.startsWith('-'));
  if (argv.some((arg) => arg === '-v' || arg === '--version') && first === undefined) return [];
  if (first !== undefined && Object.hasOwn(commandModules, first)) return [commandModules[first]!];
  return Object.values(commandModules);
}

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
  for (const register of await Promise.all(commandsFor(argv).map((load) => load())))
    register(program, context, done);

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
