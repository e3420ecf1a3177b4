/**
 * Where the CLI writes, so commands can be run and checked in-process by tests.
 *
 * @module
 */

import { styleText } from 'node:util';
import { terminalSafe } from './terminal-safe.js';

/** Text output of the CLI. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Whether to colour the output. */
  readonly color: boolean;
}

/**
 * The process's stdout/stderr; colour only on a terminal and without NO_COLOR. Every write
 * passes through {@link terminalSafe}: no control character reaches the terminal raw but line
 * breaks, tabs and the CLI's own colours.
 */
export function processIo(): CliIo {
  const color =
    process.stdout.isTTY === true && !process.env.NO_COLOR && process.env.TERM !== 'dumb';
  return {
    out: (text) => void process.stdout.write(terminalSafe(text, color)),
    err: (text) => void process.stderr.write(terminalSafe(text, color)),
    color,
  };
}

/** Styles text when the output takes colour. */
export function paint(io: CliIo, style: Parameters<typeof styleText>[0], text: string): string {
  return io.color ? styleText(style, text) : text;
}
