/**
 * What the hotspot depends on, read natively for `wmbb hotspot doctor` (services, Wi-Fi radio,
 * internet profile, policies). Written on a branch of its own; this placeholder keeps the
 * native backend compiling until it is merged.
 *
 * @module
 * @internal
 */

import type { TetheringDiagnostics } from '../backend.js';
import { MobileBroadbandError } from '../errors.js';
import type { NativeAddon } from './addon-types.js';

/** The hotspot's dependencies as Windows reports them. */
export function readTetheringDiagnostics(addon: NativeAddon): Promise<TetheringDiagnostics> {
  void addon;
  return Promise.reject(
    new MobileBroadbandError(
      'ERR_NOT_SUPPORTED',
      'The native backend does not read the hotspot diagnostics yet (services, Wi-Fi radio, policies): not implemented yet',
    ),
  );
}
