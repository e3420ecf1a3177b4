/**
 * Plays a scenario on a fake backend: each step after its delay on the virtual clock, with
 * deliveries and the app's reactions settled between steps.
 *
 * @module
 */

import path from 'node:path';
import { isMobileBroadbandError, MobileBroadbandError } from '../../errors.js';
import { describeValue } from '../../events/describe-value.js';
import { callUserCode, listenerFailedError, warnUnhandled } from '../../events/listener-failure.js';
import { readBoundedFileSync } from '../../files/read-bounded-file.js';
import { parseProvisioning } from '../../provisioning/parse-provisioning.js';
import type { ProvisioningDocument } from '../../provisioning/provisioning-document.js';
import { maxProvisioningBytes } from '../../provisioning/read-xml-tree.js';
import type { FakeBackend } from '../fake-backend.js';
import type { FakeEsimInit, FakeEsimPatch, FakeEsimProfileInit } from '../fake-esim-data.js';
import { durationMs } from './scenario-duration.js';
import type { Scenario, ScenarioStep } from './scenario-types.js';
import { validateScenario } from './validate-scenario.js';
import { VirtualClock } from '../virtual-clock.js';

/** Options of `fake.play()`. */
export interface PlayOptions {
  /** The folder `file` paths of provision steps are relative to. Default: the working directory. */
  baseDir?: string;
  /**
   * Called when a step has run (a tethering request: when it has its outcome). If it throws
   * or rejects, the failure becomes a process warning `ERR_LISTENER_FAILED` and play goes on.
   */
  onStep?: (step: StepReport) => void;
  /** Stops the scenario before its next step (rejecting with `ERR_ABORTED`), e.g. on Ctrl+C. */
  signal?: AbortSignal;
}

/** What one step did. */
export interface StepReport {
  /** 1-based position in `steps`. */
  step: number;
  action: ScenarioStep['action'];
  /** When it ran, on the fake's clock. */
  at: Date;
  note?: string;
  /** What the control returned (records raised, outcome, reason). */
  outcome: unknown;
}

/** What a played scenario did. */
export interface ScenarioReport {
  name: string | undefined;
  start: Date;
  end: Date;
  steps: StepReport[];
}

type Runner = (fake: FakeBackend, step: ScenarioStep, prepared: PreparedStep) => Promise<unknown>;

interface PreparedStep {
  document?: ProvisioningDocument;
}

const runners: { [A in ScenarioStep['action']]: Runner } = {
  provision: (fake, _step, prepared) => fake.provision(prepared.document!),
  register: (fake, step) =>
    fake.register((step as { state: Parameters<FakeBackend['register']>[0] }).state),
  sleep: (fake) => fake.sleep(),
  resume: (fake) => fake.resume(),
  connect: (fake) => fake.connect(),
  disconnect: (fake) => fake.disconnect(),
  transfer: (fake, step) => fake.transfer((step as { bytes: number | string }).bytes),
  resetBillingCycle: (fake) => fake.resetBillingCycle(),
  expirePlan: (fake) => fake.expirePlan(),
  receiveSms: (fake, step) => {
    const { from, text, classZero } = step as { from: string; text: string; classZero?: boolean };
    return fake.receiveSms({ from, text, ...(classZero === undefined ? {} : { classZero }) });
  },
  receiveCdmaSms: (fake, step) => {
    const { from, text } = step as { from: string; text: string };
    return fake.receiveCdmaSms({ from, text });
  },
  receiveUssd: (fake, step) => fake.receiveUssd((step as { text: string }).text),
  setTetheringPolicy: (fake, step) => {
    fake.setTetheringPolicy(
      (step as { policy: Parameters<FakeBackend['setTetheringPolicy']>[0] }).policy,
    );
    return Promise.resolve({ emitted: [] });
  },
  requestTethering: (fake) => fake.requestTethering(),
  stopTethering: (fake) => fake.tethering.stop(),
  tetheringClientJoined: (fake, step) => {
    const { macAddress, hostName } = step as { macAddress: string; hostName?: string };
    return fake.tethering
      .clientJoined(macAddress, hostName === undefined ? [] : [hostName])
      .then((clientCount) => ({ clientCount }));
  },
  tetheringClientLeft: (fake, step) =>
    fake.tethering
      .clientLeft((step as { macAddress: string }).macAddress)
      .then((clientCount) => ({ clientCount })),
  notify: (fake, step) =>
    fake.notify((step as { record: Parameters<FakeBackend['notify']>[0] }).record),
  wait: () => Promise.resolve({ emitted: [] }),
  esimInserted: (fake, step) =>
    esimControl(() => fake.esim.insert((step as { esim: FakeEsimInit }).esim)),
  esimEjected: (fake, step) => esimControl(() => fake.esim.eject((step as { eid: string }).eid)),
  esimUpdated: (fake, step) => {
    const { eid, changes } = step as { eid: string; changes: FakeEsimPatch };
    return esimControl(() => fake.esim.update(eid, changes));
  },
  esimProfileAdded: (fake, step) => {
    const { eid, profile } = step as { eid: string; profile: FakeEsimProfileInit };
    return esimControl(() => fake.esim.addProfile(eid, profile));
  },
  esimProfileRemoved: (fake, step) => {
    const { eid, iccid } = step as { eid: string; iccid: string };
    return esimControl(() => fake.esim.removeProfile(eid, iccid));
  },
};

