/**
 * `mbb.esim`: eSIMs on Windows (`Windows.Networking.NetworkOperators.ESimManager`): discovery,
 * profile downloads and installs, profile changes.
 *
 * Windows lets only apps with package identity and the custom capability
 * `Microsoft.eSIMManagement_8wekyb3d8bbwe` use eSIMs; everyone else gets `ERR_NOT_AUTHORIZED`
 * from `list()`, `watch()` and every operation. `serviceInfo()` works for any process that has
 * the eSIM service.
 *
 * @module
 */

import type {
  EsimBackend,
  EsimInfo,
  EsimInstallOptions,
  EsimOperationStatus,
  EsimProfileMetadataInfo,
  EsimServiceInfo,
  LinkBackend,
  OperationOptions,
} from '../backend.js';
import { MobileBroadbandError } from '../errors.js';
import type { ActivationCode } from './activation-code.js';
import { activationLink, checkDoorBuild, deviceIdentifiersLink } from './esim-doors.js';
import { esimOperations } from './esim-errors.js';
import type { EsimAdviceFacts } from './esim-advice.js';
import { esimOperationError, type EsimOperationFacts } from './esim-operation-errors.js';
import { EsimWatcher } from './esim-watcher.js';
import { DiscoveredEvent, type EsimDiscoverOptions, type EsimDiscovery } from './esim-discovery.js';
import {
  checkDeclineCall,
  checkDiscoverCall,
  checkDownloadCall,
  checkEsimCall,
  checkInstallCall,
  checkProfileCall,
} from './esim-call-arguments.js';
import {
  checkActivationCode,
  checkEsimId,
  checkInstallOptions,
  checkMetadataHandle,
  checkNickname,
  checkOperationOptions,
} from './esim-validation.js';
import { progressListener } from './progress-listener.js';

/** Offers whose eSIM is remembered (as many as a backend keeps, see downloadProfileMetadata). */
const maxRememberedOffers = 1000;

