/**
 * The mobile hotspot on the native addon (issue 14 items 1 and 5), run by `node --test` in
 * Windows' node.exe under Wine (test/windows/run.sh bundles this file with esbuild): the
 * conformance suite the fake also runs, then what only the native side has — values of the
 * hotspot's enums newer than the package, Windows' failures as typed errors (the Mobile Hotspot
 * service named), no internet connection to share, the session configuration Windows is given,
 * MAC addresses and HostName objects, cancellation through IAsyncInfo.Cancel, both completion
 * threads, close() with a start pending, every manager kept on the addon's MTA thread and
 * nothing left alive, `wmbb hotspot` in a child process, and last an STA JS thread.
 */

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { Backend } from '../../lib/backend.js';
import { connect } from '../../lib/connect.js';
import { MobileBroadbandError } from '../../lib/errors.js';
import type { MobileBroadband } from '../../lib/mobile-broadband.js';
import type { NativeAddon } from '../../lib/native/addon-types.js';
import { loadAddon } from '../../lib/native/load-addon.js';
import { createNativeBackend } from '../../lib/native/native-backend.js';
import { defineTetheringConformance } from '../conformance/tethering-conformance.js';
import type { TestApi } from '../conformance/test-api.js';
import {
  internetProfileName,
  namedProfileName,
  resetTethering,
  tetheringControl,
} from './tethering-control.js';
import { tetheringNativeDriver } from './tethering-native-driver.js';

const control = tetheringControl();
const addon = loadAddon<NativeAddon>();
const passphrase = 'wmbb-test-passphrase';

const api: TestApi = {
  describe: (name, body) => void describe(name, body),
  it: (name, body) => void it(name, { timeout: 60_000 }, body),
  skip: (name, reason) => void it(name, { skip: reason }, () => undefined),
  beforeEach: (body) => beforeEach(body),
  afterEach: (body) => afterEach(body),
};

defineTetheringConformance(api, tetheringNativeDriver());

/** Nothing of the component alive, and no manager touched off the thread that made it. */
async function nothingLeft(): Promise<void> {
  assert.ok(control.waitIdle(5000), "the component's operation threads ended");
  // Closes queued by completions that arrived meanwhile run on the addon's MTA thread.
  await addon.core.flush().promise;
  await addon.core.flush().promise;
  assert.equal(control.liveObjects(), 0, 'component objects alive after close()');
  assert.equal(
    control.tetheringCounts().foreignThreadCalls,
    0,
    'a manager called or released off the thread that made it',
  );
}

/** Asserts a typed error with `code` whose text never holds the passphrase. */
function rejectsWith(code: string, check?: (error: MobileBroadbandError) => void) {
  return (error: unknown): boolean => {
    assert.ok(
      error instanceof MobileBroadbandError,
      `a MobileBroadbandError, got ${String(error)}`,
    );
    assert.equal(error.code, code, error.message);
    assert.ok(!JSON.stringify(error).includes(passphrase), 'no passphrase in the error');
    assert.ok(!error.message.includes(passphrase), 'no passphrase in the message');
    check?.(error);
    return true;
  };
}

