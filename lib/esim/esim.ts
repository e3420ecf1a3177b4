/**
 * `mbb.esim`: eSIM discovery on Windows (`Windows.Networking.NetworkOperators.ESimManager`).
 *
 * Windows lets only apps with package identity and the custom capability
 * `Microsoft.eSIMManagement_8wekyb3d8bbwe` use eSIMs; everyone else gets `ERR_NOT_AUTHORIZED`
 * from `list()` and `watch()`. `serviceInfo()` works for any process that has the eSIM service.
 *
 * @module
 */

import type { EsimBackend, EsimInfo, EsimServiceInfo, OperationOptions } from '../backend.js';
import { MobileBroadbandError } from '../errors.js';
import { EsimWatcher } from './esim-watcher.js';
import { checkOperationOptions } from './esim-validation.js';

/**
 * The eSIMs of one connection.
 *
 * @example
 * ```ts
 * import { connect, isMobileBroadbandError } from 'windows-mobile-broadband';
 * const mbb = await connect();
 * try {
 *   for (const esim of await mbb.esim.list()) {
 *     console.log(esim.eid, esim.state, esim.profiles.map((p) => `${p.providerName} ${p.state}`));
 *   }
 * } catch (err) {
 *   if (isMobileBroadbandError(err, 'ERR_NOT_AUTHORIZED')) console.log('no eSIM capability');
 *   else throw err;
 * }
 * await mbb.close();
 * ```
 */
export class Esim {
  readonly #backend: EsimBackend;
  readonly #watchers = new Set<EsimWatcher>();
  #closed = false;

  /** @internal Use {@link connect}. */
  constructor(backend: EsimBackend) {
    this.#backend = backend;
  }

  /** `ESimManager.ServiceInfo`: how Windows' eSIM service is set up. */
  serviceInfo(): Promise<EsimServiceInfo> {
    return this.#open('esim.serviceInfo()').then(() => this.#backend.serviceInfo());
  }

  /**
   * Every eSIM present now, with its profiles. Runs an `ESimWatcher` until its enumeration
   * completes. `signal` cancels it (`ERR_ABORTED`).
   */
  list(options?: OperationOptions): Promise<EsimInfo[]> {
    return this.#open('esim.list()').then(() => {
      checkOperationOptions(options, 'esim.list()');
      return this.#backend.list(options);
    });
  }

  /**
   * A watcher of the eSIMs: nothing runs until its first listener is added, and the backend
   * watcher stops when the last is removed or on `close()`.
   */
  watch(): EsimWatcher {
    if (this.#closed) {
      throw new MobileBroadbandError(
        'ERR_CLOSED',
        'esim.watch() after close(): this connection is closed; connect() again',
      );
    }
    const watcher = new EsimWatcher(this.#backend, (closed) => this.#watchers.delete(closed));
    this.#watchers.add(watcher);
    return watcher;
  }

  /** @internal Closes every watcher; part of `mbb.close()`. */
  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all([...this.#watchers].map((watcher) => watcher.close()));
  }

  #open(what: string): Promise<void> {
    if (!this.#closed) return Promise.resolve();
    return Promise.reject(
      new MobileBroadbandError(
        'ERR_CLOSED',
        `${what} after close(): this connection is closed; connect() again`,
      ),
    );
  }
}
