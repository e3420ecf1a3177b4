/**
 * The conformance suite's driver for the native addon under Wine: "Windows" is the project's
 * test component (native/test-component), registered in the Wine prefix under the real class
 * ids and driven through its test-only control addon ($WMBB_TEST_CONTROL_ADDON).
 *
 * The driver keeps its own copy of the scenario (made with the fake's own input checks, so both
 * drivers accept the same test data) and hands the component whole eSIMs.
 */

import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Backend, EsimInfo, EsimServiceInfo } from '../../lib/backend.js';
import { parseActivationCode } from '../../lib/esim/activation-code.js';
import { applyPatch, toEsim, toProfile } from '../../lib/fake/fake-esim-data.js';
import type { FakeEsimAccess } from '../../lib/fake/fake-esim.js';
import { resolveCodeScript, resolveDiscoverScript } from '../../lib/fake/fake-esim-scripts.js';
import { createNativeBackend } from '../../lib/native/native-backend.js';
import type { EsimOperationStatus } from '../../lib/backend.js';
import {
  enumValue,
  esimAuthenticationPreferences,
  esimOperationStatuses,
  esimProfileClasses,
  esimProfileStates,
  esimStates,
} from '../../lib/native/winrt-enums.js';
import type { EsimScenarioDriver, WorkerReport } from '../conformance/scenario-driver.js';

/** The test-only control addon (native/test-component/control-addon). */
interface TestControl {
  reset(): void;
  setAccess(access: number): void;
  setServiceInfo(preference: number, uiEnabled: boolean): void;
  setFailure(member: string, hresult: number): void;
  putEsim(esim: Record<string, unknown>, notify: boolean): void;
  putProfile(eid: string, profile: Record<string, unknown>, notify: boolean): void;
  publish(eid: string, added: boolean): void;
  removeEsim(eid: string): void;
  burst(eid: string, count: number): void;
  liveObjects(): number;
  waitIdle(timeoutMs: number): boolean;
  runningWatchers(): number;
  scriptCode(code: string, script: Record<string, unknown>): void;
  scriptProfile(iccid: string, script: Record<string, unknown>): void;
  scriptEsim(eid: string, script: Record<string, unknown>): void;
  scriptDiscover(
    server: string,
    events: { matchingId: string; smdpAddress: string }[],
    status: number,
    durationMs: number,
  ): void;
  setCompletion(mode: number): void;
  operationCounts(): { cancelCalls: number; synchronous: number; otherThread: number };
  lastBurstMicroseconds(): number;
}

/** A status as the component takes it; -1 (undefined) lets its rules decide. */
function statusValue(status: EsimOperationStatus | undefined): number {
  return status === undefined ? -1 : esimOperationStatuses.indexOf(status);
}

const accessValues: Record<FakeEsimAccess, number> = {
  authorized: 0,
  notAuthorized: 1,
  classNotRegistered: 2,
};

