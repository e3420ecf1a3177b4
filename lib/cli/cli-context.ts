/**
 * What a CLI command runs with: its output, the backend to use (tests pass a fake), and a
 * signal that stops long-running commands.
 *
 * @module
 */

import type { Backend } from '../backend.js';
import { connect, defaultBackendName } from '../connect.js';
import { createFakeBackend } from '../fake/fake-backend.js';
import { createNativeBackend } from '../native/native-backend.js';
import type { MobileBroadband } from '../mobile-broadband.js';
import type { CliIo } from './cli-io.js';
import { paint } from './cli-io.js';
import type { CliTerminal } from './cli-terminal.js';

/** The environment of one CLI run. */
export interface CliContext {
  io: CliIo;
  /** A backend to use instead of the default (tests). */
  backend?: Backend;
  /** Stops long-running commands such as `watch` (Ctrl+C in a terminal). */
  signal?: AbortSignal;
  /** Where prompts read and progress bars draw; the process's terminal when absent. */
  terminal?: CliTerminal;
}

/** Global options every command sees. */
export interface GlobalOptions {
  fake?: boolean;
}

/**
 * Connects the way the CLI does: the given backend, the fake with `--fake`, else the platform
 * default. Off Windows it says once, on stderr, that it uses the fake.
 */
export async function connectForCli(
  context: CliContext,
  options: GlobalOptions,
): Promise<MobileBroadband> {
  return connect({ backend: await backendForCli(context, options) });
}

/**
 * The backend the CLI uses (see {@link connectForCli}); `makeFake` makes the fake when the
 * CLI picks one itself (a command may want a fake with something to show).
 */
export async function backendForCli(
  context: CliContext,
  options: GlobalOptions,
  makeFake: () => Promise<Backend> | Backend = () => createFakeBackend(),
): Promise<Backend> {
  if (context.backend !== undefined) return context.backend;
  if (options.fake === true) return await makeFake();
  if (defaultBackendName() === 'fake') {
    context.io.err(
      paint(
        context.io,
        'yellow',
        'wmbb: not on Windows, using the fake backend (a simulated Windows with no events of its own; see `wmbb demo`)\n',
      ),
    );
    return await makeFake();
  }
  return await createNativeBackend();
}