/** eSIM controls are synchronous (their watcher events are delivered asynchronously). */
function esimControl(control: () => unknown): Promise<{ esim: unknown }> {
  return new Promise((resolve) => resolve({ esim: control() }));
}

/** Every action the player runs (the type of `runners` makes it complete). */
export const playableActions = Object.keys(runners) as ScenarioStep['action'][];

/** Steps whose outcome may wait for the app (and for time to pass). */
const mayWait: ReadonlySet<string> = new Set(['requestTethering']);

/** @internal Use `fake.play()`. */
export async function playScenario(
  fake: FakeBackend,
  input: unknown,
  options: PlayOptions = {},
): Promise<ScenarioReport> {
  const scenario = validateScenario(input);
  const prepared = prepare(scenario, options.baseDir ?? process.cwd());
  const clock = fake.clock;
  if (!(clock instanceof VirtualClock)) {
    throw new MobileBroadbandError(
      'ERR_INVALID_STATE',
      "Scenarios run on the virtual clock: create the fake without { clock: 'system' }",
    );
  }
  checkEnd(scenario, fake.clock.now());
  if (scenario.start !== undefined) {
    const start = Date.parse(scenario.start);
    const now = fake.clock.now();
    if (start < now) {
      throw new MobileBroadbandError(
        'ERR_INVALID_STATE',
        // The instant, not the text: a start's fraction of a second may be a megabyte of digits.
        `The scenario starts at ${new Date(start).toISOString()}, but the fake's clock is already at ${new Date(now).toISOString()}; create the fake with { startTime: new Date('${new Date(start).toISOString()}') }`,
      );
    }
    await fake.advance(start - now);
  }

  const report: ScenarioReport = {
    name: scenario.name,
    start: new Date(fake.clock.now()),
    end: new Date(0),
    steps: [],
  };
  let pending = 0;
  let failure: MobileBroadbandError | undefined;
  const turn = eventLoopTurns(options.signal);
  for (const [index, step] of scenario.steps.entries()) {
    await turn();
    await fake.advance(durationMs(step.after));
    const entry: StepReport = {
      step: index + 1,
      action: step.action,
      at: new Date(fake.clock.now()),
      ...(step.note === undefined ? {} : { note: step.note }),
      outcome: undefined,
    };
    report.steps.push(entry);
    const running = runners[step.action](fake, step, prepared[index]!).then(
      (outcome) => {
        entry.outcome = outcome ?? { emitted: [] };
        if (options.onStep !== undefined) callUserCode(options.onStep, entry, onStepFailed);
      },
      (error: unknown) => {
        throw stepError(index, step, error);
      },
    );
    if (mayWait.has(step.action)) {
      // The outcome may need the app's answer or a timeout: let time go on meanwhile.
      pending++;
      running.then(
        () => void pending--,
        (error: unknown) => {
          failure ??= error as MobileBroadbandError; // stepError() made it
          pending--;
        },
      );
      await fake.settled();
      if (failure !== undefined) throw failure;
    } else {
      await running;
    }
  }
  // Let pending tethering requests finish: time runs on until they do or nothing is left to fire.
  await fake.settled();
  while (pending > 0 && failure === undefined) {
    await turn();
    const next = clock.nextDueTime(Number.MAX_SAFE_INTEGER);
    if (next === undefined) break;
    await fake.advance(next - clock.now());
  }
  if (failure !== undefined) throw failure;
  report.end = new Date(fake.clock.now());
  return report;
}

