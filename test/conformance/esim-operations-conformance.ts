/**
 * The eSIM operations conformance suite: downloads, installs, declines, profile changes and
 * resets, for every backend. Runs on the fake under vitest (esim-fake.test.ts) and on the
 * native addon in Windows' node.exe under Wine (test/windows/esim-native.test.ts), where
 * "Windows" is the project's test component completing `IAsyncOperation`s on its own threads or
 * synchronously inside `put_Completed`.
 */

import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import type {
  Backend,
  EsimInfo,
  EsimInstallProgress,
  EsimOperationStatus,
} from '../../lib/backend.js';
import { connect } from '../../lib/connect.js';
import { MobileBroadbandError } from '../../lib/errors.js';
import type { MobileBroadband } from '../../lib/mobile-broadband.js';
import { esimOperationStatuses } from '../../lib/native/winrt-enums.js';
import {
  capability,
  eidA,
  eidB,
  fullEsim,
  iccid1,
  iccid2,
  recorder,
  rejectsWith,
  waitFor,
} from './esim-conformance.js';
import type { EsimScenarioDriver } from './scenario-driver.js';
import type { TestApi } from './test-api.js';

const matchingId = '04386-AGYFT-A74Y8-3F815';
const code = `LPA:1$smdp.example.com$${matchingId}`;
const confirmedMatchingId = 'K2-1XJ9Q-7QZ0L';
/** A code whose flag says a confirmation code is required. */
const codeWithConfirmation = `LPA:1$smdp.example.com$${confirmedMatchingId}$$1`;
const confirmationCode = '73519';
const iccid3 = '8944501234567890149';
const failures = esimOperationStatuses.filter((s) => s !== 'success');

const offered = {
  id: iccid3,
  isConfirmationCodeRequired: false,
  providerId: '310410',
  providerName: 'Contoso Mobile',
  state: 'waitingForInstall' as const,
  policy: { canDelete: true, canDisable: true, isManagedByEnterprise: false },
};

function hasStatus(status: EsimOperationStatus) {
  return (error: MobileBroadbandError): void => {
    assert.equal(error.details?.status, status, error.message);
  };
}

/** Every text a user could see of an error: message, JSON, inspection, causes. */
function everyText(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && depth < 5; depth++) {
    const text = current instanceof Error ? current.toString() : inspect(current);
    parts.push(text, inspect(current, { depth: 5 }), JSON.stringify(current) ?? '');
    current = (current as { cause?: unknown }).cause;
  }
  return parts.join('\n');
}

async function settle(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}

