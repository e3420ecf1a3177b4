/**
 * The fake's link opener: it records what a process would have opened (the eSIM doors'
 * `lpa:` and `ms-settings:cellular-id` links) instead of starting Settings. The Windows build it
 * plays is 26100 (24H2, which has both doors) unless `createFakeBackend({ windowsBuild })` says
 * otherwise, so tests can see the refusal of an older Windows too.
 *
 * @module
 */

import type { LinkBackend } from '../backend.js';
import { MobileBroadbandError } from '../errors.js';

/** Links kept at most; older ones are let go. */
const keptLinks = 100;

export class FakeLinks implements LinkBackend {
  readonly #build: number | undefined;
  readonly #opened: string[] = [];

  /** @internal Made by createFakeBackend(). */
  constructor(build: number | undefined) {
    if (build !== undefined && !(Number.isInteger(build) && build > 0)) {
      throw new MobileBroadbandError(
        'ERR_INVALID_ARGUMENT',
        'createFakeBackend({ windowsBuild }) must be a positive integer (26100 is Windows 11 24H2)',
      );
    }
    this.#build = build;
  }

  windowsBuild(): number | undefined {
    return this.#build;
  }

  open(uri: string): Promise<void> {
    this.#opened.push(uri);
    if (this.#opened.length > keptLinks) this.#opened.shift();
    return Promise.resolve();
  }

  /**
   * The links opened so far, oldest first (the last 100). They may carry secrets (an activation
   * code's matching id): a test reads them; nothing else prints them.
   */
  get opened(): readonly string[] {
    return [...this.#opened];
  }
}