/** How long a scenario may run on promises alone before it lets the event loop turn. */
const maxRunWithoutTurnMs = 20;

/**
 * A check to await between steps: steps settle through promises only, which never let the
 * event loop turn, so a long scenario would starve timers and signals (Ctrl+C) until its end.
 * Every {@link maxRunWithoutTurnMs} it yields one turn; it rejects once `signal` has aborted.
 */
function eventLoopTurns(signal: AbortSignal | undefined): () => Promise<void> {
  if (signal !== undefined && !(signal instanceof AbortSignal))
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      `fake.play(scenario, { signal }): signal must be an AbortSignal, got ${describeValue(signal)}`,
    );
  let since = performance.now();
  return async () => {
    if (performance.now() - since >= maxRunWithoutTurnMs) {
      await new Promise((resolve) => setImmediate(resolve));
      since = performance.now();
    }
    if (signal?.aborted === true)
      throw new MobileBroadbandError('ERR_ABORTED', 'The scenario was stopped before its end', {
        cause: signal.reason,
      });
  };
}

/** The last instant a Date can hold (+275760-09-13). */
const maxDateMs = 8.64e15;

/** Steps whose delays add up beyond what a Date can hold are refused before any runs. */
function checkEnd(scenario: Scenario, now: number): void {
  const start = scenario.start === undefined ? now : Math.max(now, Date.parse(scenario.start));
  let end = start;
  for (const step of scenario.steps) end += durationMs(step.after);
  if (end > maxDateMs) {
    throw new MobileBroadbandError(
      'ERR_INVALID_SCENARIO',
      `Scenario: its steps' delays add up to ${Math.round((end - start) / 31_557_600_000)} years, which ends beyond the last date a Date can hold (+275760-09-13)`,
    );
  }
}

/** A failing `onStep` is the caller's; it is reported once per failure and the play goes on. */
function onStepFailed(error: unknown): void {
  warnUnhandled(listenerFailedError('The onStep callback of fake.play()', error));
}

/** Reads and parses provisioning documents up front, so a bad one fails before any step runs. */
function prepare(scenario: Scenario, baseDir: string): PreparedStep[] {
  return scenario.steps.map((step, index) => {
    if (step.action !== 'provision') return {};
    try {
      const xml =
        step.xml ??
        readBoundedFileSync(path.resolve(baseDir, step.file), {
          maxBytes: maxProvisioningBytes,
          what: 'provisioning file',
        });
      return { document: parseProvisioning(xml) };
    } catch (error) {
      throw stepError(index, step, error);
    }
  });
}

function stepError(index: number, step: ScenarioStep, error: unknown): MobileBroadbandError {
  const reason = isMobileBroadbandError(error)
    ? `${error.code}: ${error.message}`
    : describeValue(error);
  return new MobileBroadbandError(
    'ERR_INVALID_SCENARIO',
    `Scenario step ${index + 1} (steps[${index}], ${step.action}): ${reason}`,
    {
      cause: error,
      details: { step: index + 1, action: step.action },
    },
  );
}
