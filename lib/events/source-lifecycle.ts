/**
 * Starts and stops a backend source (a notification subscription, an eSIM watcher) to follow
 * demand, one step at a time: start and stop never overlap, and a source is never started
 * after close.
 *
 * @module
 * @internal
 */

/** @internal */
export class SourceLifecycle<Handle extends { close(): Promise<void> }> {
  readonly #start: () => Promise<Handle>;
  readonly #onError: (error: unknown) => void;
  #chain: Promise<void> = Promise.resolve();
  #handle: Handle | undefined;
  #wanted = false;
  #closed = false;

  constructor(start: () => Promise<Handle>, onError: (error: unknown) => void) {
    this.#start = start;
    this.#onError = onError;
  }

  /** Whether someone needs the source now; resolves when the source follows. */
  want(wanted: boolean): Promise<void> {
    this.#wanted = wanted && !this.#closed;
    return this.#sync();
  }

  /** Stops the source for good. */
  close(): Promise<void> {
    this.#closed = true;
    this.#wanted = false;
    return this.#sync();
  }

  /** Runs `step` after every start and stop queued so far. */
  after(step: () => void): Promise<void> {
    this.#chain = this.#chain.then(step);
    return this.#chain;
  }

  #sync(): Promise<void> {
    this.#chain = this.#chain.then(async () => {
      try {
        if (this.#wanted && this.#handle === undefined && !this.#closed) {
          this.#handle = await this.#start();
        } else if (!this.#wanted && this.#handle !== undefined) {
          const handle = this.#handle;
          this.#handle = undefined;
          await handle.close();
        }
      } catch (error) {
        this.#onError(error);
      }
    });
    return this.#chain;
  }
}
