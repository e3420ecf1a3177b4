/**
 * `wmbb portal <url> [--allow-origin <origin>…] [--headless] [--scenario <file>] [--json]`: opens an operator's
 * portal in Chromium with the Mobile Plans objects, on the fake (off Windows, or `--fake`) or
 * the native backend, and prints every call the portal makes and every callback it receives,
 * as a timeline or NDJSON, until the browser is closed or Ctrl+C.
 *
 * @module
 */

import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import type * as Playwright from 'playwright-core';
import { MobileBroadbandError } from '../../errors.js';
import { importModule } from '../../import-module.js';
import { createFakeBackend, FakeBackend } from '../../fake/fake-backend.js';
import { readScenarioFile } from '../../fake/scenario/read-scenario-file.js';
import path from 'node:path';
import { connect } from '../../connect.js';
import { originOf } from '../../mobile-plans/allowed-origins.js';
import { attachMobilePlans } from '../../mobile-plans/attach-mobile-plans.js';
import {
  createMobilePlansHost,
  type MobilePlansEvent,
} from '../../mobile-plans/mobile-plans-host.js';
import { quoteUserValue } from '../../text/quote-user-value.js';
import { backendForCli, type CliContext, type GlobalOptions } from '../cli-context.js';
import { processTerminal } from '../cli-terminal.js';
import { askYesNo } from '../esim/ask.js';

interface PortalOptions {
  allowOrigin?: string[];
  scenario?: string;
  headless?: boolean;
  json?: boolean;
}

/** Where a system Chromium is looked for, after `WMBB_CHROMIUM`. */
const chromiumPaths = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
const installHint =
  'wmbb portal: no Chromium found; install one (Debian: apt-get install chromium) or set WMBB_CHROMIUM to its path';

/** The fake's eSIM, so a portal's download has somewhere to go. */
const fakeEid = '89049032123451234512345678901235';

/** Registers `portal` on the program. */
export function registerPortal(
  program: Command,
  context: CliContext,
  done: (p: Promise<void>) => void,
): void {
  program
    .command('portal')
    .description(
      "open an operator's Mobile Plans portal in Chromium and print its calls and callbacks",
    )
    .argument('<url>', 'the portal page (http or https)')
    .option(
      '--allow-origin <origin...>',
      "origins whose calls are honoured (default: the URL's own)",
    )
    .option('--headless', 'run Chromium without a window')
    .option(
      '--scenario <file>',
      'play a scenario on the fake once the portal is open (with --fake)',
    )
    .option('--json', 'one JSON object per record (NDJSON)')
    .action((url: string, _options: PortalOptions, command: Command) => {
      done(portal(context, url, command.optsWithGlobals<GlobalOptions & PortalOptions>()));
    });
}

/** The browser to use: `WMBB_CHROMIUM`, else a system Chromium; `undefined` when there is none. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const given = env.WMBB_CHROMIUM;
  if (given !== undefined && given !== '') return existsSync(given) ? given : undefined;
  return chromiumPaths.find((p) => existsSync(p));
}

async function portal(
  context: CliContext,
  url: string,
  options: GlobalOptions & PortalOptions,
): Promise<void> {
  const { io } = context;
  const own = originOf(url);
  if (own === undefined) {
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      `wmbb portal <url>: ${quoteUserValue(url)} is not an http or https URL`,
    );
  }
  const executablePath = findChromium();
  if (executablePath === undefined)
    throw new MobileBroadbandError('ERR_NOT_SUPPORTED', installHint);
  let playwright: typeof Playwright;
  try {
    playwright = await importModule<typeof Playwright>('playwright-core');
  } catch {
    throw new MobileBroadbandError(
      'ERR_NOT_SUPPORTED',
      'wmbb portal: playwright-core is not installed; run npm install playwright-core',
    );
  }
  // Read first: a bad scenario fails before a browser opens.
  const scenario =
    options.scenario === undefined ? undefined : await readScenarioFile(options.scenario);
  const backend = await backendForCli(context, options, () => {
    const fake = createFakeBackend();
    fake.esim.insert({ eid: fakeEid });
    return fake;
  });
  if (scenario !== undefined && !(backend instanceof FakeBackend)) {
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      'wmbb portal --scenario plays on the fake backend: add --fake',
    );
  }
  // The fake's virtual clock follows real time, so the portal's delays play as a user sees
  // them; a scenario's steps move it on at once, as `wmbb simulate` does.
  const ticker =
    backend instanceof FakeBackend ? setInterval(() => backend.clock.advance(100), 100) : undefined;
  const mbb = await connect({ backend });
  const host = createMobilePlansHost({ mbb, allowedOrigins: options.allowOrigin ?? [own] });
  const print = (record: MobilePlansEvent | { kind: string; [k: string]: unknown }): void => {
    if (options.json === true)
      io.out(`${JSON.stringify({ time: new Date(mbb.clock.now()).toISOString(), ...record })}\n`);
    else
      io.out(`${new Date(mbb.clock.now()).toISOString().slice(11, 19)}  ${timelineOf(record)}\n`);
  };
  host.on('event', print);
  const terminal = context.terminal ?? processTerminal();
  host.on('downloadReady', (prompt) => {
    print({ kind: 'downloadReady', operationId: prompt.operationId, planName: prompt.planName });
    if (!terminal.interactive) return prompt.accept();
    askYesNo(
      terminal,
      `Download the profile of ${quoteUserValue(prompt.planName)} now?`,
      context.signal,
    ).then(
      (yes) => (yes ? prompt.accept() : prompt.decline()),
      () => prompt.decline(),
    );
  });
  const browser = await playwright.chromium.launch({
    executablePath,
    headless: options.headless === true,
  });
  try {
    const page = await browser.newPage();
    await attachMobilePlans(page, host);
    await page.goto(url);
    print({ kind: 'opened', url: own });
    if (scenario !== undefined && backend instanceof FakeBackend) {
      void backend
        .play(scenario, {
          baseDir: path.dirname(path.resolve(options.scenario!)),
          onStep: (step) => print({ kind: 'step', step: step.step, action: step.action }),
          ...(context.signal === undefined ? {} : { signal: context.signal }),
        })
        .catch((error: unknown) =>
          print({
            kind: 'scenarioFailed',
            reason: error instanceof Error ? error.message : String(error),
          }),
        );
    }
    await new Promise<void>((resolve) => {
      page.on('close', () => resolve());
      browser.on('disconnected', () => resolve());
      context.signal?.addEventListener('abort', () => resolve(), { once: true });
    });
  } finally {
    if (ticker !== undefined) clearInterval(ticker);
    await host.close();
    await browser.close().catch(() => undefined);
    await mbb.close();
  }
}

function timelineOf(record: { kind: string; [k: string]: unknown }): string {
  const { kind, ...rest } = record;
  const fields = Object.entries(rest)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`);
  return [kind.padEnd(13), ...fields].join(' ');
}
