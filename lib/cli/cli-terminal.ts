/**
 * The terminal behind the CLI, for the commands that ask questions or draw on it: whether
 * there is a person to ask (stdin and stderr are terminals), and the raw streams a prompt or a
 * progress bar needs. Tests pass their own; the default is the process's.
 *
 * @module
 */

import type { Readable, Writable } from 'node:stream';

/** Where prompts read and progress bars draw. */
export interface CliTerminal {
  /** What a prompt reads, and what `--…-stdin` options read. */
  readonly stdin: Readable;
  /** Where prompts and progress bars draw (never stdout, which may be JSON for a script). */
  readonly stderr: Writable;
  /** True when a person can answer: stdin and stderr are both terminals. */
  readonly interactive: boolean;
  /** True when stderr is a terminal: a progress bar may redraw itself there. */
  readonly stderrIsTty: boolean;
}

/** The process's own terminal. */
export function processTerminal(): CliTerminal {
  const stderrIsTty = process.stderr.isTTY === true && process.env.TERM !== 'dumb';
  return {
    stdin: process.stdin,
    stderr: process.stderr,
    interactive: process.stdin.isTTY === true && stderrIsTty,
    stderrIsTty,
  };
}
