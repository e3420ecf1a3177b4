/**
 * The native backend's TypeScript glue over a scripted stand-in for the addon (the real addon
 * runs in the Wine lane): errors, null watchers, stop timeouts, option checks.
 */

import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EsimInfo, EsimWatchSink } from '../../lib/backend.js';
import { MobileBroadbandError } from '../../lib/errors.js';
import type {
  NativeAddon,
  NativeEsimRef,
  NativeEsimWatcher,
  NativeOperation,
} from '../../lib/native/addon-types.js';
import { createNativeBackend } from '../../lib/native/native-backend.js';
import {
  unpackagedOperator,
  unusedModems,
  unusedOpenUri,
  unusedOperatorTasks,
  unusedUssd,
  unusedProvisioning,
  unusedTetheringDiagnostics,
  unusedTethering,
} from './unused-exports.js';
import { RecordEncoder } from './record-encoder.js';

interface Script {
  watcher?: 'null' | 'throws';
  startThrows?: boolean;
  /** Whether stop() answers with a Stopped record (Windows does). */
  answersStop?: boolean;
  /** An eSIM whose firmware version Windows could not read, enumerated at start. */
  partial?: EsimInfo;
}

/** An operation that has already settled, as the addon's do once the MTA thread answered. */
function answered<T>(value: T): NativeOperation<T> {
  return { promise: Promise.resolve(value), cancel: () => undefined, abandon: () => undefined };
}

function failed<T>(hresult: number, call: string): NativeOperation<T> {
  const promise = Promise.reject(Object.assign(new Error(`${call} failed`), { hresult, call }));
  promise.catch(() => undefined);
  return { promise, cancel: () => undefined, abandon: () => undefined };
}

function scriptedAddon(script: Script = {}): NativeAddon & { closed: number; created: number } {
  const addon = {
    closed: 0,
    created: 0,
    core: { flush: () => answered<void>(undefined), openUri: unusedOpenUri },
    modems: unusedModems,
    operatorTasks: unusedOperatorTasks,
    operator: unpackagedOperator,
    ussd: unusedUssd,
    provisioning: unusedProvisioning,
    tetheringDiagnostics: unusedTetheringDiagnostics,
    tethering: unusedTethering,
    esim: {
      serviceInfo: () => answered({ authenticationPreference: 2, isEsimUiEnabled: true }),
      findEsim: () => answered<NativeEsimRef | null | false>(false),
      createWatcher(
        onBatch: (words: Int32Array, text: string) => void,
      ): NativeOperation<NativeEsimWatcher | null> {
        if (script.watcher === 'null') return answered(null);
        if (script.watcher === 'throws')
          return failed(0x80040154, 'RoGetActivationFactory(ESimManager)');
        addon.created++;
        const send = (encoder: RecordEncoder): void => {
          const [words, text] = encoder.batch();
          setImmediate(() => onBatch(words, text));
        };
        return answered<NativeEsimWatcher | null>({
          start() {
            if (script.startThrows) return failed(0x80070005, 'ESimWatcher.Start');
            const encoder = new RecordEncoder();
            if (script.partial) {
              encoder.esim('added', script.partial, {
                hresult: 0x800706ba,
                call: 'ESim.FirmwareVersion',
              });
            }
            send(encoder.control('enumerationCompleted'));
            return answered<void>(undefined);
          },
          stop() {
            if (script.answersStop !== false) send(new RecordEncoder().control('stopped'));
          },
          close() {
            addon.closed++;
          },
          discarded: () => 0,
        });
      },
    },
  };
  return addon;
}

function sink(): EsimWatchSink & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    added: () => void calls.push('added'),
    updated: () => void calls.push('updated'),
    removed: () => void calls.push('removed'),
    enumerationCompleted: () => void calls.push('enumerationCompleted'),
    stopped: () => void calls.push('stopped'),
    overflow: () => void calls.push('overflow'),
    error: () => void calls.push('error'),
  };
}

