/**
 * The native backend's hotspot diagnosis facts (`wmbb hotspot doctor`): the Mobile Hotspot and
 * WLAN AutoConfig services from the Service Control Manager, the first Wi-Fi radio
 * (`Windows.Devices.Radios`), whether there is an internet connection profile, and the known
 * blocking policies, read by the addon (native/winrt/tethering-diagnostics) on its MTA thread.
 * The judgement is shared TypeScript (lib/tethering/diagnose-hotspot.ts).
 *
 * A radio that cannot be read (no `Radio` class, access refused) is `'unknown'` rather than a
 * failure: the other facts still help. A failure of `NetworkInformation` rejects, typed by its
 * HRESULT.
 *
 * @module
 * @internal
 */

import type { ServiceState, TetheringDiagnostics } from '../backend.js';
import type { NativeAddon } from './addon-types.js';
import { fromNativeError } from './hresult.js';

/** `ServiceReading` (native/winrt/tethering-diagnostics/service-state.h), in its order. */
const serviceStates: readonly ServiceState[] = [
  'running',
  'stopped',
  'startPending',
  'stopPending',
  'paused',
  'disabled',
  'notFound',
  'unknown',
];

/** `Windows.Devices.Radios.RadioState` by value; -1 is the addon's "no Wi-Fi radio". */
const radioStates = new Map<number, TetheringDiagnostics['wifiRadio']>([
  [0, 'unknown'],
  [1, 'on'],
  [2, 'off'],
  [3, 'disabled'],
  [-1, 'absent'],
]);

/** Reads what the hotspot depends on; the JS thread never waits on Windows. */
export async function readTetheringDiagnostics(addon: NativeAddon): Promise<TetheringDiagnostics> {
  let facts;
  try {
    facts = await addon.tetheringDiagnostics.read().promise;
  } catch (error) {
    throw fromNativeError(error, {
      operation: 'Reading what the mobile hotspot depends on',
      cause: error,
    });
  }
  return {
    mobileHotspotService: serviceStates[facts.mobileHotspotService] ?? 'unknown',
    wlanService: serviceStates[facts.wlanService] ?? 'unknown',
    wifiRadio: radioStates.get(facts.wifiRadio) ?? 'unknown',
    internetProfile: facts.internetProfile,
    blockingPolicies: [...facts.blockingPolicies],
  };
}
