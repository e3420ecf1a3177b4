/**
 * The native backend's eSIM operations: every call finds its `ESim` through a watcher (Windows
 * hands out ESim objects no other way), starts the Windows operation through the addon and
 * turns its end into the contract's values and errors, with the same validation and messages
 * as the fake (lib/fake/fake-esim-operations.ts).
 *
 * - An AbortSignal cancels through `IAsyncInfo.Cancel`; the promise rejects with `ERR_ABORTED`
 *   once Windows confirms (or settles with what Windows finished with first).
 * - Metadata handles are ids of `ESimProfileMetadata` objects this class holds; each is
 *   released when its install finishes, when it is declined, or on `close()`.
 * - `close()` cancels what is pending (those reject with `ERR_CLOSED`), waits for Windows to
 *   confirm for at most `stopTimeoutMs`, then abandons the rest to the addon, which releases
 *   them when Windows ends them.
 *
 * @module
 * @internal
 */

import type {
  EsimDiscoverResult,
  EsimDownloadResult,
  EsimInstallOptions,
  EsimOperationStatus,
  EsimProfileMetadataInfo,
  OperationOptions,
} from '../backend.js';
import { MobileBroadbandError } from '../errors.js';
import {
  esimAdvice,
  esimNotAuthorizedError,
  esimOperations,
  type EsimOperationKind,
} from '../esim/esim-errors.js';
import {
  checkDeclineCall,
  checkDiscoverCall,
  checkDownloadCall,
  checkEsimCall,
  checkInstallCall,
  checkProfileCall,
} from '../esim/esim-call-arguments.js';
import { abortedError, checkBoolean, checkNickname } from '../esim/esim-validation.js';
import { MetadataOffers } from '../esim/metadata-offers.js';
import { progressListener } from '../esim/progress-listener.js';
import type {
  NativeAddon,
  NativeDownloadResult,
  NativeEsimRef,
  NativeMetadataRef,
  NativeOperation,
  NativeProfileRef,
} from './addon-types.js';
import { CancellableOperations } from './cancellable-operations.js';
import { fromNativeError } from './hresult.js';
import { enumName, esimOperationStatuses, esimProfileMetadataStates } from './winrt-enums.js';

/** What an operation is, for messages and errors. */
/** `ESimDiscoverResultKind` by value. */
const discoverKinds: readonly EsimDiscoverResult['kind'][] = ['none', 'events', 'profileMetadata'];

interface Context {
  /** The public call (`esim.reset()`), for ERR_ABORTED / ERR_CLOSED messages. */
  where: string;
  /** What the user asked for ("Resetting an eSIM"), for HRESULT messages. */
  operation: string;
  /** The Windows member, for a cancellation Windows made on its own. */
  call: string;
  signal: AbortSignal | undefined;
}

function statusName(value: number): EsimOperationStatus {
  // A status newer than this package is still a failure the user must hear about.
  return enumName(esimOperationStatuses, value, 'ESimOperationStatus', 'other');
}

function closedError(where: string): MobileBroadbandError {
  return new MobileBroadbandError(
    'ERR_CLOSED',
    `${where}: the native backend closed while the operation was pending; connect() again`,
  );
}