void describe('native hotspot: what only Windows does', () => {
  let backend: Backend;
  let mbb: MobileBroadband;
  beforeEach(async () => {
    resetTethering(control);
    backend = await createNativeBackend();
    mbb = await connect({ backend });
  });
  afterEach(async () => {
    await mbb.close();
    await nothingLeft();
  });

  void it('after the conformance suite, nothing of the component is alive', async () => {
    // The live-object count is the process's: what the suite left would still be counted.
    await nothingLeft();
  });

  void it('enum values newer than the package: unknown, never a crash; a band is a typed error', async () => {
    control.tetheringSetCapability(42);
    control.tetheringSetOperationalState(9);
    assert.deepEqual(
      { ...(await mbb.tethering.status()), maxClientCount: undefined },
      {
        capability: 'disabledDueToUnknownCause',
        operationalState: 'unknown',
        clientCount: 0,
        maxClientCount: undefined,
      },
    );
    control.tetheringSetCapability(0);
    control.tetheringScriptNext('start', 77, 'a status of a newer Windows');
    assert.deepEqual(await mbb.tethering.start(), {
      status: 'unknown',
      additionalErrorMessage: 'a status of a newer Windows',
    });
    control.tetheringSetStoredAccessPoint({
      ssid: 'Newer',
      passphrase,
      band: 9,
      authenticationKind: 0,
    });
    await assert.rejects(
      mbb.tethering.accessPoint(),
      rejectsWith('ERR_NOT_SUPPORTED', (error) =>
        assert.match(error.message, /TetheringWiFiBand 9/),
      ),
    );
  });

  void it("Windows' failures are typed errors naming the call, the HRESULT and the service", async () => {
    control.setFailure('NetworkOperatorTetheringManager.StartTetheringAsync', 0x800706ba);
    await assert.rejects(
      mbb.tethering.start(),
      rejectsWith('ERR_SERVICE_UNAVAILABLE', (error) => {
        assert.match(error.message, /NetworkOperatorTetheringManager\.StartTetheringAsync/);
        assert.match(error.message, /icssvc/);
        assert.equal(error.details?.hresult, '0x800706ba');
      }),
    );
    control.setFailure('NetworkOperatorTetheringManager.CreateFromConnectionProfile', 0x80070005);
    await assert.rejects(
      mbb.tethering.status(),
      rejectsWith('ERR_NOT_AUTHORIZED', (error) => assert.match(error.message, /wiFiControl/)),
    );
    control.setFailure('NetworkOperatorTetheringManager.CreateFromConnectionProfile', 0);
    control.setFailure('NetworkOperatorTetheringManager.GetTetheringClients', 0x80004005);
    await assert.rejects(
      mbb.tethering.clients(),
      rejectsWith('ERR_WINDOWS', (error) => assert.equal(error.hresult, 0x80004005)),
    );
    control.setFailure('NetworkInformation.GetConnectionProfiles', 0x8007000e);
    await assert.rejects(
      mbb.tethering.forProfile(namedProfileName).status(),
      rejectsWith('ERR_WINDOWS'),
    );
  });

  void it('without an internet connection: ERR_INVALID_STATE saying so; a named profile still works', async () => {
    control.tetheringSetProfiles([internetProfileName, namedProfileName], '');
    for (const call of [
      () => mbb.tethering.status(),
      () => mbb.tethering.start(),
      () => mbb.tethering.accessPoint(),
    ]) {
      await assert.rejects(
        call(),
        rejectsWith('ERR_INVALID_STATE', (error) =>
          assert.match(error.message, /no internet connection to share/),
        ),
      );
    }
    assert.equal((await mbb.tethering.forProfile(namedProfileName).status()).capability, 'enabled');
    // The derived hotspot poll says nothing while there is nothing to share.
    const errors: unknown[] = [];
    mbb.notifications.on('error', (error) => void errors.push(error));
    mbb.notifications.on('tetheringOperationalStateChanged', () => undefined);
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.deepEqual(errors, []);
  });

  void it('an unknown profile name is ERR_INVALID_ARGUMENT naming the profiles there', async () => {
    await assert.rejects(
      mbb.tethering.forProfile('Nowhere').status(),
      rejectsWith('ERR_INVALID_ARGUMENT', (error) => {
        assert.match(error.message, /Contoso/);
        assert.match(error.message, /Fabrikam Ethernet/);
      }),
    );
  });

  void it('start({ session }) hands Windows a session configuration; stop forgets it', async () => {
    const result = await mbb.tethering.start({
      session: { ssid: 'Just today', band: '5GHz', authenticationKind: 'wpa3TransitionMode' },
    });
    assert.equal(result.status, 'success');
    const given = control.tetheringAccessPoints();
    assert.deepEqual(given, {
      storedSsid: 'WMBB-Test',
      storedBand: 0,
      session: {
        ssid: 'Just today',
        band: 2,
        authenticationKind: 1,
        passphraseLength: passphrase.length,
      },
    });
    await mbb.tethering.stop();
    assert.equal(control.tetheringAccessPoints().session, null);
  });

  void it('clients: MAC addresses upper-cased, host names from HostName.DisplayName', async () => {
    await mbb.tethering.start();
    control.tetheringClientJoined('0a:1b:2c:3d:4e:5f', ['phone', 'phone.local']);
    assert.deepEqual(await mbb.tethering.clients(), [
      { macAddress: '0A:1B:2C:3D:4E:5F', hostNames: ['phone', 'phone.local'] },
    ]);
  });

  void it('a band the adapter lacks is refused before Windows stores anything', async () => {
    const before = control.tetheringAccessPoints().storedBand;
    await assert.rejects(
      backend.tethering.configureAccessPoint({ ssid: 'Direct', passphrase, band: '6GHz' }),
      rejectsWith('ERR_NOT_SUPPORTED', (error) => assert.match(error.message, /6GHz/)),
    );
    assert.equal(control.tetheringAccessPoints().storedSsid, 'WMBB-Test');
    assert.equal(control.tetheringAccessPoints().storedBand, before);
  });

  void it('an abort mid-way cancels through IAsyncInfo.Cancel; Windows confirms; ERR_ABORTED', async () => {
    control.tetheringScriptNext('start', 0, '', 30_000);
    const controller = new AbortController();
    const starting = mbb.tethering.start({ signal: controller.signal });
    setTimeout(() => controller.abort(), 200);
    const started = Date.now();
    await assert.rejects(starting, rejectsWith('ERR_ABORTED'));
    assert.ok(Date.now() - started < 10_000, 'Windows ended it when cancelled');
    assert.equal(control.operationCounts().cancelCalls, 1);
    assert.equal(control.tetheringHotspot().state, 2, 'a cancelled start changes nothing');
  });

  void it('a completion inside put_Completed and one on another thread both settle', async () => {
    control.setCompletion(1);
    assert.equal((await mbb.tethering.start()).status, 'success');
    assert.equal(await mbb.tethering.isBandSupported('5GHz'), true);
    control.setCompletion(0);
    assert.equal((await mbb.tethering.stop()).status, 'success');
    const counts = control.operationCounts();
    assert.equal(counts.synchronous, 2);
    assert.equal(counts.otherThread, 1);
  });

  void it('close() while Windows starts the hotspot: ERR_CLOSED, and Windows cancels it', async () => {
    control.tetheringScriptNext('start', 0, '', 30_000);
    const starting = assert.rejects(mbb.tethering.start(), rejectsWith('ERR_CLOSED'));
    await new Promise((resolve) => setTimeout(resolve, 200));
    await backend.close();
    await starting;
    assert.equal(control.operationCounts().cancelCalls, 1);
  });

  void it("every manager is made, used and released on one thread (the addon's MTA thread)", async () => {
    await mbb.tethering.status();
    await mbb.tethering.start();
    await mbb.tethering.clients();
    await mbb.tethering.configure({ band: '2.4GHz' });
    await mbb.tethering.stop();
    await mbb.close();
    await nothingLeft();
    assert.ok(control.tetheringCounts().managers >= 5);
  });

  void it('wmbb hotspot status --json and its error lines on the native backend', () => {
    const cli = `${process.env.WMBB_PACKAGE_ROOT!}\\dist\\cli\\main.js`;
    const run = (args: string[]) =>
      spawnSync(process.execPath, [cli, 'hotspot', ...args], { encoding: 'utf8', timeout: 60_000 });
    // A fresh process: the component as its Reset() leaves it.
    const status = run(['status', '--json']);
    assert.equal(status.status, 0, status.stderr);
    assert.deepEqual(JSON.parse(status.stdout), {
      capability: 'enabled',
      operationalState: 'off',
      clientCount: 0,
      maxClientCount: 8,
      noConnectionsTimeout: true,
      accessPoint: {
        ssid: 'WMBB-Test',
        passphrase: `******** (${passphrase.length} characters)`,
        band: 'auto',
        authenticationKind: 'wpa2',
      },
    });
    const on = run(['on', '--ssid', 'Cli session', '--band', '5GHz', '--json']);
    assert.equal(on.status, 0, on.stderr);
    assert.deepEqual(JSON.parse(on.stdout), {
      ok: true,
      status: 'success',
      additionalErrorMessage: '',
      keepOn: false,
    });
    const band = run(['config', '--band', '6GHz', '--json']);
    assert.equal(band.status, 1, band.stdout);
    assert.match(band.stderr, /ERR_NOT_SUPPORTED/);
    assert.match(band.stderr, /6GHz/);
    // A machine without an internet connection: one line saying so, exit 1.
    const offline = spawnSync(process.execPath, [cli, 'hotspot', 'status'], {
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, WMBB_TEST_HOTSPOT: 'noInternet' },
    });
    assert.equal(offline.status, 1, offline.stdout);
    assert.match(
      offline.stderr,
      /^wmbb: ERR_INVALID_STATE: Reading the hotspot's status: there is no internet connection to share/,
    );
    assert.equal(offline.stderr.trim().split('\n').length, 1, offline.stderr);
    for (const text of [
      offline.stderr,
      status.stdout,
      status.stderr,
      on.stdout,
      on.stderr,
      band.stdout,
      band.stderr,
    ])
      assert.ok(!text.includes(passphrase), 'no passphrase printed');
  });

  // Last: the JS thread stays an STA for the rest of the process.
  void it("from a JS thread that is an STA (Electron's main process), every call completes", async () => {
    assert.equal(control.makeSta(), 'sta');
    assert.equal((await mbb.tethering.status()).operationalState, 'off');
    assert.equal((await mbb.tethering.start()).status, 'success');
    await mbb.tethering.disableNoConnectionsTimeout();
    assert.equal(await mbb.tethering.isNoConnectionsTimeoutEnabled(), false);
    control.tetheringScriptNext('stop', 0, '', 30_000);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    await assert.rejects(
      mbb.tethering.stop({ signal: controller.signal }),
      rejectsWith('ERR_ABORTED'),
    );
    assert.equal((await mbb.tethering.stop()).status, 'success');
  });
});
