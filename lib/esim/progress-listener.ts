/**
 * An install's `onProgress` callback, isolated: a callback that throws must neither stop the
 * install nor crash the process. Its first failure is reported as a process warning
 * (`ERR_LISTENER_FAILED`, with the error as the cause) and it is not called again.
 *
 * @module
 * @internal
 */

import type { EsimInstallProgress } from '../backend.js';
import { MobileBroadbandError } from '../errors.js';

/** Wraps `onProgress` (or nothing) into a callback that never throws. */
export function progressListener(
  onProgress: ((progress: EsimInstallProgress) => void) | undefined,
  where: string,
): (progress: EsimInstallProgress) => void {
  let failed = false;
  return (progress) => {
    if (onProgress === undefined || failed) return;
    try {
      onProgress({ ...progress });
    } catch (error) {
      failed = true;
      process.emitWarning(
        new MobileBroadbandError(
          'ERR_LISTENER_FAILED',
          `${where}: options.onProgress threw (${error instanceof Error ? error.message : String(error)}); the install goes on without further progress reports`,
          { cause: error },
        ),
      );
    }
  };
}
