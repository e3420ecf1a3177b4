/**
 * The eSIM conformance suite: one set of tests for every backend. Runs on the fake under vitest
 * (esim-fake.test.ts) and on the native addon in Windows' node.exe under Wine
 * (test/windows/esim-native.test.ts), with a {@link EsimScenarioDriver} making "Windows" behave
 * as each test needs. Assertions use node:assert so the file runs under both frameworks.
 */

import assert from 'node:assert/strict';
import type { Backend, EsimInfo, EsimWatchHandle, EsimWatchSink } from '../../lib/backend.js';
import { connect } from '../../lib/connect.js';
import { MobileBroadbandError } from '../../lib/errors.js';
import type { EsimScenarioDriver } from './scenario-driver.js';
import type { TestApi } from './test-api.js';

export const capability = 'Microsoft.eSIMManagement_8wekyb3d8bbwe';
export const eidA = '89049032123451234512345678901235';
export const eidB = '89033023001122334455667788990011';
export const iccid1 = '8944501234567890123';
export const iccid2 = '8944501234567890131';

type Recorded =
  | { kind: 'added' | 'updated' | 'removed'; esim: EsimInfo }
  | { kind: 'enumerationCompleted' | 'stopped' }
  | { kind: 'overflow'; discarded: number }
  | { kind: 'error'; error: Error };

/** A sink that records what it receives. */
export function recorder(): { events: Recorded[]; sink: EsimWatchSink; kinds(): string[] } {
  const events: Recorded[] = [];
  return {
    events,
    sink: {
      added: (esim) => void events.push({ kind: 'added', esim }),
      updated: (esim) => void events.push({ kind: 'updated', esim }),
      removed: (esim) => void events.push({ kind: 'removed', esim }),
      enumerationCompleted: () => void events.push({ kind: 'enumerationCompleted' }),
      stopped: () => void events.push({ kind: 'stopped' }),
      overflow: (discarded) => void events.push({ kind: 'overflow', discarded }),
      error: (error) => void events.push({ kind: 'error', error }),
    },
    kinds: () => events.map((e) => e.kind),
  };
}

/** Polls `condition` until it holds; fails with `what` after `timeoutMs`. */
export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 10_000,
): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/** Keeps the JS thread busy, so a backend's event thread runs ahead of delivery. */
function blockEventLoop(ms: number): void {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    // busy on purpose
  }
}

export async function rejectsWith(
  promise: Promise<unknown>,
  code: string,
  check: (error: MobileBroadbandError) => void = () => undefined,
): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(
      error instanceof MobileBroadbandError,
      `expected a MobileBroadbandError, got ${String(error)}`,
    );
    assert.equal(error.code, code, error.message);
    check(error);
    return true;
  });
}

export const fullEsim = {
  eid: eidA,
  firmwareVersion: '3.2.1',
  modemDeviceId: '\\\\?\\USB#VID_2C7C&PID_0125#modem-a',
  availableMemoryBytes: 412_000,
  state: 'idle' as const,
  slotIndex: 1,
  policy: { shouldEnableManagingUi: true },
  profiles: [
    {
      id: iccid1,
      class: 'operational' as const,
      nickname: 'Work',
      providerId: '310410',
      providerName: 'Contoso Mobile',
      state: 'enabled' as const,
      policy: { canDelete: false, canDisable: true, isManagedByEnterprise: true },
    },
    {
      id: iccid2,
      class: 'test' as const,
      nickname: '',
      providerId: '00101',
      providerName: 'Test Network',
      state: 'disabled' as const,
      policy: { canDelete: true, canDisable: true, isManagedByEnterprise: false },
    },
  ],
};

const expectedFull: EsimInfo = {
  id: eidA,
  eid: eidA,
  firmwareVersion: '3.2.1',
  availableMemoryBytes: 412_000,
  modemDeviceId: '\\\\?\\USB#VID_2C7C&PID_0125#modem-a',
  state: 'idle',
  slotIndex: 1,
  policy: { shouldEnableManagingUi: true },
  profiles: fullEsim.profiles.map((p) => ({ ...p, policy: { ...p.policy } })),
};

export const minimalEsim = {
  eid: eidB,
  firmwareVersion: '1.0',
  modemDeviceId: 'modem-b',
  state: 'busy' as const,
};

