/**
 * `wmbb simulate <scenario.json>`: plays a scenario on the fake backend, with the CLI as the
 * operator app, and prints the notifications as a timeline (or NDJSON).
 *
 * @module
 */

import path from 'node:path';
import type { Command } from 'commander';
import type { EsimInfo } from '../../backend.js';
import { connect } from '../../connect.js';
import type { MobileBroadband } from '../../mobile-broadband.js';
import { createFakeBackend } from '../../fake/fake-backend.js';
import type { StepReport } from '../../fake/scenario/play-scenario.js';
import type { Scenario } from '../../fake/scenario/scenario-types.js';
import { readScenarioFile } from '../../fake/scenario/read-scenario-file.js';
import type { Notification } from '../../notifications/notification.js';
import { createRegistrationTracker } from '../../notifications/registration-tracker.js';
import type { CliContext } from '../cli-context.js';
import { describeError } from '../describe-error.js';
import { paint, type CliIo } from '../cli-io.js';
import { clockTime, jsonLine, shown, timelineLine } from '../format-notification.js';
import { esimJson } from '../esim/esim-view.js';
import { identify } from '../identify.js';
import { printableUserText } from '../../text/quote-user-value.js';

export interface SimulateOptions {
  json?: boolean;
  /** Show EIDs and ICCIDs whole (masked otherwise, as everywhere in the CLI). */
  reveal?: boolean;
}

/** The --reveal option of `simulate` and `demo`. */
export const revealOption = ['--reveal', 'show EIDs and ICCIDs whole'] as const;

/** Registers `simulate` on the program. */
export function registerSimulate(
  program: Command,
  context: CliContext,
  done: (p: Promise<void>) => void,
): void {
  program
    .command('simulate')
    .description(
      'play a scenario file on the fake backend and print the notifications as a timeline',
    )
    .argument('<scenario>', 'a scenario JSON file (see schema/scenario.schema.json)')
    .option('--json', 'one JSON object per line (NDJSON)')
    .option(...revealOption)
    .action((file: string, options: SimulateOptions) => done(simulateFile(context, file, options)));
}

/** Reads, validates and plays a scenario file. */
export async function simulateFile(
  context: CliContext,
  file: string,
  options: SimulateOptions,
): Promise<void> {
  const scenario = await readScenarioFile(file);
  await simulate(context, scenario, path.dirname(path.resolve(file)), options);
}

/** Plays a validated scenario with the CLI acting as the operator app. */
export async function simulate(
  context: CliContext,
  scenario: Scenario,
  baseDir: string,
  options: SimulateOptions,
): Promise<void> {
  const { io } = context;
  const fake = createFakeBackend(
    scenario.start === undefined ? {} : { startTime: new Date(scenario.start) },
  );
  const app = scenario.app ?? {};
  const mbb = await connect({
    backend: fake,
    entitlement: { timeoutMs: app.entitlementTimeoutMs ?? 10_000 },
  });
  const tracker = createRegistrationTracker();
  if (!options.json) {
    io.out(
      paint(
        io,
        'bold',
        `${shown(scenario.name ?? 'Scenario')}${scenario.description ? ` — ${printableUserText(scenario.description, 500)}` : ''}\n`,
      ),
    );
  }
  mbb.notifications.on('error', (error) =>
    io.err(paint(io, 'red', `wmbb: ${describeError(error)}\n`)),
  );
  mbb.notifications.on('notification', (n: Notification) => {
    const change = tracker.update(n);
    if (options.json) {
      if (n.type !== 'tetheringEntitlementCheck') io.out(jsonLine(n));
      return;
    }
    if (n.type === 'tetheringEntitlementCheck') return; // printed once answered, below
    io.out(timelineLine(io, n));
    if (change !== undefined) {
      io.out(
        paint(
          io,
          'green',
          `${' '.repeat(20)}↳ tell the user once: ${change.to === 'roaming' ? 'you are roaming' : 'back on the home network'}\n`,
        ),
      );
    }
  });
  mbb.notifications.on('tetheringEntitlementCheck', (check) => {
    void check.answered.then(() =>
      io.out(options.json ? jsonLine(check) : timelineLine(io, check)),
    );
    const policy = app.entitlement ?? 'allow';
    if (policy === 'ignore') return;
    const roaming = tracker.state(check.networkAccountId ?? check.interfaceId ?? '') === 'roaming';
    const allow = policy === 'allow' || (policy === 'allowAtHome' && !roaming);
    const reason =
      app.denyReason ??
      (policy === 'allowAtHome'
        ? 'Tethering is not included in your plan while roaming'
        : 'Your plan does not include tethering');
    return check.authorize(allow, allow ? undefined : reason);
  });

  if (scenario.steps.some((step) => step.action.startsWith('esim'))) {
    watchEsims(io, mbb, () => new Date(fake.clock.now()), options);
  }

  try {
    await untilAborted(
      fake.play(scenario, {
        baseDir,
        onStep: (step) => {
          if (!options.json) printStep(io, step);
        },
        ...(context.signal === undefined ? {} : { signal: context.signal }),
      }),
      context.signal,
    );
  } finally {
    await mbb.close();
  }
}