/** Defines the eSIM operations conformance tests for `driver`'s backend. */
export function defineEsimOperationsConformance(api: TestApi, driver: EsimScenarioDriver): void {
  const { describe, it, skip, afterEach } = api;

  describe(`eSIM operations conformance: ${driver.name}`, () => {
    let backend: Backend | undefined;
    let mbb: MobileBroadband | undefined;
    const open = async (): Promise<MobileBroadband> => {
      backend = await driver.createBackend();
      mbb = await connect({ backend });
      await driver.insert(fullEsim);
      return mbb;
    };

    afterEach(async () => {
      await mbb?.close();
      mbb = undefined;
      await backend?.close();
      backend = undefined;
      // Windows may hand the last references back a moment after the operations ended.
      await waitFor(
        async () => ((await driver.liveObjects()) ?? 0) === 0,
        'every Windows object (and every operation, closed) to be released after close()',
      ).catch(async () => {
        assert.equal(await driver.liveObjects(), 0, 'Windows objects still alive after close()');
      });
      assert.equal(await driver.runningWatchers(), 0, 'watchers still running after close()');
    });

    it('downloads metadata and installs with progress in order; the profile appears', async () => {
      const m = await open();
      await driver.scriptCode(code, {
        metadata: { id: iccid3, providerId: '310410', providerName: 'Contoso Mobile' },
        progressSteps: 4,
        profileSizeBytes: 4096,
      });
      const r = recorder();
      const handle = await backend!.esim.watch(r.sink);
      await waitFor(() => r.kinds().includes('enumerationCompleted'), 'enumerationCompleted');

      const metadata = await m.esim.downloadProfileMetadata(eidA, code);
      const { handle: opaque, ...fields } = metadata;
      assert.equal(typeof opaque, 'string');
      assert.ok(opaque.length > 0);
      assert.deepEqual(fields, offered);

      const progress: EsimInstallProgress[] = [];
      await m.esim.confirmInstall(metadata, { onProgress: (p) => void progress.push(p) });
      assert.deepEqual(progress, [
        { totalSizeInBytes: 4096, installedSizeInBytes: 1024 },
        { totalSizeInBytes: 4096, installedSizeInBytes: 2048 },
        { totalSizeInBytes: 4096, installedSizeInBytes: 3072 },
        { totalSizeInBytes: 4096, installedSizeInBytes: 4096 },
      ]);

      await waitFor(
        () => r.events.some((e) => e.kind === 'updated' && e.esim.profiles.length === 3),
        'an updated event with the installed profile',
      );
      await handle.close();
      const [esim] = await m.esim.list();
      assert.deepEqual(esim!.profiles.at(-1), {
        id: iccid3,
        class: 'operational',
        nickname: '',
        providerId: '310410',
        providerName: 'Contoso Mobile',
        state: 'disabled',
        policy: { canDelete: true, canDisable: true, isManagedByEnterprise: false },
      });
      // The metadata is spent: its Windows object was released.
      await rejectsWith(m.esim.confirmInstall(metadata), 'ERR_INVALID_STATE');
      await rejectsWith(m.esim.declineInstall(metadata, 'deny'), 'ERR_INVALID_STATE');
    });

    it('install() downloads and installs in one call', async () => {
      const m = await open();
      await driver.scriptCode(code, { metadata: { id: iccid3 }, progressSteps: 2 });
      const progress: number[] = [];
      const installed = await m.esim.install(eidA, code, {
        onProgress: (p) => void progress.push(p.installedSizeInBytes),
      });
      assert.equal(installed.id, iccid3);
      assert.equal(progress.length, 2);
      const [esim] = await m.esim.list();
      assert.ok(esim!.profiles.some((p) => p.id === iccid3));
    });

    it('every failed download status is ERR_ESIM_OPERATION with that status', async () => {
      const m = await open();
      for (const status of failures) {
        await driver.scriptCode(code, { download: status });
        await rejectsWith(m.esim.downloadProfileMetadata(eidA, code), 'ERR_ESIM_OPERATION', (e) => {
          hasStatus(status)(e);
          assert.equal(e.details?.call, 'ESim.DownloadProfileMetadataAsync');
          assert.ok(e.message.includes(`ESimOperationStatus ${status} (`), e.message);
        });
      }
    });

    it('every failed install status is ERR_ESIM_OPERATION with that status; nothing is installed', async () => {
      const m = await open();
      for (const status of failures) {
        await driver.scriptCode(code, { install: status, metadata: { id: iccid3 } });
        const metadata = await m.esim.downloadProfileMetadata(eidA, code);
        await rejectsWith(m.esim.confirmInstall(metadata), 'ERR_ESIM_OPERATION', (e) => {
          hasStatus(status)(e);
          assert.equal(e.details?.call, 'ESimProfileMetadata.ConfirmInstallAsync');
          assert.equal(e.details?.profileId, iccid3);
        });
        if (status === 'incorrectConfirmationCode' || status === 'confirmationCodeMissing') {
          await m.esim.declineInstall(metadata, 'postpone'); // still valid: spend it
        }
      }
      const [esim] = await m.esim.list();
      assert.deepEqual(
        esim!.profiles.map((p) => p.id),
        [iccid1, iccid2],
      );
    });

    it('a missing or wrong confirmation code fails and may be retried; the right one installs', async () => {
      const m = await open();
      await driver.scriptCode(codeWithConfirmation, {
        confirmationCode,
        metadata: { id: iccid3 },
      });
      const metadata = await m.esim.downloadProfileMetadata(eidA, codeWithConfirmation);
      assert.equal(metadata.isConfirmationCodeRequired, true);
      await rejectsWith(
        m.esim.confirmInstall(metadata),
        'ERR_ESIM_OPERATION',
        hasStatus('confirmationCodeMissing'),
      );
      const wrong = await settle(m.esim.confirmInstall(metadata, { confirmationCode: '00000' }));
      assert.ok(wrong instanceof MobileBroadbandError);
      assert.equal(wrong.details?.status, 'incorrectConfirmationCode');
      assert.equal(
        wrong.details?.call,
        'ESimProfileMetadata.ConfirmInstallWithConfirmationCodeAsync',
      );
      await m.esim.confirmInstall(metadata, { confirmationCode });
      const [esim] = await m.esim.list();
      assert.ok(esim!.profiles.some((p) => p.id === iccid3));
    });

    it('secrets (matching ids, confirmation codes) never appear in errors', async () => {
      const m = await open();
      await driver.scriptCode(codeWithConfirmation, { confirmationCode, metadata: { id: iccid3 } });
      const seen: unknown[] = [];
      const metadata = await m.esim.downloadProfileMetadata(eidA, codeWithConfirmation);
      seen.push(await settle(m.esim.confirmInstall(metadata, { confirmationCode: 'secret-999' })));
      await driver.scriptCode(codeWithConfirmation, { download: 'invalidMatchingId' });
      seen.push(await settle(m.esim.downloadProfileMetadata(eidA, codeWithConfirmation)));
      await driver.setFailure('ESim.DownloadProfileMetadataAsync', 0x80004005);
      seen.push(await settle(m.esim.downloadProfileMetadata(eidA, codeWithConfirmation)));
      await driver.setFailure('ESim.DownloadProfileMetadataAsync', undefined);
      seen.push(await settle(m.esim.downloadProfileMetadata(eidA, `${code}!`)));
      seen.push(
        await settle(
          m.esim.confirmInstall(metadata, { confirmationCode: 'x'.repeat(300) + confirmationCode }),
        ),
      );
      assert.equal(seen.length, 5);
      for (const error of seen) {
        assert.ok(error instanceof MobileBroadbandError, String(error));
        const text = everyText(error);
        for (const secret of [confirmedMatchingId, matchingId, confirmationCode, 'secret-999']) {
          assert.ok(!text.includes(secret), `a secret appears in: ${text}`);
        }
      }
    });

    it('invalid activation codes, ICCIDs and arguments are typed errors before any Windows call', async () => {
      const m = await open();
      // With the class missing, anything that reached Windows would be ERR_CLASS_NOT_REGISTERED.
      await driver.setAccess('classNotRegistered');
      for (const bad of [
        '',
        'LPA:2$smdp.example.com$X',
        '1$not a host$X',
        `1$h.example$${'!'.repeat(4)}`,
      ]) {
        await rejectsWith(m.esim.downloadProfileMetadata(eidA, bad), 'ERR_INVALID_ACTIVATION_CODE');
        await rejectsWith(
          backend!.esim.downloadProfileMetadata(eidA, bad),
          'ERR_INVALID_ACTIVATION_CODE',
        );
      }
      await rejectsWith(m.esim.install(eidA, 'nonsense'), 'ERR_INVALID_ACTIVATION_CODE');
      for (const bad of ['123', '89445012345678901A3', '']) {
        await rejectsWith(m.esim.enableProfile(eidA, bad), 'ERR_INVALID_ICCID');
        await rejectsWith(m.esim.disableProfile(eidA, bad), 'ERR_INVALID_ICCID');
        await rejectsWith(m.esim.deleteProfile(eidA, bad), 'ERR_INVALID_ICCID');
        await rejectsWith(m.esim.setProfileNickname(eidA, bad, 'x'), 'ERR_INVALID_ICCID');
        await rejectsWith(backend!.esim.setProfileEnabled(eidA, bad, true), 'ERR_INVALID_ICCID');
        await rejectsWith(backend!.esim.deleteProfile(eidA, bad), 'ERR_INVALID_ICCID');
      }
      await rejectsWith(m.esim.reset(''), 'ERR_INVALID_ARGUMENT');
      await rejectsWith(
        m.esim.setProfileNickname(eidA, iccid1, 'n'.repeat(65)),
        'ERR_INVALID_ARGUMENT',
      );
      await rejectsWith(m.esim.confirmInstall('', {}), 'ERR_INVALID_ARGUMENT');
      await rejectsWith(
        m.esim.confirmInstall('h', { onProgress: 'no' as unknown as () => void }),
        'ERR_INVALID_ARGUMENT',
      );
      await rejectsWith(
        m.esim.declineInstall('h', 'later' as unknown as 'deny'),
        'ERR_INVALID_ARGUMENT',
      );
      await rejectsWith(
        backend!.esim.setProfileEnabled(eidA, iccid1, 'yes' as unknown as boolean),
        'ERR_INVALID_ARGUMENT',
      );
      await driver.setAccess('authorized');
      await rejectsWith(m.esim.confirmInstall('never-downloaded'), 'ERR_INVALID_STATE');
      const cancels = await driver.cancelCalls();
      if (cancels !== undefined) assert.equal(cancels, 0);
    });

    it('an AbortSignal cancels a download and an install through IAsyncInfo.Cancel (ERR_ABORTED)', async () => {
      const m = await open();
      await driver.scriptCode(code, { metadata: { id: iccid3 }, durationMs: 60_000 });
      const downloading = new AbortController();
      const download = m.esim.downloadProfileMetadata(eidA, code, { signal: downloading.signal });
      setTimeout(() => downloading.abort(new Error('user cancelled')), 50);
      await rejectsWith(download, 'ERR_ABORTED', (e) => {
        assert.ok(e.message.includes('esim.downloadProfileMetadata()'), e.message);
      });
      const afterDownload = await driver.cancelCalls();
      if (afterDownload !== undefined) assert.equal(afterDownload, 1, 'Cancel() calls');

      // Download at once; then the same code's install takes a minute (scripts apply to the
      // operations started after them).
      await driver.scriptCode(code, { metadata: { id: iccid3 } });
      const metadata = await m.esim.downloadProfileMetadata(eidA, code);
      await driver.scriptCode(code, {
        metadata: { id: iccid3 },
        durationMs: 60_000,
        progressSteps: 600,
      });
      const installing = new AbortController();
      const install = m.esim.confirmInstall(metadata, { signal: installing.signal });
      setTimeout(() => installing.abort(), 50);
      await rejectsWith(install, 'ERR_ABORTED', (e) => {
        assert.ok(e.message.includes('esim.confirmInstall()'), e.message);
      });
      const afterInstall = await driver.cancelCalls();
      if (afterInstall !== undefined) assert.equal(afterInstall, 2, 'Cancel() calls');

      // An aborted signal stops the call before Windows is asked.
      await rejectsWith(
        m.esim.confirmInstall(metadata, { signal: AbortSignal.abort() }),
        'ERR_ABORTED',
      );
      const [esim] = await m.esim.list();
      assert.equal(esim!.profiles.length, 2, 'nothing was installed');
      // A cancelled install leaves the metadata valid.
      await driver.scriptCode(code, { metadata: { id: iccid3 } });
      await m.esim.declineInstall(metadata, 'deny');
      await rejectsWith(m.esim.declineInstall(metadata, 'deny'), 'ERR_INVALID_STATE');
    });

    it('close() while an operation is pending rejects it with ERR_CLOSED and releases everything', async () => {
      const m = await open();
      await driver.scriptCode(code, { metadata: { id: iccid3 } });
      const kept = await m.esim.downloadProfileMetadata(eidA, code);
      assert.ok(kept.handle);
      await driver.scriptCode(code, { metadata: { id: iccid3 }, durationMs: 60_000 });
      const pending = m.esim.downloadProfileMetadata(eidA, code);
      // Awaited from the start: close() may resolve a macrotask after it rejects the operation
      // (the native backend waits for its MTA thread to have released everything).
      const closed = rejectsWith(pending, 'ERR_CLOSED');
      await new Promise((resolve) => setTimeout(resolve, 50));
      await m.close();
      await closed;
      await rejectsWith(m.esim.confirmInstall(kept), 'ERR_CLOSED');
    });

    it('operations complete alike on another thread and synchronously inside put_Completed', async () => {
      const m = await open();
      for (const mode of ['otherThread', 'synchronous'] as const) {
        await driver.setCompletion?.(mode);
        await driver.scriptCode(code, {
          metadata: { id: iccid3 },
          progressSteps: 3,
          profileSizeBytes: 300,
        });
        const progress: number[] = [];
        const metadata = await m.esim.downloadProfileMetadata(eidA, code);
        await m.esim.confirmInstall(metadata, {
          onProgress: (p) => void progress.push(p.installedSizeInBytes),
        });
        assert.deepEqual(progress, [100, 200, 300], `${mode}: progress`);
        await m.esim.setProfileNickname(eidA, iccid3, mode);
        await m.esim.enableProfile(eidA, iccid3);
        let [esim] = await m.esim.list();
        assert.deepEqual(
          esim!.profiles.map((p) => [p.id, p.state, p.nickname]),
          [
            [iccid1, 'disabled', 'Work'],
            [iccid2, 'disabled', ''],
            [iccid3, 'enabled', mode],
          ],
        );
        await m.esim.disableProfile(eidA, iccid3);
        await m.esim.deleteProfile(eidA, iccid3);
        await m.esim.enableProfile(eidA, iccid1);
        [esim] = await m.esim.list();
        assert.deepEqual(
          esim!.profiles.map((p) => [p.id, p.state]),
          [
            [iccid1, 'enabled'],
            [iccid2, 'disabled'],
          ],
        );
        await driver.scriptCode(code, { download: 'serverNotReachable' });
        await rejectsWith(
          m.esim.downloadProfileMetadata(eidA, code),
          'ERR_ESIM_OPERATION',
          hasStatus('serverNotReachable'),
        );
        await driver.setFailure('ESim.ResetAsync', 0x80004005);
        await rejectsWith(m.esim.reset(eidA), 'ERR_WINDOWS', (e) =>
          assert.equal(e.hresult, 0x80004005),
        );
        await driver.setFailure('ESim.ResetAsync', undefined);
      }
      const counts = await driver.completions();
      if (counts !== undefined) {
        assert.ok(counts.otherThread >= 8, `completions on another thread: ${counts.otherThread}`);
        assert.ok(counts.synchronous >= 8, `synchronous completions: ${counts.synchronous}`);
      }
    });

    it('enables, disables, renames and deletes profiles by the rules; watchers see each change', async () => {
      const m = await open();
      const r = recorder();
      const handle = await backend!.esim.watch(r.sink);
      await waitFor(() => r.kinds().includes('enumerationCompleted'), 'enumerationCompleted');
      const states = async (): Promise<string[][]> => {
        const [esim] = await m.esim.list();
        return esim!.profiles.map((p) => [p.id, p.state, p.nickname]);
      };
      await m.esim.enableProfile(eidA, iccid2);
      assert.deepEqual(await states(), [
        [iccid1, 'disabled', 'Work'],
        [iccid2, 'enabled', ''],
      ]);
      await m.esim.setProfileNickname(eidA, iccid2, 'Travel');
      await m.esim.disableProfile(eidA, iccid2);
      assert.deepEqual(await states(), [
        [iccid1, 'disabled', 'Work'],
        [iccid2, 'disabled', 'Travel'],
      ]);
      await m.esim.deleteProfile(eidA, iccid2);
      // iccid1 may not be deleted (policy canDelete false).
      await rejectsWith(m.esim.deleteProfile(eidA, iccid1), 'ERR_ESIM_OPERATION', (e) => {
        hasStatus('policyViolation')(e);
        assert.equal(e.details?.profileId, iccid1);
        assert.equal(e.details?.esimId, eidA);
      });
      await driver.addProfile(eidA, {
        id: iccid3,
        state: 'enabled',
        policy: { canDisable: false },
      });
      await rejectsWith(
        m.esim.disableProfile(eidA, iccid3),
        'ERR_ESIM_OPERATION',
        hasStatus('policyViolation'),
      );
      await rejectsWith(
        m.esim.enableProfile(eidA, iccid2),
        'ERR_ESIM_OPERATION',
        hasStatus('notFound'),
      );
      await rejectsWith(
        m.esim.enableProfile('89049032123451234512345678900000', iccid1),
        'ERR_ESIM_OPERATION',
        hasStatus('notFound'),
      );
      await rejectsWith(
        m.esim.reset('89049032123451234512345678900000'),
        'ERR_ESIM_OPERATION',
        hasStatus('notFound'),
      );
      await waitFor(
        () => r.events.filter((e) => e.kind === 'updated').length >= 5,
        'an updated event per change',
      );
      await handle.close();
      const updated = r.events.flatMap((e) => (e.kind === 'updated' ? [e.esim] : []));
      assert.deepEqual(
        updated.map((esim: EsimInfo) =>
          esim.profiles.map((p) => `${p.id.slice(-3)}:${p.state}`).join(','),
        ),
        [
          '123:disabled,131:enabled',
          '123:disabled,131:enabled',
          '123:disabled,131:disabled',
          '123:disabled',
          '123:disabled,149:enabled',
        ],
      );
      await m.esim.reset(eidA);
      assert.deepEqual(await states(), []);
    });

    it('scripted outcomes of profile operations and resets are reported and change nothing', async () => {
      const m = await open();
      await driver.scriptProfile(iccid2, {
        enable: 'cardBusy',
        disable: 'operationProhibitedByProfileClass',
        nickname: 'other',
        delete: 'profileNotPresent',
      });
      await rejectsWith(m.esim.enableProfile(eidA, iccid2), 'ERR_ESIM_OPERATION', (e) => {
        hasStatus('cardBusy')(e);
        assert.equal(e.details?.call, 'ESimProfile.EnableAsync');
      });
      await rejectsWith(m.esim.disableProfile(eidA, iccid2), 'ERR_ESIM_OPERATION', (e) => {
        hasStatus('operationProhibitedByProfileClass')(e);
        assert.equal(e.details?.call, 'ESimProfile.DisableAsync');
      });
      await rejectsWith(m.esim.setProfileNickname(eidA, iccid2, 'x'), 'ERR_ESIM_OPERATION', (e) => {
        hasStatus('other')(e);
        assert.equal(e.details?.call, 'ESimProfile.SetNicknameAsync');
      });
      await rejectsWith(m.esim.deleteProfile(eidA, iccid2), 'ERR_ESIM_OPERATION', (e) => {
        hasStatus('profileNotPresent')(e);
        assert.equal(e.details?.call, 'ESim.DeleteProfileAsync');
      });
      await driver.scriptEsim(eidA, { reset: 'cardGeneralFailure' });
      await rejectsWith(m.esim.reset(eidA), 'ERR_ESIM_OPERATION', (e) => {
        hasStatus('cardGeneralFailure')(e);
        assert.equal(e.details?.call, 'ESim.ResetAsync');
      });
      const [esim] = await m.esim.list();
      assert.deepEqual(esim, { ...esim, profiles: fullEsim.profiles.map((p) => ({ ...p })) });
      await driver.scriptEsim(eidA, {});
      await m.esim.reset(eidA);
      assert.deepEqual((await m.esim.list())[0]!.profiles, []);
    });

    it('declining denies or postpones and spends the metadata; a scripted decline status is reported', async () => {
      const m = await open();
      await driver.scriptCode(code, { metadata: { id: iccid3 } });
      await m.esim.declineInstall(await m.esim.downloadProfileMetadata(eidA, code), 'deny');
      await m.esim.declineInstall(await m.esim.downloadProfileMetadata(eidA, code), 'postpone');
      await driver.scriptCode(code, { metadata: { id: iccid3 }, decline: 'serverFailure' });
      const metadata = await m.esim.downloadProfileMetadata(eidA, code);
      await rejectsWith(m.esim.declineInstall(metadata, 'postpone'), 'ERR_ESIM_OPERATION', (e) => {
        hasStatus('serverFailure')(e);
        assert.equal(e.details?.call, 'ESimProfileMetadata.PostponeInstallAsync');
      });
      await rejectsWith(m.esim.confirmInstall(metadata), 'ERR_INVALID_STATE');
      assert.equal((await m.esim.list())[0]!.profiles.length, 2);
    });

    it('an aborted decline keeps the metadata; a decline that fails with an HRESULT spends it', async () => {
      const m = await open();
      await driver.scriptCode(code, { metadata: { id: iccid3 } });
      const metadata = await m.esim.downloadProfileMetadata(eidA, code);
      await driver.scriptCode(code, { metadata: { id: iccid3 }, durationMs: 60_000 });
      const declining = new AbortController();
      const decline = m.esim.declineInstall(metadata, 'postpone', { signal: declining.signal });
      setTimeout(() => declining.abort(), 50);
      await rejectsWith(decline, 'ERR_ABORTED');
      await driver.scriptCode(code, { metadata: { id: iccid3 } });
      await driver.setFailure('ESimProfileMetadata.DenyInstallAsync', 0x80004005);
      await rejectsWith(m.esim.declineInstall(metadata, 'deny'), 'ERR_WINDOWS', (e) => {
        assert.equal(e.details?.call, 'ESimProfileMetadata.DenyInstallAsync');
      });
      await driver.setFailure('ESimProfileMetadata.DenyInstallAsync', undefined);
      await rejectsWith(m.esim.declineInstall(metadata, 'deny'), 'ERR_INVALID_STATE');
      await rejectsWith(m.esim.confirmInstall(metadata), 'ERR_INVALID_STATE');
    });

    it('a failed operation call becomes a typed error with its HRESULT and call', async () => {
      const m = await open();
      await driver.scriptCode(code, { metadata: { id: iccid3 } });
      await driver.setFailure('ESim.DownloadProfileMetadataAsync', 0x80070005);
      await rejectsWith(m.esim.downloadProfileMetadata(eidA, code), 'ERR_NOT_AUTHORIZED', (e) => {
        assert.equal(e.hresult, 0x80070005);
        assert.equal(e.details?.call, 'ESim.DownloadProfileMetadataAsync');
      });
      await driver.setFailure('ESim.DownloadProfileMetadataAsync', undefined);
      const metadata = await m.esim.downloadProfileMetadata(eidA, code);
      await driver.setFailure('ESimProfileMetadata.ConfirmInstallAsync', 0x80004005);
      await rejectsWith(m.esim.confirmInstall(metadata), 'ERR_WINDOWS', (e) => {
        assert.equal(e.hresult, 0x80004005);
        assert.equal(e.details?.call, 'ESimProfileMetadata.ConfirmInstallAsync');
        assert.ok(e.message.startsWith('Installing an eSIM profile: '), e.message);
      });
      // The install ended with an error: its metadata is spent.
      await rejectsWith(m.esim.confirmInstall(metadata), 'ERR_INVALID_STATE');
      await driver.setFailure('ESimProfile.EnableAsync', 0x80070015);
      await rejectsWith(m.esim.enableProfile(eidA, iccid2), 'ERR_NO_MODEM', (e) => {
        assert.equal(e.details?.call, 'ESimProfile.EnableAsync');
      });
      await driver.setFailure('ESimProfile.EnableAsync', undefined);
      // Finding the eSIM runs a watcher: its failures are the operation's.
      await driver.setFailure('ESimWatcher.Start', 0x80070005);
      await rejectsWith(m.esim.reset(eidA), 'ERR_NOT_AUTHORIZED', (e) => {
        assert.equal(e.details?.call, 'ESimWatcher.Start');
        assert.ok(e.message.startsWith('Resetting an eSIM: '), e.message);
      });
      await driver.setFailure('ESimWatcher.Start', undefined);
    });

    it('without the eSIM capability every operation is ERR_NOT_AUTHORIZED naming the capability', async () => {
      const m = await open();
      await driver.setAccess('notAuthorized');
      const names = (e: MobileBroadbandError): void =>
        assert.ok(e.message.includes(capability), e.message);
      await rejectsWith(m.esim.downloadProfileMetadata(eidA, code), 'ERR_NOT_AUTHORIZED', names);
      await rejectsWith(m.esim.enableProfile(eidA, iccid2), 'ERR_NOT_AUTHORIZED', names);
      await rejectsWith(m.esim.setProfileNickname(eidA, iccid2, 'x'), 'ERR_NOT_AUTHORIZED', names);
      await rejectsWith(m.esim.deleteProfile(eidA, iccid2), 'ERR_NOT_AUTHORIZED', names);
      await rejectsWith(m.esim.reset(eidA), 'ERR_NOT_AUTHORIZED', names);
      await driver.setAccess('classNotRegistered');
      await rejectsWith(m.esim.reset(eidA), 'ERR_CLASS_NOT_REGISTERED');
    });

    if (driver.scriptDiscover === undefined) {
      skip('discover(): every outcome', 'this driver cannot script ESim.DiscoverAsync yet');
    } else {
      const scriptDiscover = driver.scriptDiscover.bind(driver);
      const waiting = [
        { rspServerAddress: 'smdp.example.com', matchingId },
        { rspServerAddress: 'SMDP2.Example.NET', matchingId: confirmedMatchingId },
      ];

      it('discover() at the default SM-DS with nothing waiting finds nothing', async () => {
        const m = await open();
        assert.deepEqual(await m.esim.discover(eidA), { kind: 'none' });
        await scriptDiscover({ events: [] });
        assert.deepEqual(await m.esim.discover(eidA), { kind: 'none' });
      });

      it('discover() at the default SM-DS lists the events, matching ids masked; one downloads and installs', async () => {
        const m = await open();
        await scriptDiscover({ events: waiting });
        await driver.scriptCode(code, { metadata: { id: iccid3, providerName: 'Contoso Mobile' } });
        const found = await m.esim.discover(eidA);
        assert.equal(found.kind, 'events');
        if (found.kind !== 'events') return;
        assert.deepEqual(
          found.events.map((e) => [e.rspServerAddress, e.matchingId]),
          waiting.map((e) => [e.rspServerAddress, e.matchingId]),
        );
        const shown = [
          ...found.events.map(String),
          JSON.stringify(found),
          inspect(found, { depth: 5 }),
        ].join('\n');
        assert.ok(!shown.includes(matchingId), shown);
        assert.ok(!shown.includes(confirmedMatchingId), shown);
        assert.ok(shown.includes('smdp.example.com (matching id 0438… (23 characters))'), shown);
        const offer = await m.esim.downloadProfileMetadata(eidA, found.events[0]!.activationCode());
        assert.equal(offer.providerName, 'Contoso Mobile');
        await m.esim.confirmInstall(offer);
        const [esim] = await m.esim.list();
        assert.ok(esim!.profiles.some((p) => p.id === iccid3));
      });

      it('discover({ server, matchingId }) at an SM-DP+ offers the profile, ready for confirmInstall()', async () => {
        const m = await open();
        // The SM-DP+ answers for the activation code its address and the matching id make.
        await driver.scriptCode(`1$smdp.example.com$${confirmedMatchingId}`, {
          metadata: { id: iccid3, providerId: '310410', providerName: 'Contoso Mobile' },
          confirmationCode,
        });
        const found = await m.esim.discover(eidA, {
          server: 'smdp.example.com',
          matchingId: confirmedMatchingId,
        });
        assert.equal(found.kind, 'profileMetadata');
        if (found.kind !== 'profileMetadata') return;
        const { handle, ...fields } = found.metadata;
        assert.ok(handle.length > 0);
        assert.deepEqual(fields, { ...offered, isConfirmationCodeRequired: true });
        await rejectsWith(m.esim.confirmInstall(found.metadata), 'ERR_ESIM_OPERATION', (e) => {
          assert.equal(e.details?.status, 'confirmationCodeMissing');
          assert.match(String((e.details?.advice as { text: string }).text), /operator/);
        });
        await m.esim.confirmInstall(found.metadata, { confirmationCode });
        const [esim] = await m.esim.list();
        assert.ok(esim!.profiles.some((p) => p.id === iccid3));
      });

      it('every failed discover status is ERR_ESIM_OPERATION with that status and its advice', async () => {
        const m = await open();
        for (const status of failures) {
          await scriptDiscover({ status, events: waiting });
          await rejectsWith(m.esim.discover(eidA), 'ERR_ESIM_OPERATION', (e) => {
            hasStatus(status)(e);
            assert.equal(e.details?.call, 'ESim.DiscoverAsync');
            assert.ok(!everyText(e).includes(matchingId), e.message);
          });
          await scriptDiscover({ status }, 'smds.example.com');
          await rejectsWith(
            m.esim.discover(eidA, { server: 'smds.example.com', matchingId }),
            'ERR_ESIM_OPERATION',
            (e) => {
              hasStatus(status)(e);
              assert.equal(e.details?.call, 'ESim.DiscoverWithServerAddressAndMatchingIdAsync');
              assert.ok(!everyText(e).includes(matchingId), e.message);
            },
          );
        }
        // A download status of the code the SM-DP+ answers for is reported alike.
        await driver.scriptCode(code, { download: 'profileNotAvailableForNewBinding' });
        await rejectsWith(
          m.esim.discover(eidA, { server: 'smdp.example.com', matchingId }),
          'ERR_ESIM_OPERATION',
          (e) => {
            hasStatus('profileNotAvailableForNewBinding')(e);
            assert.match(e.message, /already used/);
          },
        );
        await rejectsWith(m.esim.discover(eidB), 'ERR_ESIM_OPERATION', hasStatus('notFound'));
      });

      it('discover() arguments are checked before any Windows call; an AbortSignal cancels it', async () => {
        const m = await open();
        for (const options of [
          { matchingId },
          { server: `${matchingId}!` },
          { server: 'smdp.example.com', matchingId: `${matchingId}!` },
          { server: 42 as unknown as string },
        ]) {
          await rejectsWith(m.esim.discover(eidA, options), 'ERR_INVALID_ARGUMENT', (e) => {
            assert.ok(!everyText(e).includes(matchingId), e.message);
          });
        }
        await rejectsWith(m.esim.discover(''), 'ERR_INVALID_ARGUMENT');
        await rejectsWith(
          m.esim.discover(eidA, 'x' as unknown as undefined),
          'ERR_INVALID_ARGUMENT',
        );
        const cancels = await driver.cancelCalls();
        if (cancels !== undefined) assert.equal(cancels, 0);

        await scriptDiscover({ events: waiting, durationMs: 60_000 });
        const controller = new AbortController();
        const discovering = m.esim.discover(eidA, { signal: controller.signal });
        setTimeout(() => controller.abort(), 50);
        await rejectsWith(discovering, 'ERR_ABORTED', (e) => {
          assert.ok(e.message.includes('esim.discover()'), e.message);
        });
        const after = await driver.cancelCalls();
        if (after !== undefined) assert.equal(after, 1, 'Cancel() calls');
      });
    }

    if (driver.pendingInWorker === undefined) {
      skip(
        'an operation pending in a worker thread that exits is cancelled and released',
        driver.noWorkersReason ?? 'not available',
      );
    } else {
      const pendingInWorker = driver.pendingInWorker.bind(driver);
      it('an operation pending in a worker thread that exits is cancelled and released', async () => {
        await open();
        await driver.scriptCode(code, { metadata: { id: iccid3 }, durationMs: 60_000 });
        const before = (await driver.cancelCalls()) ?? 0;
        await pendingInWorker(eidA, code);
        await waitFor(
          async () => ((await driver.cancelCalls()) ?? 0) > before,
          "Cancel() from the worker's teardown",
        );
      });
    }
  });
}
