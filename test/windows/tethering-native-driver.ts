/**
 * The tethering conformance driver for the native backend under Wine: "Windows" is the test
 * component's hotspot (native/test-component/tethering-classes.h), scripted through the control
 * addon. The backend runs on a virtual clock: `settle()` moves it one hotspot poll interval, so
 * events 11/12, which a process without the operator's task gets from that poll, arrive in
 * milliseconds. Windows' own clock turns an idle hotspot off, not the backend's: `advance()`
 * past the no-connections timeout tells the component that its time is up.
 */

import type {
  TetheringCapability,
  TetheringOperationStatus,
  TetheringWiFiAuthenticationKind,
  TetheringWiFiBand,
} from '../../lib/backend.js';
import { defaultHotspotPollMs } from '../../lib/derived/derived-options.js';
import { advanceSettling } from '../../lib/fake/advance-settling.js';
import { VirtualClock } from '../../lib/fake/virtual-clock.js';
import type { NativeAddon } from '../../lib/native/addon-types.js';
import { loadAddon } from '../../lib/native/load-addon.js';
import { createNativeBackend } from '../../lib/native/native-backend.js';
import {
  tetheringCapabilities,
  tetheringOperationStatuses,
  tetheringWiFiAuthenticationKinds,
  tetheringWiFiBands,
} from '../../lib/native/tethering-enums.js';
import type { TetheringScenarioDriver } from '../conformance/tethering-driver.js';
import { namedProfileName, resetTethering, tetheringControl } from './tethering-control.js';
import { resetNativeDiagnostics, setNativeDiagnostics } from './tethering-diagnostics-control.js';

/** Windows turns a hotspot without clients off after 5 minutes (its default). */
const noConnectionsTimeoutMs = 5 * 60_000;

/** A control step as the driver's promise-returning method (the control calls are synchronous). */
function done(step: () => void): Promise<void> {
  step();
  return Promise.resolve();
}

export function tetheringNativeDriver(): TetheringScenarioDriver {
  const control = tetheringControl();
  const addon = loadAddon<NativeAddon>();
  let clock = new VirtualClock();
  /** The addon's MTA round trips and the promises they settle: let several pass. */
  const flushed = async (): Promise<void> => {
    for (let i = 0; i < 6; i++) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      await addon.core.flush().promise;
    }
  };
  return {
    name: 'native (Windows node.exe under Wine, test component)',
    noConnectionsTimeoutMs,
    profileName: namedProfileName,
    async createBackend(setup = {}) {
      resetTethering(control, setup.windowsBuild ?? 26100);
      await resetNativeDiagnostics();
      clock = new VirtualClock();
      return await createNativeBackend({ clock });
    },
    setCapability: (capability: TetheringCapability) =>
      done(() => control.tetheringSetCapability(tetheringCapabilities.indexOf(capability))),
    setBandSupported: (band: TetheringWiFiBand, supported: boolean) =>
      done(() => control.tetheringSetBandSupported(tetheringWiFiBands.indexOf(band), supported)),
    setAuthenticationKindSupported: (kind: TetheringWiFiAuthenticationKind, supported: boolean) =>
      done(() =>
        control.tetheringSetAuthenticationKindSupported(
          tetheringWiFiAuthenticationKinds.indexOf(kind),
          supported,
        ),
      ),
    scriptNext: (operation, status: TetheringOperationStatus, additionalErrorMessage) =>
      done(() =>
        control.tetheringScriptNext(
          operation,
          tetheringOperationStatuses.indexOf(status),
          additionalErrorMessage,
        ),
      ),
    setDiagnostics: (patch) => setNativeDiagnostics(patch),
    clientJoins: (mac, hostNames) => done(() => control.tetheringClientJoined(mac, hostNames)),
    clientLeaves: (mac) => done(() => control.tetheringClientLeft(mac)),
    async advance(ms) {
      if (ms >= noConnectionsTimeoutMs) control.tetheringExpireIdleTimeout();
      await advanceSettling(clock, ms, flushed);
    },
    settle: () => advanceSettling(clock, defaultHotspotPollMs, flushed),
  };
}
