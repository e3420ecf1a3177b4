/**
 * The native backend: Windows through the C++ addon. Loaded only on Windows.
 *
 * @module
 */

import type { Backend } from '../backend.js';
import { systemClock } from '../clock.js';
import { notSupported } from '../not-supported.js';
import { loadAddon } from './load-addon.js';

/** Creates the native backend; rejects with `ERR_NATIVE_LOAD` if the addon cannot be loaded. */
export async function createNativeBackend(): Promise<Backend> {
  loadAddon<unknown>();
  const why = 'not implemented by the native addon of this version';
  return await Promise.resolve({
    name: 'native',
    clock: systemClock,
    notifications: notSupported('native', 'notifications', why),
    esim: notSupported('native', 'esim', why),
    tethering: notSupported('native', 'tethering', why),
    modems: notSupported('native', 'modems', why),
    ussd: notSupported('native', 'ussd', why),
    provisioning: notSupported('native', 'provisioning', why),
    close: () => Promise.resolve(),
  });
}
