/**
 * `list()` as Windows defines it: an `ESimWatcher` run until `EnumerationCompleted`, then
 * stopped. Shared by both backends, so the fake and the native addon list with the same
 * semantics, errors and cancellation.
 *
 * @module
 * @internal
 */

import type { EsimInfo, EsimWatchHandle, EsimWatchSink, OperationOptions } from '../backend.js';
import { MobileBroadbandError } from '../errors.js';
import { abortedError, checkOperationOptions } from './esim-validation.js';

const where = 'esim.list()';

/** The code of the process warning for an eSIM listed with fields that could not be read. */
export const partialReadWarning = 'WMBB_ESIM_PARTIAL_READ';

/** An error about one eSIM that was still delivered (native backend, details.partial). */
function isPartialRead(error: Error): error is MobileBroadbandError {
  return error instanceof MobileBroadbandError && error.details?.partial === true;
}

function describeCall(error: MobileBroadbandError): string {
  const call = error.details?.call;
  return typeof call === 'string' ? `failed call: ${call}` : '';
}

/** Starts a watcher through `watch`, collects eSIMs until enumeration completes, stops it. */
export async function listByWatching(
  watch: (sink: EsimWatchSink) => Promise<EsimWatchHandle>,
  options?: OperationOptions,
): Promise<EsimInfo[]> {
  const { signal } = checkOperationOptions(options, where);
  if (signal?.aborted) throw abortedError(where, signal);

  const esims = new Map<string, EsimInfo>();
  let settle!: (error: Error | undefined) => void;
  const finished = new Promise<Error | undefined>((resolve) => (settle = resolve));
  let handle: EsimWatchHandle | undefined;
  const onAbort = (): void => settle(abortedError(where, signal!));
  signal?.addEventListener('abort', onAbort, { once: true });
  // A watcher never holds the process open by itself; a list() in progress is an operation
  // the caller awaits, so it does, until it settles.
  const keepAlive = setInterval(() => undefined, 2 ** 30);
  try {
    handle = await watch({
      added: (esim) => void esims.set(esim.id, esim),
      updated: (esim) => void esims.set(esim.id, esim),
      removed: (esim) => void esims.delete(esim.id),
      enumerationCompleted: () => settle(undefined),
      stopped: () =>
        settle(
          new MobileBroadbandError(
            'ERR_INVALID_STATE',
            `${where}: Windows stopped the eSIM watcher before the enumeration completed`,
          ),
        ),
      overflow: (discarded) =>
        settle(
          new MobileBroadbandError(
            'ERR_OVERFLOW',
            `${where}: ${discarded} eSIM events were discarded, so the list would be incomplete`,
          ),
        ),
      // An eSIM Windows could read only in part is listed with what could be read; the failed
      // read is no reason to lose the whole list (a removed eSIM often answers only for its
      // identity). It is reported as a process warning, since list() has no 'error' event.
      error: (error) => {
        if (isPartialRead(error)) {
          process.emitWarning(error.message, {
            code: partialReadWarning,
            detail: describeCall(error),
          });
          return;
        }
        settle(error);
      },
    });
    if (signal?.aborted) settle(abortedError(where, signal));
    const error = await finished;
    if (error !== undefined) throw error;
    return [...esims.values()];
  } finally {
    clearInterval(keepAlive);
    signal?.removeEventListener('abort', onAbort);
    // Resolve only once the watcher has stopped: nothing of it outlives the call.
    await handle?.close();
  }
}
