/**
 * Waiting for Ctrl+C: what the commands that run until stopped (`watch`, `status --watch`,
 * `esim watch`) wait on.
 *
 * @module
 */

/** Resolves once `signal` aborts; never without a signal. */
export function untilAborted(signal: AbortSignal | undefined): Promise<void> {
  if (signal === undefined) return new Promise(() => undefined);
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) =>
    signal.addEventListener('abort', () => resolve(), { once: true }),
  );
}