describe('the native backend (scripted addon)', () => {
  afterEach(() => void vi.useRealTimers());

  it.skipIf(process.platform === 'win32')('refuses to load the addon off Windows', async () => {
    await expect(createNativeBackend()).rejects.toMatchObject({ code: 'ERR_NOT_SUPPORTED' });
  });

  it('checks its options', async () => {
    await expect(
      createNativeBackend({ addon: scriptedAddon(), events: { maxBatch: 0 } }),
    ).rejects.toMatchObject({
      code: 'ERR_INVALID_ARGUMENT',
      message: expect.stringContaining('maxBatch'),
    });
    await expect(
      createNativeBackend({ addon: scriptedAddon(), events: { maxQueued: 1.5 } }),
    ).rejects.toMatchObject({ code: 'ERR_INVALID_ARGUMENT' });
  });

  it('names enum values and leaves the other parts unsupported with a reason', async () => {
    const backend = await createNativeBackend({ addon: scriptedAddon() });
    await expect(backend.esim.serviceInfo()).resolves.toEqual({
      authenticationPreference: 'never',
      isEsimUiEnabled: true,
    });
    // Every ESim object comes from a watcher: a null watcher means no eSIM operations at all,
    // discovery included.
    for (const call of [() => backend.esim.reset('x'), () => backend.esim.discover('x')]) {
      await expect(call()).rejects.toMatchObject({
        code: 'ERR_NOT_AUTHORIZED',
        message: expect.stringContaining('Microsoft.eSIMManagement_8wekyb3d8bbwe'),
      });
    }
    // A matching id needs its server: refused before any Windows call (the shared check).
    await expect(
      backend.esim.discover('x', { matchingId: '04386-AGYFT-A74Y8-3F815' }),
    ).rejects.toMatchObject({ code: 'ERR_INVALID_ARGUMENT' });
  });

  it('turns a null watcher into ERR_NOT_AUTHORIZED naming the capability', async () => {
    const backend = await createNativeBackend({ addon: scriptedAddon({ watcher: 'null' }) });
    const error = await backend.esim.watch(sink()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MobileBroadbandError);
    expect((error as MobileBroadbandError).code).toBe('ERR_NOT_AUTHORIZED');
    expect((error as MobileBroadbandError).message).toContain(
      'Microsoft.eSIMManagement_8wekyb3d8bbwe',
    );
  });

  it('maps activation and start failures and releases the watcher', async () => {
    const missing = await createNativeBackend({ addon: scriptedAddon({ watcher: 'throws' }) });
    await expect(missing.esim.list()).rejects.toMatchObject({
      code: 'ERR_CLASS_NOT_REGISTERED',
      hresult: 0x80040154,
    });
    const addon = scriptedAddon({ startThrows: true });
    const refused = await createNativeBackend({ addon });
    await expect(refused.esim.watch(sink())).rejects.toMatchObject({
      code: 'ERR_NOT_AUTHORIZED',
      hresult: 0x80070005,
      details: { call: 'ESimWatcher.Start' },
    });
    expect(addon.closed).toBe(addon.created);
  });

  it('lists an eSIM Windows could read only in part, and warns of the failed read', async () => {
    const partial: EsimInfo = {
      id: '89049032123451234512345678901235',
      eid: '89049032123451234512345678901235',
      firmwareVersion: '',
      modemDeviceId: 'modem-a',
      availableMemoryBytes: undefined,
      state: 'idle',
      slotIndex: undefined,
      policy: { shouldEnableManagingUi: false },
      profiles: [],
    };
    const backend = await createNativeBackend({ addon: scriptedAddon({ partial }) });
    const warnings: Error[] = [];
    const onWarning = (warning: Error): void => void warnings.push(warning);
    process.on('warning', onWarning);
    try {
      await expect(backend.esim.list()).resolves.toEqual([partial]);
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings).toEqual([
      expect.objectContaining({
        code: 'WMBB_ESIM_PARTIAL_READ',
        message: expect.stringContaining('WwanSvc'),
      }),
    ]);
    // A watcher delivers the eSIM, then the failure on 'error' (the watch goes on).
    const s = sink();
    const handle = await backend.esim.watch(s);
    await new Promise((resolve) => setImmediate(resolve));
    expect(s.calls).toEqual(['added', 'error', 'enumerationCompleted']);
    await handle.close();
  });

  it('gives up waiting for a Stopped that never comes, and says stopped itself', async () => {
    const addon = scriptedAddon({ answersStop: false });
    const backend = await createNativeBackend({ addon, events: { stopTimeoutMs: 30 } });
    const s = sink();
    const handle = await backend.esim.watch(s);
    await new Promise((resolve) => setImmediate(resolve));
    await handle.close();
    expect(s.calls).toEqual(['enumerationCompleted', 'stopped']);
    expect(addon.closed).toBe(1);
  });

  it('close() stops running watchers; calls after it are ERR_CLOSED', async () => {
    const addon = scriptedAddon();
    const backend = await createNativeBackend({ addon });
    const s = sink();
    await backend.esim.watch(s);
    await backend.close();
    expect(s.calls.at(-1)).toBe('stopped');
    expect(addon.closed).toBe(1);
    await expect(backend.esim.list()).rejects.toMatchObject({ code: 'ERR_CLOSED' });
    await expect(backend.esim.serviceInfo()).rejects.toMatchObject({ code: 'ERR_CLOSED' });
  });
});
