/**
 * An install's `onProgress` callback, isolated: a callback that throws (anything) or rejects
 * must neither stop the install nor crash the process. Its first failure is reported as a
 * process warning (`ERR_LISTENER_FAILED`, with the thrown value as the cause) and it is not
 * called again.
 *
 * @module
 * @internal
 */

import type { EsimInstallProgress } from '../backend.js';
import { callUserCode, listenerFailedError, warnUnhandled } from '../events/listener-failure.js';

/** Wraps `onProgress` (or nothing) into a callback that never throws. */
export function progressListener(
  onProgress: ((progress: EsimInstallProgress) => void) | undefined,
  where: string,
): (progress: EsimInstallProgress) => void {
  let failed = false;
  const onFailure = (error: unknown): void => {
    if (failed) return;
    failed = true;
    warnUnhandled(
      listenerFailedError(`${where}: options.onProgress`, error, {
        after: 'the install goes on without further progress reports',
      }),
    );
  };
  return (progress) => {
    if (onProgress === undefined || failed) return;
    callUserCode(onProgress, { ...progress }, onFailure);
  };
}
