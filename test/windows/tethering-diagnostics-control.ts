/**
 * How the Wine tests set what `tethering.diagnostics()` reads natively (services, Wi-Fi radio,
 * internet profile, policies). Written with the native diagnostics on a branch of its own; until
 * it is merged, nothing can be set, so there is nothing to reset, and setting is refused.
 */

import type { TetheringDiagnostics } from '../../lib/backend.js';

/** Makes the component report `patch` from now on. */
export function setNativeDiagnostics(patch: Partial<TetheringDiagnostics>): void {
  void patch;
  throw new Error('setNativeDiagnostics: not implemented yet (the native hotspot diagnostics)');
}

/** Back to the component's defaults. Nothing can be set yet, so nothing to undo. */
export function resetNativeDiagnostics(): void {}
