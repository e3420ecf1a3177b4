/**
 * The cancellable operations of a native capability (eSIM operations, a provisioning apply, a
 * hotspot start or stop): each awaited with its abort signal wired to `cancel()`, and all of
 * them ended by `close()`, which cancels them, waits for Windows to confirm for at most
 * `stopTimeoutMs` and then abandons the rest to the addon (which releases each when Windows
 * ends it).
 *
 * @module
 * @internal
 */

import { MobileBroadbandError } from '../errors.js';
import { abortedError } from '../esim/esim-validation.js';
import type { NativeOperation } from './addon-types.js';
import { isNativeCallError } from './hresult.js';

/** A pending operation, as `close()` sees it. */
interface Pending {
  cancel(): void;
  abandon(): void;
  readonly settled: Promise<void>;
}

/** How {@link CancellableOperations.run} names what ended an operation. */
export interface RunContext {
  /** The public call, for the errors (`mbb.esim.download(…)`). */
  where: string;
  signal: AbortSignal | undefined;
  /** The error of an operation `close()` ended. */
  closed: () => MobileBroadbandError;
  /** The Windows call to name when Windows cancelled the operation by itself. */
  canceledCall: (error: { call: string }) => string;
}

export class CancellableOperations {
  readonly #stopTimeoutMs: number;
  readonly #pending = new Set<Pending>();
  #closing = false;

  constructor(stopTimeoutMs: number) {
    this.#stopTimeoutMs = stopTimeoutMs;
  }

  /** `close()` has been called: no operation may start. */
  get closing(): boolean {
    return this.#closing;
  }

  /**
   * Awaits `native` (just started) with the signal wired to its `cancel()`. A cancellation is
   * the closed error when `close()` caused it, the abort error when the signal did, and
   * `ERR_ABORTED` naming the call when Windows cancelled by itself; any other failure is
   * rethrown as it came, for the caller's own mapping.
   */
  async run<T>(native: NativeOperation<T>, context: RunContext): Promise<T> {
    const { where, signal } = context;
    let abandon!: () => void;
    const abandoned = new Promise<never>((_, reject) => {
      abandon = () => {
        native.abandon();
        reject(context.closed());
      };
    });
    const pending: Pending = {
      cancel: () => native.cancel(),
      abandon,
      settled: native.promise.then(
        () => undefined,
        () => undefined,
      ),
    };
    const onAbort = (): void => native.cancel();
    signal?.addEventListener('abort', onAbort, { once: true });
    this.#pending.add(pending);
    try {
      return await Promise.race([native.promise, abandoned]);
    } catch (error) {
      if (error instanceof MobileBroadbandError) throw error;
      if (isNativeCallError(error) && error.canceled === true) {
        if (this.#closing) throw context.closed();
        if (signal?.aborted) throw abortedError(where, signal);
        const call = context.canceledCall(error);
        throw new MobileBroadbandError(
          'ERR_ABORTED',
          `${where}: Windows cancelled ${call} before it finished; try again`,
          { details: { call } },
        );
      }
      throw error;
    } finally {
      signal?.removeEventListener('abort', onAbort);
      this.#pending.delete(pending);
    }
  }

  /** Cancels what is pending; settles once Windows confirmed or `stopTimeoutMs` passed. */
  async close(): Promise<void> {
    this.#closing = true;
    const pending = [...this.#pending];
    for (const operation of pending) operation.cancel();
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      Promise.all(pending.map((operation) => operation.settled)),
      new Promise<void>((resolve) => (timer = setTimeout(resolve, this.#stopTimeoutMs))),
    ]);
    clearTimeout(timer);
    // Windows did not confirm in time: the addon releases them whenever it does.
    for (const operation of [...this.#pending]) operation.abandon();
  }
}
