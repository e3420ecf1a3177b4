/**
 * The hotspot diagnosis facts on the native addon (`wmbb hotspot doctor`), run by `node --test`
 * in Windows' node.exe under Wine (test/windows/run.sh bundles this file with esbuild). Every
 * fact is read for real: services Wine's Service Control Manager runs (the lane's own
 * wmbb-test-service.exe under the names icssvc and WlanSvc, made with sc.exe), registry values
 * made with reg.exe, and the test component standing in for Windows.Devices.Radios.Radio and
 * NetworkInformation. What stays unproven here is in docs/hotspot.md.
 */

import assert from 'node:assert/strict';
import { after, beforeEach, describe, it } from 'node:test';
import type { ServiceState, TetheringDiagnostics } from '../../lib/backend.js';
import type { NativeAddon } from '../../lib/native/addon-types.js';
import { loadAddon } from '../../lib/native/load-addon.js';
import { readTetheringDiagnostics } from '../../lib/native/native-tethering-diagnostics.js';
import { diagnoseHotspot } from '../../lib/tethering/diagnose-hotspot.js';
import {
  diagnosticsControl,
  policyValues,
  producibleServiceStates,
  resetNativeDiagnostics,
  setNativeDiagnostics,
  setServiceState,
} from './tethering-diagnostics-control.js';

const addon = loadAddon<NativeAddon>();
const control = diagnosticsControl();
const read = () => readTetheringDiagnostics(addon);
const slow = { timeout: 120_000 };

const healthy: TetheringDiagnostics = {
  mobileHotspotService: 'running',
  wlanService: 'running',
  wifiRadio: 'on',
  internetProfile: true,
  blockingPolicies: [],
};

/** Waits until the component has nothing alive (the addon releases on its MTA thread). */
async function nothingAlive(): Promise<void> {
  for (let attempt = 0; attempt < 50 && control.liveObjects() !== 0; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.equal(control.liveObjects(), 0, 'component objects alive after the reads');
}

void describe('hotspot diagnosis facts (native)', () => {
  beforeEach(() => {
    control.reset();
    control.diagnosticsReset();
  });
  after(async () => {
    // The lane's services are processes of the prefix: stopped and gone when the suite ends.
    await setServiceState('icssvc', 'notFound');
    await setServiceState('WlanSvc', 'notFound');
  });

  void it(
    'a healthy machine: both services running, the Wi-Fi radio on, internet, no policy',
    slow,
    async () => {
      await resetNativeDiagnostics();
      assert.deepEqual(await read(), healthy);
      const counts = control.diagnosticsCounts();
      assert.equal(counts.radioCalls, 1, 'Radio.GetRadiosAsync once');
      assert.equal(counts.profileCalls, 1, 'GetInternetConnectionProfile once');
      await nothingAlive();
    },
  );

  for (const state of producibleServiceStates) {
    void it(`the Mobile Hotspot service (icssvc) ${state} is read from the SCM`, slow, async () => {
      await setNativeDiagnostics({ mobileHotspotService: state });
      assert.equal((await read()).mobileHotspotService, state);
    });
  }

  for (const state of ['disabled', 'notFound', 'running'] satisfies ServiceState[]) {
    void it(
      `the WLAN AutoConfig service (WlanSvc) ${state} is read from the SCM`,
      slow,
      async () => {
        await setNativeDiagnostics({ wlanService: state });
        assert.equal((await read()).wlanService, state);
      },
    );
  }

  for (const radio of ['on', 'off', 'disabled', 'unknown', 'absent'] as const) {
    void it(`the first Wi-Fi radio ${radio} (another kind of radio beside it)`, async () => {
      await setNativeDiagnostics({ wifiRadio: radio });
      assert.equal((await read()).wifiRadio, radio);
      await nothingAlive();
    });
  }

  void it('no radios at all: absent', async () => {
    control.diagnosticsSetRadios([]);
    assert.equal((await read()).wifiRadio, 'absent');
  });

  void it('GetRadiosAsync completing inside put_Completed (synchronously) reads the same', async () => {
    control.setCompletion(1);
    await setNativeDiagnostics({ wifiRadio: 'off' });
    assert.equal((await read()).wifiRadio, 'off');
    await nothingAlive();
  });

  void it('GetRadiosAsync failing leaves the radio unknown and the other facts read', async () => {
    await setNativeDiagnostics({ internetProfile: false });
    control.diagnosticsSetRadiosError(0x80070005); // E_ACCESSDENIED
    const facts = await read();
    assert.equal(facts.wifiRadio, 'unknown');
    assert.equal(facts.internetProfile, false);
    await nothingAlive();
  });

  void it('the internet connection profile present, then absent', async () => {
    await setNativeDiagnostics({ internetProfile: true });
    assert.equal((await read()).internetProfile, true);
    await setNativeDiagnostics({ internetProfile: false });
    assert.equal((await read()).internetProfile, false);
    await nothingAlive();
  });

  for (const policy of Object.keys(policyValues)) {
    void it(`the policy ${policy} set to 0 blocks; removed, it does not`, slow, async () => {
      await setNativeDiagnostics({ blockingPolicies: [policy] });
      assert.deepEqual((await read()).blockingPolicies, [policy]);
      await setNativeDiagnostics({ blockingPolicies: [] });
      assert.deepEqual((await read()).blockingPolicies, []);
    });
  }

  void it('both policies at once, in a stable order', slow, async () => {
    await setNativeDiagnostics({ blockingPolicies: Object.keys(policyValues) });
    assert.deepEqual((await read()).blockingPolicies, Object.keys(policyValues));
    await setNativeDiagnostics({ blockingPolicies: [] });
  });

  void it(
    'end to end: the facts read here make diagnoseHotspot name each blocker',
    slow,
    async () => {
      await resetNativeDiagnostics();
      await setNativeDiagnostics({
        mobileHotspotService: 'disabled',
        wifiRadio: 'off',
        internetProfile: false,
        blockingPolicies: ['NC_ShowSharedAccessUI'],
      });
      // The JS thread keeps running while Windows is read: a timer fires before the answer.
      let ticked = false;
      setImmediate(() => (ticked = true));
      const facts = await read();
      assert.ok(ticked, 'the event loop ran during the read');
      const status = {
        capability: 'enabled',
        operationalState: 'off',
        clientCount: 0,
        maxClientCount: 8,
      } as const;
      const diagnosis = diagnoseHotspot(status, facts);
      assert.equal(diagnosis.canStart, false);
      const blocking = diagnosis.findings.filter((finding) => !finding.ok).map((f) => f.check);
      assert.deepEqual(blocking.sort(), [
        'blockingPolicy',
        'internetProfile',
        'mobileHotspotService',
        'wifiRadio',
      ]);
      await resetNativeDiagnostics();
      assert.equal(diagnoseHotspot(status, await read()).canStart, true);
      await nothingAlive();
    },
  );
});