/**
 * `playing`, or less once `signal` aborts (Ctrl+C): the scenario stops being watched, its
 * later failure (the backend closed under it) is nobody's concern.
 */
async function untilAborted(
  playing: Promise<unknown>,
  signal: AbortSignal | undefined,
): Promise<void> {
  if (signal === undefined) {
    await playing;
    return;
  }
  playing.catch(() => undefined);
  if (signal.aborted) return;
  const aborted = new Promise<void>((resolve) =>
    signal.addEventListener('abort', () => resolve(), { once: true }),
  );
  await Promise.race([playing, aborted]);
}

/** How many profiles of one eSIM a timeline line names. */
const maxProfilesShown = 8;

/** Prints what an eSIM watcher (as the operator app would run) sees. */
function watchEsims(
  io: CliIo,
  mbb: MobileBroadband,
  now: () => Date,
  options: SimulateOptions,
): void {
  const watcher = mbb.esim.watch();
  const id = identify(options.reveal === true);
  for (const event of ['added', 'updated', 'removed'] as const) {
    watcher.on(event, (esim: EsimInfo) => {
      if (options.json) {
        const json = { esimEvent: event, timestamp: now(), esim: esimJson(esim, id) };
        io.out(`${JSON.stringify(json)}\n`);
        return;
      }
      const profiles = esim.profiles
        .slice(0, maxProfilesShown)
        .map((p) => `${p.providerName ? shown(p.providerName) : id(p.id)} ${p.state}`)
        .join(', ');
      const more =
        esim.profiles.length > maxProfilesShown
          ? `, ${esim.profiles.length - maxProfilesShown} more`
          : '';
      const label = `esim ${event}`.padEnd(40);
      io.out(
        `${paint(io, 'dim', clockTime(now()))}  ${paint(io, 'magenta', label)}EID ${id(esim.eid)}: ${esim.profiles.length} profile(s)${profiles ? ` (${profiles}${more})` : ''}\n`,
      );
    });
  }
  watcher.on('error', (error) => io.err(paint(io, 'red', `wmbb: ${describeError(error)}\n`)));
}

/** Steps that raised nothing, or whose outcome says more than their notifications. */
function printStep(io: CliIo, step: StepReport): void {
  const outcome = step.outcome as {
    emitted?: unknown[];
    note?: string;
    reason?: string;
    delivered?: boolean;
    status?: string;
    additionalErrorMessage?: string;
  };
  let text: string | undefined;
  if (outcome?.status !== undefined) {
    text = `${outcome.status}${outcome.additionalErrorMessage ? `: ${outcome.additionalErrorMessage}` : ''}`;
  } else if (outcome?.delivered === false) {
    text = `not delivered to the app: ${outcome.reason}`;
  } else if (outcome?.emitted?.length === 0 && outcome.note !== undefined) {
    text = outcome.note;
  } else if (step.note !== undefined && (outcome?.emitted?.length ?? 0) === 0) {
    text = step.note;
  }
  if (text === undefined) return;
  io.out(
    paint(
      io,
      'dim',
      `${clockTime(step.at)}  · step ${step.step} ${step.action}: ${printableUserText(text, 500)}\n`,
    ),
  );
}
