/**
 * `wmbb serve`: what COM starts (with `-Embedding`, which runCli drops) when a Windows event
 * comes for the operator's app and no process serves its events. It loads the app's handler
 * module, serves the operator events to it, prints one line per notification delivered and
 * exits 0 after `--idle-ms` without a record and with no entitlement check waiting.
 *
 * @module
 */

import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { defaultBackendName } from '../../connect.js';
import { MobileBroadbandError } from '../../errors.js';
import { importModule } from '../../import-module.js';
import { describeValue } from '../../events/describe-value.js';
import { createNativeBackend } from '../../native/native-backend.js';
import {
  defaultServeIdleMs,
  serveOperatorEvents,
  type OperatorEventsHandler,
} from '../../serve-operator-events.js';
import { maxTimerDelayMs } from '../../time-values.js';
import { backendForCli, type CliContext, type GlobalOptions } from '../cli-context.js';
import { paint } from '../cli-io.js';
import { describeError } from '../describe-error.js';
import { identify } from '../identify.js';
import { serveJsonLine, serveTimelineLine } from '../serve-output.js';
import { quoteUserValue } from '../../text/quote-user-value.js';

interface ServeOptions {
  handler?: string;
  idleMs?: string;
  json?: boolean;
  reveal?: boolean;
}

/** Registers `serve` on the program. */
export function registerServe(
  program: Command,
  context: CliContext,
  done: (p: Promise<void>) => void,
): void {
  program
    .command('serve')
    .description(
      "serve the operator app's events (what COM starts with -Embedding); exits when idle",
    )
    .option(
      '--handler <module>',
      'a module whose default export (or setup) takes the connection and adds listeners',
    )
    .option('--idle-ms <n>', `exit after this long without events (default ${defaultServeIdleMs})`)
    .option('--json', 'one JSON object per line (NDJSON)')
    .option('--reveal', 'show account ids and SMS senders whole')
    .action((_options: ServeOptions, command: Command) => {
      done(serve(context, command.optsWithGlobals<GlobalOptions & ServeOptions>()));
    });
}

async function serve(context: CliContext, options: GlobalOptions & ServeOptions): Promise<void> {
  const { io } = context;
  const idleMs = parseIdleMs(options.idleMs);
  const handler =
    options.handler === undefined ? undefined : await loadHandler(options.handler, process.cwd());
  const backend =
    context.backend !== undefined || options.fake === true || defaultBackendName() === 'fake'
      ? await backendForCli(context, options)
      : await createNativeBackend({ operatorEvents: 'serve' });
  const id = identify(options.reveal === true);
  const result = await serveOperatorEvents({
    backend,
    idleMs,
    // A backend the embedding program gives (a test's fake) brings its own clock, so its idle
    // end is played, not waited for; the CLI's own backends idle on the system clock.
    ...(context.backend === undefined ? {} : { idleClock: context.backend.clock }),
    ...(handler === undefined ? {} : { handler }),
    ...(context.signal === undefined ? {} : { signal: context.signal }),
    onError: (error) => io.err(paint(io, 'red', `wmbb: ${describeError(error)}\n`)),
    onNotification: (n) => {
      const print = (): void =>
        io.out(options.json ? serveJsonLine(n, id) : serveTimelineLine(io, n, id));
      // An entitlement check is printed once answered, so its line carries the answer.
      if (n.type === 'tetheringEntitlementCheck') void n.answered.then(print);
      else print();
    },
    onServing: () =>
      io.err(
        paint(
          io,
          'dim',
          `serving operator events on the ${backend.name} backend; exits after ${idleMs} ms without events\n`,
        ),
      ),
  });
  io.err(
    paint(
      io,
      'dim',
      `served ${result.delivered} notification(s); ${result.ended === 'idle' ? `idle for ${idleMs} ms` : 'stopped'}\n`,
    ),
  );
}

function parseIdleMs(text: string | undefined): number {
  if (text === undefined) return defaultServeIdleMs;
  const value = /^\d{1,10}$/.test(text) ? Number(text) : Number.NaN;
  if (!(value >= 1 && value <= maxTimerDelayMs)) {
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      `--idle-ms must be a whole number of milliseconds from 1 to ${maxTimerDelayMs}, got ${quoteUserValue(text, 40)}`,
    );
  }
  return value;
}

/**
 * Where `--handler` is: an absolute path as given; a relative one against the working
 * directory, then against the executable's directory (COM starts a server in the system
 * directory, so a packaged app's handler sits beside its executable).
 */
export function resolveHandlerPath(
  spec: string,
  cwd: string,
  executableDir: string = dirname(process.execPath),
): string {
  if (isAbsolute(spec)) {
    if (existsSync(spec)) return spec;
  } else {
    for (const base of [cwd, executableDir]) {
      const candidate = resolve(base, spec);
      if (existsSync(candidate)) return candidate;
    }
  }
  throw new MobileBroadbandError(
    'ERR_INVALID_ARGUMENT',
    `--handler ${quoteUserValue(spec, 200)}: no such file${isAbsolute(spec) ? '' : ` in ${quoteUserValue(cwd, 200)} or ${quoteUserValue(executableDir, 200)}`}`,
  );
}

/** Loads the handler module: its default export if a function, else its `setup` function. */
async function loadHandler(spec: string, cwd: string): Promise<OperatorEventsHandler> {
  const file = resolveHandlerPath(spec, cwd);
  let loaded: unknown;
  try {
    loaded = await importModule<unknown>(pathToFileURL(file).href);
  } catch (error) {
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      `--handler ${quoteUserValue(spec, 200)} failed to load: ${describeValue(error)}`,
      { cause: error },
    );
  }
  const handler = pickHandler(loaded);
  if (handler === undefined) {
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      `--handler ${quoteUserValue(spec, 200)} exports neither a default function nor a setup function`,
    );
  }
  return handler;
}

function pickHandler(module: unknown): OperatorEventsHandler | undefined {
  const exports = module as { default?: unknown; setup?: unknown } | undefined;
  const candidates = [
    exports?.default,
    exports?.setup,
    (exports?.default as { setup?: unknown } | undefined)?.setup,
    (exports?.default as { default?: unknown } | undefined)?.default,
  ];
  return candidates.find((c): c is OperatorEventsHandler => typeof c === 'function');
}
