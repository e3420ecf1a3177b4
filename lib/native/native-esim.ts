/**
 * The native backend's eSIM part: `ESimManager`, `ESimWatcher` and the eSIM operations through
 * the addon. Classes are activated when a call first needs them, so a machine without eSIM
 * still connects and only eSIM calls report what is missing.
 *
 * @module
 * @internal
 */

import type {
  EsimBackend,
  EsimDiscoverResult,
  EsimDownloadResult,
  EsimInfo,
  EsimInstallOptions,
  EsimOperationStatus,
  EsimServiceInfo,
  EsimWatchHandle,
  EsimWatchSink,
  OperationOptions,
} from '../backend.js';
import { MobileBroadbandError } from '../errors.js';
import { esimAdvice, esimNotAuthorizedError, esimOperations } from '../esim/esim-errors.js';
import { checkWatchSink } from '../esim/esim-validation.js';
import { listByWatching } from '../esim/list-by-watching.js';
import type { NativeAddon } from './addon-types.js';
import { fromNativeError } from './hresult.js';
import { NativeEsimOperations } from './native-esim-operations.js';
import { NativeEsimWatch, type NativeEventLimits } from './native-esim-watch.js';
import { enumName, esimAuthenticationPreferences } from './winrt-enums.js';

export class NativeEsim implements EsimBackend {
  readonly #addon: NativeAddon;
  readonly #limits: NativeEventLimits;
  readonly #watches = new Set<NativeEsimWatch>();
  readonly #operations: NativeEsimOperations;
  #closed = false;

  constructor(addon: NativeAddon, limits: NativeEventLimits) {
    this.#addon = addon;
    this.#limits = limits;
    this.#operations = new NativeEsimOperations(addon, limits.stopTimeoutMs);
  }

  serviceInfo(): Promise<EsimServiceInfo> {
    return this.#run('Reading the eSIM service info', async () => {
      const info = await this.#addon.esim.serviceInfo().promise;
      return {
        authenticationPreference: enumName(
          esimAuthenticationPreferences,
          info.authenticationPreference,
          'ESimAuthenticationPreference',
        ),
        isEsimUiEnabled: info.isEsimUiEnabled,
      };
    });
  }

  list(options?: OperationOptions): Promise<EsimInfo[]> {
    if (this.#closed) return Promise.reject(closedError('esim.list()'));
    return listByWatching((sink) => this.watch(sink), options);
  }

  watch(sink: EsimWatchSink): Promise<EsimWatchHandle> {
    return this.#run('Starting an eSIM watcher', async () => {
      checkWatchSink(sink, 'esim.watch(sink)');
      let watch: NativeEsimWatch | null = null;
      let ended = false;
      watch = await NativeEsimWatch.start(this.#addon, sink, this.#limits, () => {
        ended = true;
        if (watch !== null) this.#watches.delete(watch);
      });
      if (watch === null) throw esimNotAuthorizedError('Starting an eSIM watcher');
      // A watcher Windows stopped before start() resolved has ended already.
      if (!ended) this.#watches.add(watch);
      if (this.#closed) await watch.close();
      return watch;
    });
  }

  downloadProfileMetadata(
    esimId: string,
    activationCode: string,
    options?: OperationOptions,
  ): Promise<EsimDownloadResult> {
    return this.#start(esimOperations.download.operation, () =>
      this.#operations.download(esimId, activationCode, options),
    );
  }

  confirmInstall(
    metadataHandle: string,
    options?: EsimInstallOptions,
  ): Promise<EsimOperationStatus> {
    return this.#start(esimOperations.install.operation, () =>
      this.#operations.confirmInstall(metadataHandle, options),
    );
  }

  declineInstall(
    metadataHandle: string,
    how: 'deny' | 'postpone',
    options?: OperationOptions,
  ): Promise<EsimOperationStatus> {
    return this.#start('Declining an eSIM profile', () =>
      this.#operations.decline(metadataHandle, how, options),
    );
  }

  setProfileEnabled(
    esimId: string,
    profileId: string,
    enabled: boolean,
    options?: OperationOptions,
  ): Promise<EsimOperationStatus> {
    return this.#start(esimOperations.enable.operation, () =>
      this.#operations.setProfileEnabled(esimId, profileId, enabled, options),
    );
  }

  setProfileNickname(
    esimId: string,
    profileId: string,
    nickname: string,
    options?: OperationOptions,
  ): Promise<EsimOperationStatus> {
    return this.#start(esimOperations.nickname.operation, () =>
      this.#operations.setProfileNickname(esimId, profileId, nickname, options),
    );
  }

  deleteProfile(
    esimId: string,
    profileId: string,
    options?: OperationOptions,
  ): Promise<EsimOperationStatus> {
    return this.#start(esimOperations.delete.operation, () =>
      this.#operations.deleteProfile(esimId, profileId, options),
    );
  }

  reset(esimId: string, options?: OperationOptions): Promise<EsimOperationStatus> {
    return this.#start(esimOperations.reset.operation, () =>
      this.#operations.reset(esimId, options),
    );
  }

  discover(
    esimId: string,
    options?: OperationOptions & { serverAddress?: string; matchingId?: string },
  ): Promise<EsimDiscoverResult> {
    return this.#start('Discovering eSIM profiles', () =>
      this.#operations.discover(esimId, options),
    );
  }

  /**
   * Stops every watcher, cancels pending operations (they reject with `ERR_CLOSED`) and
   * releases every metadata object; later calls reject with `ERR_CLOSED`.
   */
  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all([
      ...[...this.#watches].map((watch) => watch.close()),
      this.#operations.close(),
    ]);
  }

  /** An operation: `ERR_CLOSED` after close(), and a synchronous throw as a rejection. */
  #start<T>(operation: string, body: () => Promise<T>): Promise<T> {
    if (this.#closed) return Promise.reject(closedError(operation));
    try {
      return body();
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  /** Runs a synchronous addon call as a promise, with its failure as a typed error. */
  async #run<T>(operation: string, body: () => Promise<T>): Promise<T> {
    if (this.#closed) throw closedError(operation);
    try {
      return await body();
    } catch (error) {
      throw fromNativeError(error, { operation, advice: esimAdvice });
    }
  }
}

function closedError(operation: string): MobileBroadbandError {
  return new MobileBroadbandError(
    'ERR_CLOSED',
    `${operation}: the native backend is closed; connect() again`,
  );
}
