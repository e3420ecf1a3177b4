/**
 * The native backend's eSIM part: `ESimManager` and `ESimWatcher` through the addon. Classes
 * are activated when a call first needs them, so a machine without eSIM still connects and only
 * eSIM calls report what is missing.
 *
 * @module
 * @internal
 */

import type {
  EsimBackend,
  EsimInfo,
  EsimServiceInfo,
  EsimWatchHandle,
  EsimWatchSink,
  OperationOptions,
} from '../backend.js';
import { MobileBroadbandError } from '../errors.js';
import { esimAdvice, esimNotAuthorizedError } from '../esim/esim-errors.js';
import { checkWatchSink } from '../esim/esim-validation.js';
import { listByWatching } from '../esim/list-by-watching.js';
import type { NativeAddon } from './addon-types.js';
import { fromNativeError } from './hresult.js';
import { NativeEsimWatch, type NativeEventLimits } from './native-esim-watch.js';
import { enumName, esimAuthenticationPreferences } from './winrt-enums.js';

const notYet = 'the native addon of this version implements eSIM discovery only';

export class NativeEsim implements EsimBackend {
  readonly #addon: NativeAddon;
  readonly #limits: NativeEventLimits;
  readonly #watches = new Set<NativeEsimWatch>();
  #closed = false;

  constructor(addon: NativeAddon, limits: NativeEventLimits) {
    this.#addon = addon;
    this.#limits = limits;
  }

  serviceInfo(): Promise<EsimServiceInfo> {
    return this.#run('Reading the eSIM service info', () => {
      const info = this.#addon.esimServiceInfo();
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
    return this.#run('Starting an eSIM watcher', () => {
      checkWatchSink(sink, 'esim.watch(sink)');
      let watch: NativeEsimWatch | null = null;
      watch = NativeEsimWatch.start(this.#addon, sink, this.#limits, () => {
        if (watch !== null) this.#watches.delete(watch);
      });
      if (watch === null) throw esimNotAuthorizedError('Starting an eSIM watcher');
      this.#watches.add(watch);
      return watch;
    });
  }

  downloadProfileMetadata(
    ..._args: Parameters<EsimBackend['downloadProfileMetadata']>
  ): Promise<never> {
    return this.#notYet('downloadProfileMetadata');
  }
  confirmInstall(..._args: Parameters<EsimBackend['confirmInstall']>): Promise<never> {
    return this.#notYet('confirmInstall');
  }
  declineInstall(..._args: Parameters<EsimBackend['declineInstall']>): Promise<never> {
    return this.#notYet('declineInstall');
  }
  setProfileEnabled(..._args: Parameters<EsimBackend['setProfileEnabled']>): Promise<never> {
    return this.#notYet('setProfileEnabled');
  }
  setProfileNickname(..._args: Parameters<EsimBackend['setProfileNickname']>): Promise<never> {
    return this.#notYet('setProfileNickname');
  }
  deleteProfile(..._args: Parameters<EsimBackend['deleteProfile']>): Promise<never> {
    return this.#notYet('deleteProfile');
  }
  reset(..._args: Parameters<EsimBackend['reset']>): Promise<never> {
    return this.#notYet('reset');
  }
  discover(..._args: Parameters<EsimBackend['discover']>): Promise<never> {
    return this.#notYet('discover');
  }

  /** Stops every watcher; later calls reject with `ERR_CLOSED`. */
  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all([...this.#watches].map((watch) => watch.close()));
  }

  /** Runs a synchronous addon call as a promise, with its failure as a typed error. */
  #run<T>(operation: string, body: () => T): Promise<T> {
    if (this.#closed) return Promise.reject(closedError(operation));
    try {
      return Promise.resolve(body());
    } catch (error) {
      return Promise.reject(fromNativeError(error, { operation, advice: esimAdvice }));
    }
  }

  #notYet(method: string): Promise<never> {
    return Promise.reject(
      new MobileBroadbandError(
        'ERR_NOT_SUPPORTED',
        `The native backend does not support esim.${method}() yet: ${notYet}`,
        { details: { backend: 'native', part: 'esim', method } },
      ),
    );
  }
}

function closedError(operation: string): MobileBroadbandError {
  return new MobileBroadbandError(
    'ERR_CLOSED',
    `${operation}: the native backend is closed; connect() again`,
  );
}