/**
 * The eSIMs of one connection.
 *
 * Operations resolve when Windows reports `ESimOperationStatus.Success` and reject with an
 * `ERR_ESIM_OPERATION` error otherwise: `details.status` is the status's camelCase name, and the
 * message says what to do. Input is checked before anything reaches Windows
 * (`ERR_INVALID_ACTIVATION_CODE`, `ERR_INVALID_ICCID`, `ERR_INVALID_ARGUMENT`); an AbortSignal
 * cancels an operation through `IAsyncInfo.Cancel` (`ERR_ABORTED`). Activation codes and
 * confirmation codes never appear whole in errors.
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
  readonly #links: LinkBackend | undefined;
  readonly #watchers = new Set<EsimWatcher>();
  readonly #offerEsims = new Map<string, string>();
  #closed = false;

  /** @internal Use {@link connect}. */
  constructor(backend: EsimBackend, links?: LinkBackend) {
    this.#backend = backend;
    this.#links = links;
  }

  /**
   * Opens Settings' eSIM activation flow for `code` (an `lpa:` link, Windows 11 24H2 and later):
   * what any process may do, with or without the eSIM capability. The user confirms in Settings;
   * nothing comes back to the caller. `ERR_NOT_SUPPORTED` (naming the build) on older Windows,
   * `ERR_INVALID_ACTIVATION_CODE` for a malformed code (never opened).
   *
   * @example
   * ```ts
   * import { connect } from 'windows-mobile-broadband';
   * const mbb = await connect();
   * await mbb.esim.openActivation('LPA:1$smdp.example.com$04386-AGYFT-A74Y8-3F815');
   * ```
   */
  async openActivation(code: string | ActivationCode): Promise<void> {
    await this.#open('esim.openActivation()');
    const link = activationLink(code);
    await this.#openLink(link, 'esim.openActivation() (an lpa: link)');
  }

  /**
   * Opens Windows' consent dialog for sharing the device's EID, IMEI, ICCID, make and model
   * (`ms-settings:cellular-id`, Windows 11 24H2 and later). With `callbackUrl` (https: only, with
   * any of the placeholders `{eid}` `{imei}` `{iccid}` `{make}` `{model}`), Windows opens that URL
   * with them filled in once the user agrees.
   */
  async requestDeviceIdentifiers(options: { callbackUrl?: string } = {}): Promise<void> {
    await this.#open('esim.requestDeviceIdentifiers()');
    if (typeof options !== 'object' || options === null) {
      throw new MobileBroadbandError(
        'ERR_INVALID_ARGUMENT',
        'esim.requestDeviceIdentifiers(options) takes an options object or nothing',
      );
    }
    const link = deviceIdentifiersLink(options.callbackUrl);
    await this.#openLink(link, 'esim.requestDeviceIdentifiers() (ms-settings:cellular-id)');
  }

  async #openLink(link: string, what: string): Promise<void> {
    if (this.#links === undefined) {
      throw new MobileBroadbandError(
        'ERR_NOT_SUPPORTED',
        `${what}: this backend cannot open links`,
      );
    }
    checkDoorBuild(this.#links.windowsBuild(), what);
    await this.#links.open(link);
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

  /**
   * Downloads the metadata of the profile an activation code offers
   * (`ESim.DownloadProfileMetadataAsync`): who the operator is, whether a confirmation code is
   * needed. Nothing is installed yet: follow with {@link Esim.confirmInstall} or
   * {@link Esim.declineInstall}. At most 1000 downloaded offers are kept per connection: one
   * more releases the oldest not being installed or declined (its metadata is then spent), and
   * when all are in use the download fails with `ERR_INVALID_STATE`.
   *
   * @param esimId The id of an eSIM from {@link Esim.list}.
   * @param activationCode The code from the operator's QR code (`LPA:1$…`), as text or parsed.
   */
  downloadProfileMetadata(
    esimId: string,
    activationCode: string | ActivationCode,
    options?: OperationOptions,
  ): Promise<EsimProfileMetadataInfo> {
    const where = 'esim.downloadProfileMetadata()';
    return this.#open(where).then(async () => {
      const { code, signal } = checkDownloadCall(esimId, activationCode, options);
      const { status, metadata } = await this.#backend.downloadProfileMetadata(
        esimId,
        code.reveal(),
        { signal },
      );
      await this.#check(status, where, { call: esimOperations.download.call, esimId });
      if (metadata === undefined) {
        throw new MobileBroadbandError(
          'ERR_WINDOWS',
          `${where}: ${esimOperations.download.call} succeeded but returned no profile metadata`,
          { details: { call: esimOperations.download.call, esimId } },
        );
      }
      this.#remember(metadata.handle, esimId);
      return metadata;
    });
  }

  /**
   * Installs a downloaded profile (`ESimProfileMetadata.ConfirmInstallAsync`), reporting
   * progress through `onProgress` (if it throws or rejects, the install goes on: the failure
   * becomes a process warning `ERR_LISTENER_FAILED` and `onProgress` is not called again). On `'incorrectConfirmationCode'` or
   * `'confirmationCodeMissing'` the same metadata may be tried again; after any other outcome
   * it is spent.
   *
   * @example
   * ```ts
   * import { connect, isMobileBroadbandError } from 'windows-mobile-broadband';
   * const mbb = await connect();
   * const [esim] = await mbb.esim.list();
   * if (esim !== undefined) {
   *   const offer = await mbb.esim.downloadProfileMetadata(esim.id, 'LPA:1$smdp.example.com$04386-AGYFT-A74Y8-3F815');
   *   console.log('Install', offer.providerName, 'profile', offer.id, '?');
   *   try {
   *     await mbb.esim.confirmInstall(offer, {
   *       confirmationCode: offer.isConfirmationCodeRequired ? '1234' : undefined,
   *       onProgress: (p) => console.log(`${p.installedSizeInBytes} of ${p.totalSizeInBytes} bytes`),
   *       signal: AbortSignal.timeout(120_000),
   *     });
   *   } catch (err) {
   *     if (isMobileBroadbandError(err, 'ERR_ESIM_OPERATION')) console.log(err.details?.status, err.message);
   *     else throw err;
   *   }
   * }
   * await mbb.close();
   * ```
   */
  confirmInstall(
    metadata: EsimProfileMetadataInfo | string,
    options?: EsimInstallOptions,
  ): Promise<void> {
    const where = 'esim.confirmInstall()';
    return this.#open(where).then(async () => {
      const { kind, handle, signal, confirmationCode, onProgress } = checkInstallCall(
        handleOf(metadata, where),
        options,
      );
      const status = await this.#backend.confirmInstall(handle, {
        signal,
        confirmationCode,
        onProgress: progressListener(onProgress, where),
      });
      const esimId = this.#offerEsims.get(handle);
      // The handle survives only the statuses that allow another try.
      if (status !== 'incorrectConfirmationCode' && status !== 'confirmationCodeMissing') {
        this.#offerEsims.delete(handle);
      }
      await this.#check(status, where, {
        call: esimOperations[kind].call,
        ...(esimId === undefined ? {} : { esimId }),
        ...profileOf(metadata),
      });
    });
  }

  /**
   * Declines a downloaded profile: `'deny'` tells the operator the user refused it
   * (`DenyInstallAsync`), `'postpone'` that the user may install it later
   * (`PostponeInstallAsync`). The metadata is spent either way.
   */
  declineInstall(
    metadata: EsimProfileMetadataInfo | string,
    how: 'deny' | 'postpone',
    options?: OperationOptions,
  ): Promise<void> {
    const where = 'esim.declineInstall()';
    return this.#open(where).then(async () => {
      const { handle, kind, signal } = checkDeclineCall(handleOf(metadata, where), how, options);
      const status = await this.#backend.declineInstall(handle, kind, { signal });
      this.#offerEsims.delete(handle);
      await this.#check(status, where, { call: esimOperations[kind].call, ...profileOf(metadata) });
    });
  }

  /**
   * Downloads and installs in one call: {@link Esim.downloadProfileMetadata}, then
   * {@link Esim.confirmInstall}. Resolves with the metadata of the installed profile. When the
   * install fails with a status that allows another try, the error's `details.metadata` is the
   * metadata to pass to `confirmInstall()`.
   */
  install(
    esimId: string,
    activationCode: string | ActivationCode,
    options?: EsimInstallOptions,
  ): Promise<EsimProfileMetadataInfo> {
    const where = 'esim.install()';
    return this.#open(where).then(async () => {
      checkEsimId(esimId, where);
      const code = checkActivationCode(activationCode, where);
      const checked = checkInstallOptions(options, where);
      const metadata = await this.downloadProfileMetadata(esimId, code, { signal: checked.signal });
      try {
        await this.confirmInstall(metadata, checked);
      } catch (error) {
        const status = (error as MobileBroadbandError).details?.status;
        if (status === 'incorrectConfirmationCode' || status === 'confirmationCodeMissing') {
          const e = error as MobileBroadbandError;
          throw new MobileBroadbandError(e.code, e.message, {
            cause: e.cause,
            details: { ...e.details, metadata },
          });
        }
        throw error;
      }
      return metadata;
    });
  }

  /** Enables a profile (`ESimProfile.EnableAsync`); the profile enabled before is disabled. */
  enableProfile(esimId: string, profileId: string, options?: OperationOptions): Promise<void> {
    return this.#profileOperation(
      'esim.enableProfile()',
      'enable',
      esimId,
      profileId,
      options,
      (o) => this.#backend.setProfileEnabled(esimId, profileId, true, o),
    );
  }

  /** Disables a profile (`ESimProfile.DisableAsync`). */
  disableProfile(esimId: string, profileId: string, options?: OperationOptions): Promise<void> {
    return this.#profileOperation(
      'esim.disableProfile()',
      'disable',
      esimId,
      profileId,
      options,
      (o) => this.#backend.setProfileEnabled(esimId, profileId, false, o),
    );
  }

  /** Renames a profile (`ESimProfile.SetNicknameAsync`); at most 64 characters, `''` clears it. */
  setProfileNickname(
    esimId: string,
    profileId: string,
    nickname: string,
    options?: OperationOptions,
  ): Promise<void> {
    const where = 'esim.setProfileNickname()';
    return this.#profileOperation(where, 'nickname', esimId, profileId, options, (o) =>
      this.#backend.setProfileNickname(esimId, profileId, checkNickname(nickname, where), o),
    );
  }

  /** Deletes a profile from the eSIM (`ESim.DeleteProfileAsync`). */
  deleteProfile(esimId: string, profileId: string, options?: OperationOptions): Promise<void> {
    return this.#profileOperation(
      'esim.deleteProfile()',
      'delete',
      esimId,
      profileId,
      options,
      (o) => this.#backend.deleteProfile(esimId, profileId, o),
    );
  }

  /** Resets the eSIM (`ESim.ResetAsync`): every profile on it is deleted. */
  reset(esimId: string, options?: OperationOptions): Promise<void> {
    const where = 'esim.reset()';
    return this.#open(where).then(async () => {
      const { signal } = checkEsimCall(where, esimId, options);
      const status = await this.#backend.reset(esimId, { signal });
      await this.#check(status, where, { call: esimOperations.reset.call, esimId });
    });
  }

  /**
   * Looks for profiles waiting for this eSIM (`ESim.DiscoverAsync`). Without options Windows
   * asks the default SM-DS, which answers with events: each an SM-DP+ address and a matching id
   * (`event.activationCode()` makes the code to download it with). With `{ server, matchingId }`
   * Windows asks that server (`DiscoverWithServerAddressAndMatchingIdAsync`); an SM-DP+ answers
   * with the profile on offer, ready for {@link Esim.confirmInstall}. A status other than success
   * rejects with `ERR_ESIM_OPERATION` and its advice, as every operation does. Windows 10 version
   * 2004 and later.
   *
   * @example
   * ```ts
   * import { connect } from 'windows-mobile-broadband';
   * const mbb = await connect();
   * const [esim] = await mbb.esim.list();
   * if (esim !== undefined) {
   *   const found = await mbb.esim.discover(esim.id);
   *   if (found.kind === 'events') {
   *     for (const event of found.events) console.log(String(event)); // smdp.example.com (matching id QR-G… (19 characters))
   *   }
   * }
   * await mbb.close();
   * ```
   */
  discover(esimId: string, options?: EsimDiscoverOptions): Promise<EsimDiscovery> {
    const where = 'esim.discover()';
    return this.#open(where).then(async () => {
      const { server, matchingId, signal } = publicDiscoverOptions(options, where);
      const checked = checkDiscoverCall(esimId, {
        ...(signal === undefined ? {} : { signal }),
        ...(server === undefined ? {} : { serverAddress: server }),
        ...(matchingId === undefined ? {} : { matchingId }),
      });
      const result = await this.#backend.discover(esimId, {
        signal: checked.signal,
        ...(checked.serverAddress === undefined
          ? {}
          : { serverAddress: checked.serverAddress, matchingId: checked.matchingId }),
      });
      const { call } = esimOperations[checked.kind];
      await this.#check(result.status, where, { call, esimId });
      if (result.kind === 'profileMetadata') {
        if (result.metadata === undefined) {
          throw new MobileBroadbandError(
            'ERR_WINDOWS',
            `${where}: ${call} reported profile metadata but returned none`,
            { details: { call, esimId } },
          );
        }
        this.#remember(result.metadata.handle, esimId);
        return { kind: 'profileMetadata', metadata: result.metadata };
      }
      if (result.kind === 'events' && result.events.length > 0) {
        return { kind: 'events', events: result.events.map((e) => new DiscoveredEvent(e)) };
      }
      return { kind: 'none' };
    });
  }

  /** @internal Closes every watcher; part of `mbb.close()`. */
  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all([...this.#watchers].map((watcher) => watcher.close()));
  }

  #profileOperation(
    where: string,
    kind: 'enable' | 'disable' | 'nickname' | 'delete',
    esimId: string,
    profileId: string,
    options: OperationOptions | undefined,
    run: (options: OperationOptions) => Promise<EsimOperationStatus>,
  ): Promise<void> {
    return this.#open(where).then(async () => {
      const { signal } = checkProfileCall(where, esimId, profileId, options);
      const status = await run({ signal });
      await this.#check(status, where, { call: esimOperations[kind].call, esimId, profileId });
    });
  }

  /**
   * Resolves for `'success'`; otherwise rejects with the status's error, its advice made
   * concrete with what the eSIM says (how much memory is free, for a full eSIM).
   */
  async #check(
    status: EsimOperationStatus,
    where: string,
    facts: EsimOperationFacts,
  ): Promise<void> {
    if (status === 'success') return;
    const known: EsimAdviceFacts = {};
    if (status === 'insufficientSpaceOnCard' && facts.esimId !== undefined) {
      known.availableMemoryBytes = await this.#freeMemory(facts.esimId);
    }
    throw esimOperationError(status, where, facts, known);
  }

  /** The eSIM's free memory, where it reports it; a failure to read it only loses the fact. */
  async #freeMemory(esimId: string): Promise<number | undefined> {
    try {
      const esims = await this.#backend.list();
      return esims.find((esim) => esim.id === esimId)?.availableMemoryBytes;
    } catch {
      return undefined;
    }
  }

  /** Which eSIM an offer is for, so that a failed install can say how full that eSIM is. */
  #remember(handle: string, esimId: string): void {
    this.#offerEsims.delete(handle);
    this.#offerEsims.set(handle, esimId);
    // Bounded like the backend's offers: the oldest is forgotten (it only loses the fact).
    if (this.#offerEsims.size > maxRememberedOffers) {
      const oldest = this.#offerEsims.keys().next().value;
      if (oldest !== undefined) this.#offerEsims.delete(oldest);
    }
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

/** The public options, before they are checked as a backend takes them. */
function publicDiscoverOptions(options: unknown, where: string): EsimDiscoverOptions {
  if (options === undefined) return {};
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      `${where}: options must be an object ({ server?, matchingId?, signal? })`,
    );
  }
  return options;
}

function handleOf(metadata: unknown, where: string): string {
  const handle =
    typeof metadata === 'object' && metadata !== null
      ? (metadata as Partial<EsimProfileMetadataInfo>).handle
      : metadata;
  return checkMetadataHandle(handle, where);
}

function profileOf(metadata: EsimProfileMetadataInfo | string): Omit<EsimOperationFacts, 'call'> {
  return typeof metadata === 'object' && typeof metadata.id === 'string' && metadata.id !== ''
    ? { profileId: metadata.id }
    : {};
}
