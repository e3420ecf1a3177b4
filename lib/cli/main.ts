#!/usr/bin/env node
/**
 * The `wmbb` executable, and the CLI's top-level rule: once a command has ended — done, failed
 * with its error printed on one line, or stopped — the process exits with its code, whatever
 * timers or handles are left open. Ctrl+C (SIGINT) or SIGTERM always works: the first stops the
 * running command cleanly (watchers closed, checks answered) and exits with 130 (143 for
 * SIGTERM); should the command not have wound down within {@link stopGraceMs}, or on a second
 * signal, the process exits at once with that code. Nothing ends with a stack trace: a broken
 * pipe exits with 141, anything unexpected prints one line and exits with 1.
 *
 * @module
 */

import { processIo } from './cli-io.js';
import { describeError } from './describe-error.js';
import { runCli } from './program.js';

/** How long a stopped command may take to close what it opened. */
const stopGraceMs = 2000;
/** How long the exit waits for stdout and stderr to take what was written. */
const flushGraceMs = 2000;

const exitCodes = { SIGINT: 130, SIGTERM: 143 } as const;
/** 128 + SIGPIPE, what shells report for a writer whose reader went away (`wmbb demo | head -1`). */
const brokenPipeExitCode = 141;

const controller = new AbortController();
let stoppedWith: number | undefined;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stoppedWith !== undefined) process.exit(stoppedWith);
    stoppedWith = exitCodes[signal];
    controller.abort();
    setTimeout(() => exitAfterFlush(exitCodes[signal]), stopGraceMs);
  });
}

// The reader of our output went away: nobody can see more, and an unhandled 'error' event
// would end the process with a stack trace.
for (const stream of [process.stdout, process.stderr])
  stream.on('error', () => process.exit(brokenPipeExitCode));
// Whatever escapes a command (a bug, a value thrown by user code) is one line too, then exit 1.
for (const event of ['uncaughtException', 'unhandledRejection'] as const) {
  process.on(event, (error: unknown) => {
    process.stderr.write(`wmbb: unexpected error: ${describeError(error)}\n`);
    exitAfterFlush(1);
  });
}

runCli(process.argv.slice(2), { io: processIo(), signal: controller.signal }).then(
  (code) => exitAfterFlush(stoppedWith ?? code),
  (error: unknown) => {
    // runCli never rejects; should it ever, the rule still holds: one line, then exit.
    process.stderr.write(`wmbb: ${describeError(error)}\n`);
    exitAfterFlush(1);
  },
);

/** Exits once stdout and stderr have flushed (or after {@link flushGraceMs} if a reader stalls). */
function exitAfterFlush(code: number): void {
  process.exitCode = code;
  let pending = 2;
  const flushed = (): void => {
    pending -= 1;
    if (pending === 0) process.exit(code);
  };
  process.stdout.write('', flushed);
  process.stderr.write('', flushed);
  setTimeout(() => process.exit(code), flushGraceMs).unref();
}
