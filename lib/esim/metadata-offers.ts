/**
 * Downloaded profile offers (`ESimProfileMetadata`) by handle, with the rules every backend
 * follows, so the fake and the native backend cannot drift apart:
 *
 * - one install or decline of an offer at a time (another is `ERR_INVALID_STATE`);
 * - an install that ends with a status the user can fix (a missing or wrong confirmation code)
 *   keeps the handle for another try, and so does an aborted install or decline;
 * - anything else (any other status, any other failure) spends the handle, as Windows ends the
 *   metadata's life there;
 * - a spent or unknown handle is `ERR_INVALID_STATE` telling the user to download again;
 * - at most {@link maxMetadataOffers} offers are kept: a download beyond that releases the
 *   oldest offer not in use (its handle is then spent), so offers never confirmed or declined
 *   cannot pile up; when every kept offer is in use, the new one is released and the download
 *   fails with `ERR_INVALID_STATE`.
 *
 * @module
 * @internal
 */

import type { EsimOperationStatus } from '../backend.js';
import { MobileBroadbandError } from '../errors.js';

/** Statuses after which the user may try the same metadata again. */
const retryable: ReadonlySet<EsimOperationStatus> = new Set([
  'incorrectConfirmationCode',
  'confirmationCodeMissing',
]);

const busyMessages = {
  install: 'an install of this metadata is already running; wait for it or abort it',
  decline: 'an install of this metadata is running; abort it before declining',
} as const;

/** Offers kept at once, per connection. */
export const maxMetadataOffers = 1000;

interface Entry<T> {
  readonly value: T;
  busy: boolean;
}

export class MetadataOffers<T> {
  readonly #prefix: string;
  readonly #release: (value: T) => void;
  readonly #entries = new Map<string, Entry<T>>();
  #next = 1;

  readonly #max: number;

  /**
   * @param prefix - handles are `<prefix>-<n>`.
   * @param release - called once for each offer when it is spent, released or cleared.
   * @param max - offers kept at once (tests make it small).
   */
  constructor(
    prefix: string,
    release: (value: T) => void = () => undefined,
    max: number = maxMetadataOffers,
  ) {
    this.#prefix = prefix;
    this.#release = release;
    this.#max = max;
  }

  /** Offers not yet spent. */
  get size(): number {
    return this.#entries.size;
  }

  /**
   * Keeps an offer and returns its new handle; at the bound, the oldest offer not in use is
   * released first.
   *
   * @throws MobileBroadbandError `ERR_INVALID_STATE` (after releasing `value`) when every kept
   *   offer is in use.
   */
  add(value: T): string {
    if (this.#entries.size >= this.#max && !this.#releaseOldestIdle()) {
      this.#release(value);
      throw new MobileBroadbandError(
        'ERR_INVALID_STATE',
        `esim.downloadProfileMetadata(): ${this.#max} downloaded profiles are being installed or declined at once; wait for some to finish, then download again`,
      );
    }
    const handle = `${this.#prefix}-${this.#next++}`;
    this.#entries.set(handle, { value, busy: false });
    return handle;
  }

  /**
   * Runs `run` with the offer of `handle`, which stays busy meanwhile, then keeps or spends the
   * handle by the rules above. Unknown, spent or busy handles throw before `run` is called.
   */
  async use(
    handle: string,
    where: string,
    purpose: keyof typeof busyMessages,
    run: (value: T) => Promise<EsimOperationStatus>,
  ): Promise<EsimOperationStatus> {
    const entry = this.#entries.get(handle);
    if (entry === undefined) {
      throw new MobileBroadbandError(
        'ERR_INVALID_STATE',
        `${where}: this metadata handle is unknown or spent (the install finished, it was declined, its connection closed, or ${this.#max} newer downloads replaced it while unused); download the metadata again`,
      );
    }
    if (entry.busy) {
      throw new MobileBroadbandError('ERR_INVALID_STATE', `${where}: ${busyMessages[purpose]}`);
    }
    entry.busy = true;
    try {
      const status = await run(entry.value);
      if (purpose === 'decline' || !retryable.has(status)) this.#spend(handle);
      return status;
    } catch (error) {
      if (!(error instanceof MobileBroadbandError && error.code === 'ERR_ABORTED')) {
        this.#spend(handle);
      }
      throw error;
    } finally {
      entry.busy = false;
    }
  }

  /** Spends every offer. */
  clear(): void {
    for (const handle of [...this.#entries.keys()]) this.#spend(handle);
  }

  /** Releases the oldest offer not in use; false when every offer is in use. */
  #releaseOldestIdle(): boolean {
    for (const [handle, entry] of this.#entries) {
      if (!entry.busy) {
        this.#spend(handle);
        return true;
      }
    }
    return false;
  }

  #spend(handle: string): void {
    const entry = this.#entries.get(handle);
    if (entry === undefined) return;
    this.#entries.delete(handle);
    this.#release(entry.value);
  }
}