/** Defines the eSIM conformance tests for `driver`'s backend. */
export function defineEsimConformance(api: TestApi, driver: EsimScenarioDriver): void {
  const { describe, it, skip, afterEach } = api;

  describe(`eSIM conformance: ${driver.name}`, () => {
    let backend: Backend | undefined;
    const fresh = async (options?: { eventQueueLimit?: number }): Promise<Backend> => {
      backend = await driver.createBackend(options);
      return backend;
    };

    afterEach(async () => {
      await backend?.close();
      backend = undefined;
      const live = await driver.liveObjects();
      if (live !== undefined) assert.equal(live, 0, 'Windows objects still alive after close()');
      assert.equal(await driver.runningWatchers(), 0, 'watchers still running after close()');
    });

    // --- serviceInfo ------------------------------------------------------------------------

    it('serviceInfo() reports the eSIM service settings', async () => {
      const b = await fresh();
      await driver.setServiceInfo({ authenticationPreference: 'never', isEsimUiEnabled: false });
      assert.deepEqual(await b.esim.serviceInfo(), {
        authenticationPreference: 'never',
        isEsimUiEnabled: false,
      });
      await driver.setServiceInfo({ authenticationPreference: 'onEntry', isEsimUiEnabled: true });
      assert.deepEqual(await b.esim.serviceInfo(), {
        authenticationPreference: 'onEntry',
        isEsimUiEnabled: true,
      });
    });

    // --- list -------------------------------------------------------------------------------

    it('list() is empty without eSIMs', async () => {
      const b = await fresh();
      assert.deepEqual(await b.esim.list(), []);
    });

    it('list() returns every eSIM with every field and profile', async () => {
      const b = await fresh();
      await driver.insert(fullEsim);
      await driver.insert(minimalEsim);
      const list = await b.esim.list();
      assert.equal(list.length, 2);
      assert.deepEqual(list[0], expectedFull);
      assert.deepEqual(list[1], {
        id: eidB,
        eid: eidB,
        firmwareVersion: '1.0',
        availableMemoryBytes: undefined,
        modemDeviceId: 'modem-b',
        state: 'busy',
        slotIndex: undefined,
        policy: { shouldEnableManagingUi: false },
        profiles: [],
      });
      assert.equal(await driver.runningWatchers(), 0, 'list() left its watcher running');
    });

    it('list() with an aborted signal rejects with ERR_ABORTED and starts nothing', async () => {
      const b = await fresh();
      await driver.insert(fullEsim);
      const controller = new AbortController();
      controller.abort(new Error('user cancelled'));
      await rejectsWith(b.esim.list({ signal: controller.signal }), 'ERR_ABORTED');
      assert.equal(await driver.runningWatchers(), 0);
    });

    it('list() rejects malformed options with ERR_INVALID_ARGUMENT', async () => {
      const b = await fresh();
      await rejectsWith(
        b.esim.list({ signal: 'stop' as unknown as AbortSignal }),
        'ERR_INVALID_ARGUMENT',
      );
      await rejectsWith(b.esim.list(42 as unknown as undefined), 'ERR_INVALID_ARGUMENT');
    });

    // --- watch ------------------------------------------------------------------------------

    it('watch() delivers the eSIMs present, enumerationCompleted, then changes in order', async () => {
      const b = await fresh();
      await driver.insert(fullEsim);
      const r = recorder();
      const handle = await b.esim.watch(r.sink);
      await waitFor(() => r.kinds().includes('enumerationCompleted'), 'enumerationCompleted');
      await driver.insert(minimalEsim);
      await driver.addProfile(eidB, {
        id: iccid1,
        providerName: 'Contoso Mobile',
        state: 'enabled',
      });
      await driver.update(eidA, { state: 'busy', availableMemoryBytes: 1000 });
      await driver.eject(eidB);
      await waitFor(() => r.kinds().includes('removed'), 'removed');
      await handle.close();
      assert.deepEqual(r.kinds(), [
        'added',
        'enumerationCompleted',
        'added',
        'updated',
        'updated',
        'removed',
        'stopped',
      ]);
      const events = r.events as { esim?: EsimInfo }[];
      assert.deepEqual(events[0]!.esim, expectedFull);
      assert.equal(events[2]!.esim!.id, eidB);
      assert.deepEqual(
        events[3]!.esim!.profiles.map((p) => [p.id, p.providerName, p.state]),
        [[iccid1, 'Contoso Mobile', 'enabled']],
      );
      assert.equal(events[4]!.esim!.state, 'busy');
      assert.equal(events[4]!.esim!.availableMemoryBytes, 1000);
      assert.equal(events[5]!.esim!.id, eidB);
      assert.equal(events[5]!.esim!.state, 'removed');
    });

    it('delivers a burst of 10 000 events from another thread, complete and in order', async () => {
      const b = await fresh();
      await driver.insert(fullEsim);
      const r = recorder();
      const handle = await b.esim.watch(r.sink);
      await waitFor(() => r.kinds().includes('enumerationCompleted'), 'enumerationCompleted');
      const count = 10_000;
      await driver.burst(eidA, count);
      await waitFor(() => r.events.length >= count + 2, `${count} updated events`, 60_000);
      await handle.close();
      const updated = r.events.flatMap((e) => (e.kind === 'updated' ? [e] : []));
      assert.equal(updated.length, count);
      assert.deepEqual(
        r.events.filter((e) => e.kind === 'overflow' || e.kind === 'error'),
        [],
        'nothing may be lost or fail in a burst the queue can hold',
      );
      for (let i = 0; i < count; i++) {
        if (updated[i]!.esim.firmwareVersion !== `burst-${i + 1}`) {
          assert.fail(`event ${i + 1} is ${updated[i]!.esim.firmwareVersion}: out of order`);
        }
      }
      assert.deepEqual(updated[count - 1]!.esim.profiles, expectedFull.profiles);
    });

    it('counts and reports what overflows a bounded queue, keeping order', async () => {
      const b = await fresh({ eventQueueLimit: 16 });
      await driver.insert(fullEsim);
      const r = recorder();
      const handle = await b.esim.watch(r.sink);
      await waitFor(() => r.kinds().includes('enumerationCompleted'), 'enumerationCompleted');
      const count = 2000;
      await driver.burst(eidA, count);
      // JavaScript falls behind: the backend's thread fills the queue meanwhile.
      blockEventLoop(750);
      const accounted = (): number =>
        r.events.reduce(
          (n, e) => n + (e.kind === 'updated' ? 1 : e.kind === 'overflow' ? e.discarded : 0),
          0,
        );
      await waitFor(() => accounted() === count, 'every event delivered or counted', 30_000);
      await handle.close();
      const discarded = r.events.reduce((n, e) => n + (e.kind === 'overflow' ? e.discarded : 0), 0);
      assert.ok(discarded > 0, 'a 2000-event burst into a queue of 16 must overflow');
      const firmware = r.events.flatMap((e) =>
        e.kind === 'updated' ? [Number(e.esim.firmwareVersion.slice(6))] : [],
      );
      for (let i = 1; i < firmware.length; i++) {
        assert.ok(firmware[i]! > firmware[i - 1]!, 'delivered events keep their order');
      }
      assert.equal(r.kinds().at(-1), 'stopped', 'stopped is never discarded');
    });

    it('watch() rejects with ERR_NOT_AUTHORIZED naming the capability when TryCreateESimWatcher() returns null', async () => {
      const b = await fresh();
      await driver.insert(fullEsim);
      await driver.setAccess('notAuthorized');
      const mentionsCapability = (error: MobileBroadbandError): void =>
        assert.ok(error.message.includes(capability), error.message);
      await rejectsWith(b.esim.watch(recorder().sink), 'ERR_NOT_AUTHORIZED', mentionsCapability);
      await rejectsWith(b.esim.list(), 'ERR_NOT_AUTHORIZED', mentionsCapability);
      // The service info needs no capability.
      assert.equal(typeof (await b.esim.serviceInfo()).isEsimUiEnabled, 'boolean');
    });

    it('a Windows without the eSIM class gives ERR_CLASS_NOT_REGISTERED, and connect() still works', async () => {
      const b = await fresh();
      await driver.setAccess('classNotRegistered');
      const isClassNotRegistered = (error: MobileBroadbandError): void => {
        assert.equal(error.hresult, 0x80040154);
        assert.ok(error.message.includes('ESimManager'), error.message);
      };
      const mbb = await connect({ backend: b });
      await rejectsWith(mbb.esim.serviceInfo(), 'ERR_CLASS_NOT_REGISTERED', isClassNotRegistered);
      await rejectsWith(mbb.esim.list(), 'ERR_CLASS_NOT_REGISTERED', isClassNotRegistered);
      await rejectsWith(
        b.esim.watch(recorder().sink),
        'ERR_CLASS_NOT_REGISTERED',
        isClassNotRegistered,
      );
      await mbb.close();
    });

    it('a failing Windows call becomes a typed error with its HRESULT and call', async () => {
      const b = await fresh();
      await driver.setFailure('ESimWatcher.Start', 0x80070005);
      await rejectsWith(b.esim.watch(recorder().sink), 'ERR_NOT_AUTHORIZED', (error) => {
        assert.equal(error.hresult, 0x80070005);
        assert.equal(error.details?.call, 'ESimWatcher.Start');
      });
      await driver.setFailure('ESimWatcher.Start', undefined);
      await driver.setFailure('ESimManager.ServiceInfo', 0x80004005);
      await rejectsWith(b.esim.serviceInfo(), 'ERR_WINDOWS', (error) => {
        assert.equal(error.hresult, 0x80004005);
        assert.ok(error.message.includes('E_FAIL'), error.message);
      });
    });

    it('an eSIM Windows cannot read is reported as an error, and the watcher goes on', async () => {
      const b = await fresh();
      await driver.insert(fullEsim);
      await driver.setFailure('ESim.Eid', 0x800706ba);
      const r = recorder();
      const handle = await b.esim.watch(r.sink);
      await waitFor(() => r.kinds().includes('enumerationCompleted'), 'enumerationCompleted');
      await driver.setFailure('ESim.Eid', undefined);
      await driver.insert(minimalEsim);
      await waitFor(() => r.kinds().includes('added'), 'added');
      await handle.close();
      assert.deepEqual(r.kinds(), ['error', 'enumerationCompleted', 'added', 'stopped']);
      const first = r.events[0];
      const error = first?.kind === 'error' ? first.error : undefined;
      assert.ok(error instanceof MobileBroadbandError, String(error));
      assert.equal(error.hresult, 0x800706ba);
      assert.equal(error.details?.call, 'ESim.Eid');
    });

    it('an eSIM with a field Windows cannot read arrives with the rest; list() keeps it', async () => {
      const b = await fresh();
      await driver.insert(minimalEsim);
      await driver.setFailure('ESim.FirmwareVersion', 0x800706ba);
      try {
        const r = recorder();
        const handle = await b.esim.watch(r.sink);
        await waitFor(() => r.kinds().includes('enumerationCompleted'), 'enumerationCompleted');
        await handle.close();
        assert.deepEqual(r.kinds(), ['added', 'error', 'enumerationCompleted', 'stopped']);
        const added = r.events[0];
        assert.ok(added?.kind === 'added');
        assert.equal(added.esim.eid, minimalEsim.eid);
        assert.equal(added.esim.firmwareVersion, '');
        const failure = r.events[1];
        const error = failure?.kind === 'error' ? failure.error : undefined;
        assert.ok(error instanceof MobileBroadbandError, String(error));
        assert.equal(error.code, 'ERR_SERVICE_UNAVAILABLE');
        assert.deepEqual(error.details, {
          esimId: minimalEsim.eid,
          partial: true,
          call: 'ESim.FirmwareVersion',
        });
        // list() has no 'error' event: the eSIM is listed and the failed read is a warning.
        const warnings: Error[] = [];
        const onWarning = (warning: Error): void => void warnings.push(warning);
        process.on('warning', onWarning);
        try {
          const list = await b.esim.list();
          assert.deepEqual(
            list.map((esim) => [esim.eid, esim.firmwareVersion]),
            [[minimalEsim.eid, '']],
          );
          await new Promise((resolve) => setImmediate(resolve));
        } finally {
          process.off('warning', onWarning);
        }
        assert.equal(warnings.length, 1);
        assert.equal((warnings[0] as Error & { code?: string }).code, 'WMBB_ESIM_PARTIAL_READ');
      } finally {
        await driver.setFailure('ESim.FirmwareVersion', undefined);
      }
    });

    it('watch() rejects a malformed sink with ERR_INVALID_ARGUMENT', async () => {
      const b = await fresh();
      await rejectsWith(b.esim.watch({} as EsimWatchSink), 'ERR_INVALID_ARGUMENT');
      assert.equal(await driver.runningWatchers(), 0);
    });

    it('close() of a handle while events flow stops the watcher and delivers stopped once', async () => {
      const b = await fresh();
      await driver.insert(fullEsim);
      const r = recorder();
      const handle: EsimWatchHandle = await b.esim.watch(r.sink);
      await driver.burst(eidA, 500);
      await Promise.all([handle.close(), handle.close()]);
      assert.equal(r.kinds().filter((k) => k === 'stopped').length, 1);
      assert.equal(r.kinds().at(-1), 'stopped');
      assert.equal(await driver.runningWatchers(), 0);
    });

    // --- the public API over this backend ---------------------------------------------------

    it('mbb.esim.watch() starts with the first listener and stops with the last', async () => {
      const b = await fresh();
      await driver.insert(fullEsim);
      const mbb = await connect({ backend: b });
      const watcher = mbb.esim.watch();
      assert.equal(await driver.runningWatchers(), 0, 'nothing runs before a listener');
      const added: EsimInfo[] = [];
      const onAdded = (esim: EsimInfo): void => void added.push(esim);
      watcher.on('added', onAdded);
      await waitFor(() => added.length === 1, 'added');
      assert.equal(await driver.runningWatchers(), 1);
      assert.deepEqual(added[0], expectedFull);
      watcher.off('added', onAdded);
      await waitFor(async () => (await driver.runningWatchers()) === 0, 'the watcher to stop');
      await mbb.close();
    });

    it('a throwing listener is reported on error; other listeners still receive every event', async () => {
      const b = await fresh();
      const mbb = await connect({ backend: b });
      const watcher = mbb.esim.watch();
      const seen: string[] = [];
      const errors: MobileBroadbandError[] = [];
      watcher.on('error', (error) => void errors.push(error));
      watcher.on('added', () => {
        throw new Error('listener bug');
      });
      watcher.on('added', (esim) => void seen.push(esim.id));
      watcher.on('enumerationCompleted', () => void seen.push('enumerationCompleted'));
      await waitFor(() => seen.includes('enumerationCompleted'), 'enumerationCompleted');
      await driver.insert(fullEsim);
      await driver.insert(minimalEsim);
      await waitFor(() => seen.length === 3, 'two added events');
      assert.deepEqual(seen, ['enumerationCompleted', eidA, eidB]);
      assert.equal(errors.length, 2);
      assert.equal(errors[0]!.code, 'ERR_LISTENER_FAILED');
      assert.ok(errors[0]!.message.includes('listener bug'));
      await mbb.close();
    });

    it('mbb.close() while a watcher runs stops it and releases everything', async () => {
      const b = await fresh();
      await driver.insert(fullEsim);
      const mbb = await connect({ backend: b });
      const watcher = mbb.esim.watch();
      let stopped = 0;
      let updated = 0;
      watcher.on('stopped', () => void stopped++);
      watcher.on('updated', () => void updated++);
      await waitFor(async () => (await driver.runningWatchers()) === 1, 'the watcher to start');
      await driver.burst(eidA, 1000);
      await mbb.close();
      assert.equal(stopped, 1);
      assert.equal(await driver.runningWatchers(), 0);
      assert.throws(() => watcher.on('added', () => undefined), { code: 'ERR_CLOSED' });
      await rejectsWith(mbb.esim.list(), 'ERR_CLOSED');
      assert.ok(updated <= 1000);
    });

    // --- loading ----------------------------------------------------------------------------

    if (driver.inWorkers === undefined) {
      skip(
        'loads and lists in worker threads, and unloads with a watcher running',
        driver.noWorkersReason ?? 'not available',
      );
    } else {
      const inWorkers = driver.inWorkers.bind(driver);
      it('loads and lists in worker threads, and unloads with a watcher running', async () => {
        await fresh();
        await driver.insert(fullEsim);
        await driver.insert(minimalEsim);
        const report = await inWorkers(2);
        assert.deepEqual(report.listed, [2, 2]);
      });
    }
  });
}
