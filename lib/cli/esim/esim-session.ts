/**
 * What every `wmbb esim` command does around its own work: connect (the CLI's eSIM fake with
 * `--fake` or off Windows, see `esim-fake.ts`), find the eSIM it acts on, close the connection
 * whatever happens, and with `--json` end a failure with an NDJSON `error` line on stdout (the
 * one-line message and its advice still go to stderr, through the program).
 *
 * @module
 */

import type { EsimInfo } from '../../backend.js';
import { connect } from '../../connect.js';
import { isMobileBroadbandError } from '../../errors.js';
import type { MobileBroadband } from '../../mobile-broadband.js';
import { backendForCli, type CliContext, type GlobalOptions } from '../cli-context.js';
import { processTerminal, type CliTerminal } from '../cli-terminal.js';
import { describeError } from '../describe-error.js';
import { createEsimFake } from './esim-fake.js';
import { selectEsim } from './esim-select.js';
import { identify, type Identify } from '../identify.js';

/** Options every `wmbb esim` command takes. */
export interface EsimCommonOptions extends GlobalOptions {
  json?: boolean;
  reveal?: boolean;
  /** The eSIM: its number in `wmbb esim list`, or its EID. */
  esim?: string;
}

/** What a command's body gets. */
export interface EsimSession {
  readonly mbb: MobileBroadband;
  readonly context: CliContext;
  readonly terminal: CliTerminal;
  readonly signal: AbortSignal | undefined;
  readonly id: Identify;
  /** Writes one NDJSON line on stdout. */
  json(value: Record<string, unknown>): void;
  /** The eSIM the command acts on (`--esim`, or the only one), read now. */
  target(): Promise<EsimInfo>;
}

export async function runEsimCommand(
  context: CliContext,
  options: EsimCommonOptions,
  body: (session: EsimSession) => Promise<void>,
): Promise<void> {
  const { io } = context;
  try {
    const backend = await backendForCli(context, options, createEsimFake);
    const mbb = await connect({ backend });
    const signal = context.signal;
    const session: EsimSession = {
      mbb,
      context,
      terminal: context.terminal ?? processTerminal(),
      signal,
      id: identify(options.reveal === true),
      json: (value) => io.out(`${JSON.stringify(value)}\n`),
      target: async () =>
        selectEsim(await mbb.esim.list(signal === undefined ? {} : { signal }), options.esim),
    };
    try {
      await body(session);
    } finally {
      await mbb.close();
    }
  } catch (error) {
    if (options.json === true && !isMobileBroadbandError(error, 'ERR_ABORTED'))
      io.out(`${JSON.stringify({ event: 'error', error: errorJson(error) })}\n`);
    throw error;
  }
}

function errorJson(error: unknown): Record<string, unknown> {
  if (isMobileBroadbandError(error)) {
    const { code, message, details } = error;
    const { status, advice } = details ?? {};
    return {
      code,
      message,
      ...(typeof status === 'string' ? { status } : {}),
      ...(typeof advice === 'object' && advice !== null ? { advice } : {}),
    };
  }
  return { message: describeError(error) };
}

/** `{ signal }` for an API call, or nothing when the command has no signal. */
export function withSignal(session: EsimSession): { signal?: AbortSignal } {
  return session.signal === undefined ? {} : { signal: session.signal };
}
