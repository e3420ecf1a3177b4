/**
 * Where the CLI writes, so commands can be run and checked in-process by tests.
 *
 * @module
 */

import { styleText } from 'node:util';

/** Text output of the CLI. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Whether to colour the output. */
  readonly color: boolean;
}

/** The process's stdout/stderr; colour only on a terminal and without NO_COLOR. */
export function processIo(): CliIo {
  return {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    color: process.stdout.isTTY === true && !process.env.NO_COLOR && process.env.TERM !== 'dumb',
  };
}

/** Styles text when the output takes colour. */
export function paint(io: CliIo, style: Parameters<typeof styleText>[0], text: string): string {
  return io.color ? styleText(style, text) : text;
}