export class NativeEsimOperations {
  readonly #addon: NativeAddon;
  readonly #operations: CancellableOperations;
  readonly #offers = new MetadataOffers<NativeMetadataRef>('native-esim-metadata', (ref) =>
    ref.close(),
  );

  constructor(addon: NativeAddon, stopTimeoutMs: number) {
    this.#addon = addon;
    this.#operations = new CancellableOperations(stopTimeoutMs);
  }

  async download(
    esimId: unknown,
    activationCode: unknown,
    options: OperationOptions | undefined,
  ): Promise<EsimDownloadResult> {
    const { where, signal, ...call } = checkDownloadCall(esimId, activationCode, options);
    const context = this.#context('download', where, signal);
    return this.#withEsim(
      call.esimId,
      context,
      async (esim) => {
        const result = await this.#run(
          () => esim.downloadProfileMetadata(call.code.reveal()),
          context,
        );
        const status = statusName(result.status);
        const ref = result.metadata;
        if (ref === null) return { status, metadata: undefined };
        if (status !== 'success' || this.#operations.closing) {
          ref.close();
          if (this.#operations.closing) throw closedError(where);
          return { status, metadata: undefined };
        }
        const metadata = this.#offer(ref, result);
        return { status, metadata };
      },
      () => ({ status: 'notFound', metadata: undefined }),
    );
  }

  async confirmInstall(
    handle: unknown,
    options: EsimInstallOptions | undefined,
  ): Promise<EsimOperationStatus> {
    const { where, signal, kind, confirmationCode, onProgress, ...call } = checkInstallCall(
      handle,
      options,
    );
    const context = this.#context(kind, where, signal);
    const report = progressListener(onProgress, where);
    if (this.#operations.closing) throw closedError(where);
    return this.#offers.use(call.handle, where, 'install', async (ref) =>
      statusName(
        await this.#run(
          () =>
            ref.confirmInstall(confirmationCode, (totalSizeInBytes, installedSizeInBytes) =>
              report({ totalSizeInBytes, installedSizeInBytes }),
            ),
          context,
        ),
      ),
    );
  }

  async decline(
    handle: unknown,
    how: unknown,
    options: OperationOptions | undefined,
  ): Promise<EsimOperationStatus> {
    const { where, signal, kind, ...call } = checkDeclineCall(handle, how, options);
    const context = this.#context(kind, where, signal);
    if (this.#operations.closing) throw closedError(where);
    return this.#offers.use(call.handle, where, 'decline', async (ref) =>
      statusName(await this.#run(() => ref.decline(kind === 'postpone'), context)),
    );
  }

  setProfileEnabled(
    esimId: unknown,
    profileId: unknown,
    enabled: unknown,
    options: OperationOptions | undefined,
  ): Promise<EsimOperationStatus> {
    const where = 'esim.setProfileEnabled()';
    checkBoolean(enabled, 'enabled', where);
    return this.#onProfile(enabled ? 'enable' : 'disable', where, esimId, profileId, options, (p) =>
      p.setEnabled(enabled as boolean),
    );
  }

  setProfileNickname(
    esimId: unknown,
    profileId: unknown,
    nickname: unknown,
    options: OperationOptions | undefined,
  ): Promise<EsimOperationStatus> {
    const where = 'esim.setProfileNickname()';
    const name = checkNickname(nickname, where);
    return this.#onProfile('nickname', where, esimId, profileId, options, (p) =>
      p.setNickname(name),
    );
  }

  async deleteProfile(
    esimId: unknown,
    profileId: unknown,
    options: OperationOptions | undefined,
  ): Promise<EsimOperationStatus> {
    const { where, signal, ...call } = checkProfileCall(
      'esim.deleteProfile()',
      esimId,
      profileId,
      options,
    );
    const context = this.#context('delete', where, signal);
    return this.#withEsim(
      call.esimId,
      context,
      async (esim) => statusName(await this.#run(() => esim.deleteProfile(call.iccid), context)),
      () => 'notFound',
    );
  }

  async reset(
    esimId: unknown,
    options: OperationOptions | undefined,
  ): Promise<EsimOperationStatus> {
    const { where, signal, ...call } = checkEsimCall('esim.reset()', esimId, options);
    const context = this.#context('reset', where, signal);
    return this.#withEsim(
      call.esimId,
      context,
      async (esim) => statusName(await this.#run(() => esim.reset(), context)),
      () => 'notFound',
    );
  }

  async discover(
    esimId: unknown,
    options: (OperationOptions & { serverAddress?: unknown; matchingId?: unknown }) | undefined,
  ): Promise<EsimDiscoverResult> {
    const { where, signal, kind, serverAddress, matchingId, ...call } = checkDiscoverCall(
      esimId,
      options,
    );
    const context = this.#context(kind, where, signal);
    return this.#withEsim(
      call.esimId,
      context,
      async (esim) => {
        const result = await this.#run(
          () =>
            serverAddress === undefined
              ? esim.discover()
              : esim.discover(serverAddress, matchingId),
          context,
        );
        const status = statusName(result.status);
        const kind = discoverKinds[result.kind] ?? 'none';
        const ref = result.metadata;
        let metadata: EsimProfileMetadataInfo | undefined;
        if (ref !== null) {
          if (status !== 'success' || this.#operations.closing) {
            ref.close();
            if (this.#operations.closing) throw closedError(where);
          } else {
            metadata = this.#offer(ref, result);
          }
        }
        return { kind, status, events: result.events, metadata };
      },
      () => ({ kind: 'none', status: 'notFound', events: [], metadata: undefined }),
    );
  }

  /** Keeps `ref` as an offer (its handle) and names what the addon read of it. */
  #offer(ref: NativeMetadataRef, read: NativeDownloadResult): EsimProfileMetadataInfo {
    return {
      handle: this.#offers.add(ref),
      id: read.id ?? '',
      isConfirmationCodeRequired: read.isConfirmationCodeRequired ?? false,
      providerId: read.providerId ?? '',
      providerName: read.providerName ?? '',
      state: enumName(
        esimProfileMetadataStates,
        read.state ?? 0,
        'ESimProfileMetadataState',
        'unknown',
      ),
      policy: {
        canDelete: read.canDelete ?? false,
        canDisable: read.canDisable ?? false,
        isManagedByEnterprise: read.isManagedByEnterprise ?? false,
      },
    };
  }

  /** Cancels what is pending and releases every metadata object. */
  async close(): Promise<void> {
    await this.#operations.close();
    this.#offers.clear();
  }

  // ------------------------------------------------------------------------------------------

  #context(kind: EsimOperationKind, where: string, signal: AbortSignal | undefined): Context {
    const { operation, call } = esimOperations[kind];
    return { where, operation, call, signal };
  }

  /** An operation on one profile of one eSIM: find both, run, release both. */
  async #onProfile(
    kind: Extract<EsimOperationKind, 'enable' | 'disable' | 'nickname'>,
    where: string,
    esimId: unknown,
    profileId: unknown,
    options: OperationOptions | undefined,
    start: (profile: NativeProfileRef) => NativeOperation<number>,
  ): Promise<EsimOperationStatus> {
    const { signal, ...call } = checkProfileCall(where, esimId, profileId, options);
    const context = this.#context(kind, where, signal);
    return this.#withEsim(
      call.esimId,
      context,
      async (esim) => {
        const profile = await this.#run(() => esim.findProfile(call.iccid), context);
        if (profile === null) return 'notFound';
        const found = profile;
        try {
          return statusName(await this.#run(() => start(found), context));
        } finally {
          found.close();
        }
      },
      () => 'notFound',
    );
  }

  /** Finds the eSIM (a watcher run), runs `body` with it, releases it. */
  async #withEsim<T>(
    esimId: string,
    context: Context,
    body: (esim: NativeEsimRef) => Promise<T>,
    notFound: () => T,
  ): Promise<T> {
    const esim = await this.#run(() => this.#addon.esim.findEsim(esimId), context);
    if (esim === false) throw esimNotAuthorizedError(context.operation);
    if (esim === null) return notFound();
    try {
      return await body(esim);
    } finally {
      esim.close();
    }
  }

  /**
   * Starts an operation (`start` makes the addon call) and waits for its end, with the signal
   * wired to `cancel()` and every failure as a typed error.
   */
  async #run<T>(start: () => NativeOperation<T>, context: Context): Promise<T> {
    const { where, signal } = context;
    if (this.#operations.closing) throw closedError(where);
    if (signal?.aborted) throw abortedError(where, signal);
    let operation: NativeOperation<T>;
    try {
      operation = start();
    } catch (error) {
      throw fromNativeError(error, { operation: context.operation, advice: esimAdvice });
    }
    try {
      return await this.#operations.run(operation, {
        where,
        signal,
        closed: () => closedError(where),
        canceledCall: () => context.call,
      });
    } catch (error) {
      if (error instanceof MobileBroadbandError) throw error;
      throw fromNativeError(error, { operation: context.operation, advice: esimAdvice });
    }
  }
}