/** A control call as the driver's promise-returning method. */
function settled<A extends unknown[]>(
  control: (...args: A) => unknown,
): (...args: A) => Promise<void> {
  return (...args) => {
    control(...args);
    return Promise.resolve();
  };
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run this through test/windows/run.sh`);
  return value;
}

/** The conformance driver, plus what the event benchmark reads from the component. */
export interface NativeDriver extends EsimScenarioDriver {
  /** How long the last finished burst took on the component's thread (0: none, or running). */
  lastBurstMicroseconds(): number;
}

export function nativeDriver(): NativeDriver {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a .node file can only be required
  const control = require(required('WMBB_TEST_CONTROL_ADDON')) as TestControl;
  const mirror = new Map<string, EsimInfo>();

  const esimArgs = (esim: EsimInfo): Record<string, unknown> => ({
    eid: esim.eid,
    firmwareVersion: esim.firmwareVersion,
    modemDeviceId: esim.modemDeviceId,
    availableMemoryBytes: esim.availableMemoryBytes ?? -1,
    state: enumValue(esimStates, esim.state),
    slotIndex: esim.slotIndex ?? -1,
    shouldEnableManagingUi: esim.policy.shouldEnableManagingUi,
  });
  const profileArgs = (profile: EsimInfo['profiles'][number]): Record<string, unknown> => ({
    id: profile.id,
    class: enumValue(esimProfileClasses, profile.class),
    nickname: profile.nickname,
    providerId: profile.providerId,
    providerName: profile.providerName,
    state: enumValue(esimProfileStates, profile.state),
    ...profile.policy,
  });

  return {
    name: 'native (Windows node.exe under Wine, test component)',
    createBackend: async (options = {}) => {
      control.reset();
      mirror.clear();
      const backend: Backend = await createNativeBackend(
        options.eventQueueLimit === undefined
          ? {}
          : { events: { maxQueued: options.eventQueueLimit } },
      );
      return backend;
    },
    insert: async (init) => {
      const esim = toEsim(init, 'insert()');
      mirror.set(esim.id, esim);
      // Composed quietly, then announced once: one Added carrying every profile.
      control.putEsim(esimArgs(esim), false);
      for (const profile of esim.profiles)
        control.putProfile(esim.eid, profileArgs(profile), false);
      control.publish(esim.eid, true);
      return Promise.resolve();
    },
    addProfile: async (eid, init) => {
      const profile = toProfile(init, 'addProfile()');
      const esim = mirror.get(eid)!;
      mirror.set(eid, {
        ...esim,
        profiles: [...esim.profiles.filter((p) => p.id !== profile.id), profile],
      });
      control.putProfile(eid, profileArgs(profile), true);
      return Promise.resolve();
    },
    update: async (eid, patch) => {
      const esim = applyPatch(mirror.get(eid)!, patch, 'update()');
      mirror.set(eid, esim);
      control.putEsim(esimArgs(esim), true);
      return Promise.resolve();
    },
    eject: async (eid) => {
      mirror.delete(eid);
      control.removeEsim(eid);
      return Promise.resolve();
    },
    burst: settled((eid: string, count: number) => control.burst(eid, count)),
    setAccess: settled((access: FakeEsimAccess) => control.setAccess(accessValues[access])),
    setServiceInfo: settled((info: EsimServiceInfo) =>
      control.setServiceInfo(
        enumValue(esimAuthenticationPreferences, info.authenticationPreference),
        info.isEsimUiEnabled,
      ),
    ),
    setFailure: settled((member: string, hresult: number | undefined) =>
      control.setFailure(member, hresult ?? 0),
    ),
    scriptCode: settled((code: string, init) => {
      // Resolved with the fake's own defaults and checks, so both backends read a script alike.
      const parsed = parseActivationCode(code);
      const script = resolveCodeScript(parsed, init, 'scriptCode()');
      control.scriptCode(parsed.reveal(), {
        download: statusValue(script.download),
        install: statusValue(script.install),
        decline: statusValue(script.decline),
        id: script.profile.id,
        class: enumValue(esimProfileClasses, script.profile.class),
        providerId: script.profile.providerId,
        providerName: script.profile.providerName,
        ...script.profile.policy,
        confirmationRequired: script.confirmationCodeRequired,
        confirmationCode: script.confirmationCode ?? '',
        progressSteps: script.progressSteps,
        profileSizeBytes: script.profileSizeBytes,
        durationMs: script.durationMs,
      });
    }),
    scriptProfile: settled((iccid: string, script) =>
      control.scriptProfile(iccid, {
        enable: statusValue(script.enable),
        disable: statusValue(script.disable),
        nickname: statusValue(script.nickname),
        remove: statusValue(script.delete),
        durationMs: script.durationMs ?? 0,
      }),
    ),
    scriptEsim: settled((eid: string, script) =>
      control.scriptEsim(eid, {
        reset: statusValue(script.reset),
        durationMs: script.durationMs ?? 0,
      }),
    ),
    scriptDiscover: settled((init, server?: string) => {
      const script = resolveDiscoverScript(init, 'scriptDiscover()');
      control.scriptDiscover(
        server ?? '',
        script.events.map((e) => ({ matchingId: e.matchingId, smdpAddress: e.rspServerAddress })),
        statusValue(script.status),
        script.durationMs,
      );
    }),
    setCompletion: settled((mode: 'otherThread' | 'synchronous') =>
      control.setCompletion(mode === 'synchronous' ? 1 : 0),
    ),
    completions: () => {
      const { synchronous, otherThread } = control.operationCounts();
      return Promise.resolve({ synchronous, otherThread });
    },
    cancelCalls: () => Promise.resolve(control.operationCounts().cancelCalls),
    runningWatchers: () => Promise.resolve(control.runningWatchers()),
    liveObjects: () => {
      // Component threads release their last references as they end.
      if (!control.waitIdle(10_000))
        throw new Error('the test component still runs watcher threads');
      return Promise.resolve(control.liveObjects());
    },
    inWorkers: (count) => listInWorkers(count, control),
    pendingInWorker: (eid, code) => installInWorker(eid, code),
    lastBurstMicroseconds: () => control.lastBurstMicroseconds(),
  };
}

/**
 * Loads the built package in a worker thread, starts a download there (scripted to take a
 * minute), and terminates the worker while it is pending: the environment's teardown must
 * cancel it (IAsyncInfo.Cancel) and release everything once Windows ends it.
 */
async function installInWorker(eid: string, code: string): Promise<void> {
  const dist = path.join(required('WMBB_PACKAGE_ROOT'), 'dist', 'index.js');
  const source = `
    const { parentPort, workerData } = require('node:worker_threads');
    const { connect } = require(workerData.dist);
    (async () => {
      const mbb = await connect();
      mbb.esim.downloadProfileMetadata(workerData.eid, workerData.code).catch(() => undefined);
      setTimeout(() => parentPort.postMessage({ pending: true }), 200);
    })().catch((error) => parentPort.postMessage({ error: String(error && error.stack || error) }));
  `;
  const worker = new Worker(source, { eval: true, workerData: { dist, eid, code } });
  await new Promise<void>((resolve, reject) => {
    worker.on('error', reject);
    worker.on('message', (message: { pending?: boolean; error?: string }) => {
      if (message.error !== undefined) reject(new Error(`worker: ${message.error}`));
      if (message.pending) resolve();
    });
  });
  await worker.terminate();
}

/**
 * Loads the built package (dist/) in `count` worker threads. Each lists the eSIMs and starts a
 * watcher; the first worker is terminated with its watcher running (its environment unloads
 * the addon's instance), the others close properly.
 */
async function listInWorkers(count: number, control: TestControl): Promise<WorkerReport> {
  const dist = path.join(required('WMBB_PACKAGE_ROOT'), 'dist', 'index.js');
  const source = `
    const { parentPort, workerData } = require('node:worker_threads');
    const { connect } = require(workerData.dist);
    (async () => {
      const mbb = await connect();
      const list = await mbb.esim.list();
      const watcher = mbb.esim.watch();
      watcher.on('added', () => {});
      await new Promise((resolve) => watcher.once('enumerationCompleted', resolve));
      parentPort.postMessage({ listed: list.length });
      if (!workerData.terminate) { await mbb.close(); parentPort.postMessage({ closed: true }); }
    })().catch((error) => parentPort.postMessage({ error: String(error && error.stack || error) }));
  `;
  const listed: number[] = [];
  await Promise.all(
    Array.from({ length: count }, async (_, index) => {
      const terminate = index === 0;
      const worker = new Worker(source, { eval: true, workerData: { dist, terminate } });
      await new Promise<void>((resolve, reject) => {
        worker.on('error', reject);
        worker.on('message', (message: { listed?: number; closed?: boolean; error?: string }) => {
          if (message.error !== undefined) reject(new Error(`worker ${index}: ${message.error}`));
          if (message.listed !== undefined) {
            listed[index] = message.listed;
            if (terminate) resolve();
          }
          if (message.closed) resolve();
        });
      });
      await worker.terminate();
    }),
  );
  if (!control.waitIdle(10_000))
    throw new Error('watcher threads still run after the workers ended');
  return { listed };
}
