/**
 * The native backend's eSIM operations over a scripted stand-in for the addon (the real addon
 * runs in the Wine lane): how cancellation, close(), abandoned operations, unknown statuses and
 * metadata handles are handled in TypeScript.
 */

import { describe, expect, it, vi } from 'vitest';
import type {
  NativeAddon,
  NativeEsimRef,
  NativeMetadataRef,
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
import { ManualNativeOperation } from './manual-operation.js';

const eid = '89049032123451234512345678901235';
const code = 'LPA:1$smdp.example.com$04386-AGYFT-A74Y8-3F815';

/** An operation the test settles by hand. */
class ManualOperation<T> extends ManualNativeOperation<T> {
  constructor() {
    super('ESim.ResetAsync');
  }
}

function settledWith<T>(value: T): ManualOperation<T> {
  const operation = new ManualOperation<T>();
  operation.resolve(value);
  return operation;
}

interface Script {
  reset?: () => ManualOperation<number>;
  metadata?: NativeMetadataRef;
}

function scriptedAddon(script: Script): NativeAddon & { closedRefs: number } {
  const esimExports: NativeAddon['esim'] = {
    serviceInfo: () => settledWith({ authenticationPreference: 1, isEsimUiEnabled: true }),
    createWatcher: () => settledWith(null),
    findEsim: (id: string) => {
      if (id !== eid) return settledWith<NativeEsimRef | null | false>(null);
      const esim: NativeEsimRef = {
        downloadProfileMetadata: () =>
          settledWith({
            status: 0,
            metadata: script.metadata ?? null,
            id: '8944501234567890149',
            providerId: '310410',
            providerName: 'Contoso',
            isConfirmationCodeRequired: false,
            state: 1,
            canDelete: true,
            canDisable: true,
            isManagedByEnterprise: false,
          }),
        findProfile: () => settledWith(null),
        discover: () => {
          throw new Error('discover is not scripted here');
        },
        deleteProfile: () => settledWith(0),
        reset: () => (script.reset ? script.reset() : settledWith(0)),
        close: () => void addon.closedRefs++,
      };
      return settledWith<NativeEsimRef | null | false>(esim);
    },
  };
  const addon = {
    closedRefs: 0,
    core: { flush: () => settledWith<void>(undefined), openUri: unusedOpenUri },
    modems: unusedModems,
    operatorTasks: unusedOperatorTasks,
    operator: unpackagedOperator,
    ussd: unusedUssd,
    provisioning: unusedProvisioning,
    tetheringDiagnostics: unusedTetheringDiagnostics,
    tethering: unusedTethering,
    esim: esimExports,
  };
  return addon;
}

function metadataRef(confirm: () => NativeOperation<number>): NativeMetadataRef & {
  closed: number;
} {
  const ref = {
    closed: 0,
    confirmInstall: confirm,
    decline: () => settledWith(0),
    close: () => void ref.closed++,
  };
  return ref;
}

describe('native eSIM operations (scripted addon)', () => {
  it('an AbortSignal calls cancel() and the cancellation Windows confirms is ERR_ABORTED', async () => {
    const pending = new ManualOperation<number>();
    const backend = await createNativeBackend({ addon: scriptedAddon({ reset: () => pending }) });
    const controller = new AbortController();
    const reset = backend.esim.reset(eid, { signal: controller.signal });
    await new Promise((resolve) => setImmediate(resolve));
    controller.abort(new Error('user'));
    await expect(reset).rejects.toMatchObject({
      code: 'ERR_ABORTED',
      message: expect.stringContaining('esim.reset()'),
    });
    expect(pending.cancels).toBe(1);
    await backend.close();
  });

  it('settles with what Windows finished with when it finished before the cancellation', async () => {
    const pending = new ManualOperation<number>();
    pending.onCancel = () => pending.resolve(0);
    const backend = await createNativeBackend({ addon: scriptedAddon({ reset: () => pending }) });
    const controller = new AbortController();
    const reset = backend.esim.reset(eid, { signal: controller.signal });
    await new Promise((resolve) => setImmediate(resolve));
    controller.abort();
    await expect(reset).resolves.toBe('success');
    await backend.close();
  });

  it('a cancellation Windows makes on its own is ERR_ABORTED naming the call', async () => {
    const pending = new ManualOperation<number>();
    const backend = await createNativeBackend({ addon: scriptedAddon({ reset: () => pending }) });
    const reset = backend.esim.reset(eid);
    await new Promise((resolve) => setImmediate(resolve));
    pending.onCancel();
    await expect(reset).rejects.toMatchObject({
      code: 'ERR_ABORTED',
      details: { call: 'ESim.ResetAsync' },
    });
  });

  it('close() cancels pending operations (ERR_CLOSED) and abandons those Windows does not end', async () => {
    const confirmed = new ManualOperation<number>();
    const silent = new ManualOperation<number>();
    silent.onCancel = () => undefined; // Windows never answers
    let next = 0;
    const backend = await createNativeBackend({
      addon: scriptedAddon({ reset: () => (next++ === 0 ? confirmed : silent) }),
      events: { stopTimeoutMs: 20 },
    });
    const first = backend.esim.reset(eid).catch((error: unknown) => error);
    const second = backend.esim.reset(eid).catch((error: unknown) => error);
    await new Promise((resolve) => setImmediate(resolve));
    await backend.close();
    expect(await first).toMatchObject({ code: 'ERR_CLOSED' });
    expect(await second).toMatchObject({ code: 'ERR_CLOSED' });
    expect(confirmed.abandoned).toBe(false);
    expect(silent.abandoned).toBe(true);
    await expect(backend.esim.reset(eid)).rejects.toMatchObject({ code: 'ERR_CLOSED' });
  });

  it('a status newer than this package is reported as other; an absent eSIM is notFound', async () => {
    const backend = await createNativeBackend({
      addon: scriptedAddon({ reset: () => settledWith(99) }),
    });
    await expect(backend.esim.reset(eid)).resolves.toBe('other');
    await expect(backend.esim.reset('89049032123451234512345678900000')).resolves.toBe('notFound');
    await backend.close();
  });

  it('releases the metadata object when the install finishes, keeps it for a retry, and on close()', async () => {
    let status = 8; // IncorrectConfirmationCode
    const ref = metadataRef(() => settledWith(status));
    const addon = scriptedAddon({ metadata: ref });
    const backend = await createNativeBackend({ addon });
    const { metadata } = await backend.esim.downloadProfileMetadata(eid, code);
    expect(metadata).toMatchObject({ state: 'waitingForInstall', providerName: 'Contoso' });
    expect(addon.closedRefs).toBe(1); // the ESim object, after the download
    await expect(
      backend.esim.confirmInstall(metadata!.handle, { confirmationCode: 'x' }),
    ).resolves.toBe('incorrectConfirmationCode');
    expect(ref.closed).toBe(0);
    status = 0;
    await expect(
      backend.esim.confirmInstall(metadata!.handle, { confirmationCode: 'y' }),
    ).resolves.toBe('success');
    expect(ref.closed).toBe(1);
    await expect(backend.esim.confirmInstall(metadata!.handle)).rejects.toMatchObject({
      code: 'ERR_INVALID_STATE',
    });
    const again = await backend.esim.downloadProfileMetadata(eid, code);
    expect(again.metadata!.handle).not.toBe(metadata!.handle);
    await backend.close();
    expect(ref.closed).toBe(2);
  });

  it('reports progress through onProgress, in order, and survives a throwing callback', async () => {
    const emitWarning = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    const ref = metadataRef(() => settledWith(0));
    ref.confirmInstall = (_code, onProgress) => {
      onProgress?.(100, 50);
      onProgress?.(100, 100);
      return settledWith(0);
    };
    const backend = await createNativeBackend({ addon: scriptedAddon({ metadata: ref }) });
    const { metadata } = await backend.esim.downloadProfileMetadata(eid, code);
    const seen: number[] = [];
    await expect(
      backend.esim.confirmInstall(metadata!.handle, {
        onProgress: (p) => {
          seen.push(p.installedSizeInBytes);
          throw new Error('listener bug');
        },
      }),
    ).resolves.toBe('success');
    expect(seen).toEqual([50]);
    expect(emitWarning.mock.calls.map(([warning]) => (warning as { code?: string }).code)).toEqual([
      'ERR_LISTENER_FAILED',
    ]);
    emitWarning.mockRestore();
    await backend.close();
  });
});
