/**
 * The fake backend's eSIM part: a simulated `ESimManager` with eSIMs a test inserts, ejects and
 * changes. It answers the backend calls with the validation, errors and event order of the
 * native backend (same HRESULT mapping, same messages), so tests written against it hold on
 * Windows; the conformance suite (test/conformance) runs the same tests against both.
 *
 * @module
 */

import type {
  EsimAuthenticationPreference,
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
import type { Clock } from '../clock.js';
import { MobileBroadbandError } from '../errors.js';
import { describeValue } from '../events/describe-value.js';
import type { ActivationCode } from '../esim/activation-code.js';
import {
  esimAdvice,
  esimNotAuthorizedError,
  esimOperations,
  esimPartialReadError,
} from '../esim/esim-errors.js';
import { checkWatchSink } from '../esim/esim-validation.js';
import { listByWatching } from '../esim/list-by-watching.js';
import { errorFromHresult } from '../native/hresult.js';
import {
  applyPatch,
  checkEid,
  copyEsim,
  toEsim,
  toProfile,
  type FakeEsimInit,
  type FakeEsimPatch,
  type FakeEsimProfileInit,
} from './fake-esim-data.js';
import { FakeEsimOperations } from './fake-esim-operations.js';
import type {
  FakeEsimCardScript,
  FakeEsimCodeScript,
  FakeEsimDiscoverScript,
  FakeEsimProfileScript,
} from './fake-esim-scripts.js';
import { FakeEsimWatch } from './fake-esim-watch.js';

/** How the fake `ESimManager` answers; see {@link FakeEsim.setAccess}. */
export type FakeEsimAccess = 'authorized' | 'notAuthorized' | 'classNotRegistered';

/**
 * Windows members whose failure a test can inject with {@link FakeEsim.setFailure}. For the
 * asynchronous operations (`…Async`) the operation ends with `AsyncStatus.Error` and that
 * HRESULT as its error code.
 */
export type FakeEsimMember =
  | 'ESimManager.ServiceInfo'
  | 'ESimManager.TryCreateESimWatcher'
  | 'ESimWatcher.Start'
  | 'ESim.Eid'
  | 'ESim.FirmwareVersion'
  | 'ESim.DownloadProfileMetadataAsync'
  | 'ESimProfileMetadata.ConfirmInstallAsync'
  | 'ESimProfileMetadata.ConfirmInstallWithConfirmationCodeAsync'
  | 'ESimProfileMetadata.DenyInstallAsync'
  | 'ESimProfileMetadata.PostponeInstallAsync'
  | 'ESimProfile.EnableAsync'
  | 'ESimProfile.DisableAsync'
  | 'ESimProfile.SetNicknameAsync'
  | 'ESim.DeleteProfileAsync'
  | 'ESim.ResetAsync'
  | 'ESim.DiscoverAsync'
  | 'ESim.DiscoverWithServerAddressAndMatchingIdAsync';

// Typed as members: an operation whose call is not one fails to compile here.
const operationMembers: readonly FakeEsimMember[] = Object.values(esimOperations).map(
  (o) => o.call,
);
const failingMembers: readonly FakeEsimMember[] = [
  'ESimManager.ServiceInfo',
  'ESimManager.TryCreateESimWatcher',
  'ESimWatcher.Start',
  'ESim.Eid',
  'ESim.FirmwareVersion',
  ...operationMembers,
];
const accessModes: readonly FakeEsimAccess[] = [
  'authorized',
  'notAuthorized',
  'classNotRegistered',
];
const preferences: readonly EsimAuthenticationPreference[] = ['onEntry', 'onAction', 'never'];

/** REGDB_E_CLASSNOTREG: what activating a missing class returns. */
const classNotRegistered = 0x80040154;

/**
 * The simulated eSIM service of a {@link FakeBackend} (`fake.esim`).
 *
 * @example
 * ```ts
 * import { connect } from 'windows-mobile-broadband';
 * import { createFakeBackend } from 'windows-mobile-broadband/fake';
 *
 * const fake = createFakeBackend();
 * fake.esim.insert({
 *   eid: '89049032123451234512345678901235',
 *   profiles: [{ id: '8944501234567890123', providerName: 'Contoso', state: 'enabled' }],
 * });
 * const mbb = await connect({ backend: fake });
 * console.log(await mbb.esim.list()); // one eSIM with one profile
 * fake.esim.setAccess('notAuthorized'); // list() and watch() now fail with ERR_NOT_AUTHORIZED
 * await mbb.close();
 * ```
 *
 * Operations (download, install, profile changes, reset) follow the rules of
 * {@link FakeEsim.script}, {@link FakeEsim.scriptProfile} and {@link FakeEsim.scriptEsim}.
 */
export class FakeEsim implements EsimBackend {
  readonly #esims = new Map<string, EsimInfo>();
  readonly #watches = new Set<FakeEsimWatch>();
  readonly #failures = new Map<FakeEsimMember, number>();
  #access: FakeEsimAccess = 'authorized';
  #serviceInfo: EsimServiceInfo = { authenticationPreference: 'onAction', isEsimUiEnabled: true };
  #queueLimit = 65_536;
  #closed = false;
  readonly #operations: FakeEsimOperations;

  /** @internal Made by {@link FakeBackend}, with the fake's clock. */
  constructor(clock: Clock) {
    this.#operations = new FakeEsimOperations(
      {
        find: (id) => this.#esims.get(id),
        replace: (esim) => {
          this.#esims.set(esim.id, esim);
          this.#broadcast('updated', esim);
        },
        // Every ESim object comes from a watcher: an operation runs one first, as the native
        // backend does, with the same failures.
        authorize: (operation) => {
          this.#activate(operation);
          this.#failIfSet('ESimManager.TryCreateESimWatcher', operation);
          if (this.#access === 'notAuthorized') throw esimNotAuthorizedError(operation);
          this.#failIfSet('ESimWatcher.Start', operation);
        },
        failIfSet: (member, operation) => this.#failIfSet(member as FakeEsimMember, operation),
      },
      clock,
    );
  }

  // ------------------------------------------------------------------------------------------
  // The backend calls
  // ------------------------------------------------------------------------------------------

  serviceInfo(): Promise<EsimServiceInfo> {
    const operation = 'Reading the eSIM service info';
    return this.#run(operation, () => {
      this.#activate(operation);
      this.#failIfSet('ESimManager.ServiceInfo', operation);
      return { ...this.#serviceInfo };
    });
  }

  list(options?: OperationOptions): Promise<EsimInfo[]> {
    if (this.#closed) return Promise.reject(closedError('esim.list()'));
    return listByWatching((sink) => this.watch(sink), options);
  }

  watch(sink: EsimWatchSink): Promise<EsimWatchHandle> {
    const operation = 'Starting an eSIM watcher';
    return this.#run(operation, () => {
      checkWatchSink(sink, 'esim.watch(sink)');
      this.#activate(operation);
      this.#failIfSet('ESimManager.TryCreateESimWatcher', operation);
      if (this.#access === 'notAuthorized') throw esimNotAuthorizedError(operation);
      this.#failIfSet('ESimWatcher.Start', operation);
      const watch = new FakeEsimWatch(
        sink,
        () => this.#queueLimit,
        (ended) => this.#watches.delete(ended),
      );
      this.#watches.add(watch);
      for (const esim of this.#esims.values()) this.#deliver(watch, 'added', esim);
      watch.enumerationCompleted();
      return watch;
    });
  }

  downloadProfileMetadata(
    esimId: string,
    activationCode: string,
    options?: OperationOptions,
  ): Promise<EsimDownloadResult> {
    return this.#run(esimOperations.download.operation, () =>
      this.#operations.download(esimId, activationCode, options),
    );
  }

  confirmInstall(
    metadataHandle: string,
    options?: EsimInstallOptions,
  ): Promise<EsimOperationStatus> {
    return this.#run(esimOperations.install.operation, () =>
      this.#operations.confirmInstall(metadataHandle, options),
    );
  }

  declineInstall(
    metadataHandle: string,
    how: 'deny' | 'postpone',
    options?: OperationOptions,
  ): Promise<EsimOperationStatus> {
    return this.#run('Declining an eSIM profile', () =>
      this.#operations.decline(metadataHandle, how, options),
    );
  }

  setProfileEnabled(
    esimId: string,
    profileId: string,
    enabled: boolean,
    options?: OperationOptions,
  ): Promise<EsimOperationStatus> {
    return this.#run(esimOperations.enable.operation, () =>
      this.#operations.setProfileEnabled(esimId, profileId, enabled, options),
    );
  }

  setProfileNickname(
    esimId: string,
    profileId: string,
    nickname: string,
    options?: OperationOptions,
  ): Promise<EsimOperationStatus> {
    return this.#run(esimOperations.nickname.operation, () =>
      this.#operations.setProfileNickname(esimId, profileId, nickname, options),
    );
  }

  deleteProfile(
    esimId: string,
    profileId: string,
    options?: OperationOptions,
  ): Promise<EsimOperationStatus> {
    return this.#run(esimOperations.delete.operation, () =>
      this.#operations.deleteProfile(esimId, profileId, options),
    );
  }

  reset(esimId: string, options?: OperationOptions): Promise<EsimOperationStatus> {
    return this.#run(esimOperations.reset.operation, () => this.#operations.reset(esimId, options));
  }

  discover(
    esimId: string,
    options?: OperationOptions & { serverAddress?: string; matchingId?: string },
  ): Promise<EsimDiscoverResult> {
    return this.#run(esimOperations.discover.operation, () =>
      this.#operations.discover(esimId, options),
    );
  }

  /**
   * @internal Stops every watcher, rejects pending operations with `ERR_CLOSED` and spends every
   * metadata handle; later calls reject with `ERR_CLOSED`. Part of `fake.close()`.
   */
  async close(): Promise<void> {
    this.#closed = true;
    this.#operations.close();
    await Promise.all([...this.#watches].map((watch) => watch.close()));
  }

  // ------------------------------------------------------------------------------------------
  // Controls for tests
  // ------------------------------------------------------------------------------------------

  /** Inserts an eSIM; running watchers see `added`. Returns it as `list()` will. */
  insert(init: FakeEsimInit): EsimInfo {
    const esim = toEsim(init, 'fake.esim.insert()');
    if (this.#esims.has(esim.id)) {
      throw new MobileBroadbandError(
        'ERR_INVALID_ARGUMENT',
        `fake.esim.insert(): an eSIM with EID ${esim.eid} is already present; eject() it first or update() it`,
      );
    }
    this.#esims.set(esim.id, esim);
    this.#broadcast('added', esim);
    return copyEsim(esim);
  }

  /** Removes an eSIM; running watchers see `removed` with state `'removed'`. */
  eject(id: string): void {
    const esim = this.#get(id, 'fake.esim.eject()');
    this.#esims.delete(id);
    this.#broadcast('removed', { ...esim, state: 'removed' });
  }

  /** Changes an eSIM's own fields; running watchers see `updated`. */
  update(id: string, patch: FakeEsimPatch): EsimInfo {
    const esim = applyPatch(this.#get(id, 'fake.esim.update()'), patch, 'fake.esim.update()');
    this.#esims.set(id, esim);
    this.#broadcast('updated', esim);
    return copyEsim(esim);
  }

  /** Adds a profile to an eSIM, or replaces the one with the same ICCID; watchers see `updated`. */
  addProfile(esimId: string, profile: FakeEsimProfileInit): EsimInfo {
    const where = 'fake.esim.addProfile()';
    const current = this.#get(esimId, where);
    const added = toProfile(profile, where);
    const profiles = current.profiles.filter((p) => p.id !== added.id);
    const index = current.profiles.findIndex((p) => p.id === added.id);
    profiles.splice(index < 0 ? profiles.length : index, 0, added);
    const esim = { ...current, profiles };
    this.#esims.set(esimId, esim);
    this.#broadcast('updated', esim);
    return copyEsim(esim);
  }

  /** Removes a profile from an eSIM; watchers see `updated`. */
  removeProfile(esimId: string, profileId: string): EsimInfo {
    const where = 'fake.esim.removeProfile()';
    const current = this.#get(esimId, where);
    if (!current.profiles.some((p) => p.id === profileId)) {
      throw new MobileBroadbandError(
        'ERR_INVALID_ARGUMENT',
        `${where}: eSIM ${esimId} has no profile ${JSON.stringify(profileId)}`,
      );
    }
    const esim = { ...current, profiles: current.profiles.filter((p) => p.id !== profileId) };
    this.#esims.set(esimId, esim);
    this.#broadcast('updated', esim);
    return copyEsim(esim);
  }

  /**
   * Raises `count` `updated` events for an eSIM back to back, with firmwareVersion
   * `'burst-1'` … `'burst-<count>'` (the Wine test component's burst does the same).
   */
  burst(id: string, count: number): void {
    const esim = this.#get(id, 'fake.esim.burst()');
    if (!Number.isInteger(count) || count < 0) {
      throw new MobileBroadbandError(
        'ERR_INVALID_ARGUMENT',
        `fake.esim.burst(): count must be a non-negative integer, got ${describeValue(count)}`,
      );
    }
    for (let i = 1; i <= count; i++) {
      this.#broadcast('updated', { ...esim, firmwareVersion: `burst-${i}` });
    }
  }

  /**
   * Scripts how the fake answers an activation code (compared after parsing, so `LPA:1$…` and
   * `1$…` are the same code): the status of the download, of the install and of a decline, the
   * profile on offer, the confirmation code the operator issued, and how the install reports
   * progress and how long it takes on the fake's clock. A later call replaces the script.
   *
   * An unscripted code downloads and installs successfully: the profile on offer has a
   * deterministic ICCID made from the code (`89999…`), the SM-DP+ address as its provider name,
   * requires a confirmation code only when the code's flag says so (and then accepts any), and
   * installs with 4 progress reports of a 262 144-byte profile, at once.
   *
   * @example
   * ```ts
   * import { createFakeBackend } from 'windows-mobile-broadband/fake';
   * const fake = createFakeBackend();
   * fake.esim.script('LPA:1$smdp.example.com$04386-AGYFT-A74Y8-3F815', {
   *   metadata: { id: '8944501234567890123', providerName: 'Contoso Mobile' },
   *   confirmationCode: '1234',
   *   install: 'insufficientSpaceOnCard',
   * });
   * ```
   */
  script(activationCode: string | ActivationCode, script: FakeEsimCodeScript): void {
    this.#operations.script(activationCode, script);
  }

  /**
   * Scripts the outcome of enabling, disabling, renaming or deleting the profile with this
   * ICCID (on any eSIM), and how long each takes on the fake's clock. A scripted failure is
   * reported and nothing changes; without a script (or with `'success'`) the rules apply.
   */
  scriptProfile(iccid: string, script: FakeEsimProfileScript): void {
    this.#operations.scriptProfile(iccid, script);
  }

  /** Scripts the outcome of resetting the eSIM with this id, and how long it takes. */
  scriptEsim(esimId: string, script: FakeEsimCardScript): void {
    this.#operations.scriptEsim(esimId, script);
  }

  /**
   * Scripts what `server` (an SM-DS or SM-DP+ host name; omitted: the default SM-DS) answers
   * `discover()` with: its status, and the events (profiles waiting at an SM-DP+ under a
   * matching id). A later call replaces the script.
   *
   * Unscripted, the default SM-DS knows no profile (kind `'none'`), and a server asked with a
   * matching id is the SM-DP+ of the activation code `1$<server>$<matching id>`: it offers that
   * code's profile (kind `'profileMetadata'`, following {@link FakeEsim.script}), ready for
   * `confirmInstall()`.
   *
   * @example
   * ```ts
   * import { createFakeBackend } from 'windows-mobile-broadband/fake';
   * const fake = createFakeBackend();
   * fake.esim.scriptDiscover({
   *   events: [{ rspServerAddress: 'smdp.example.com', matchingId: 'QR-G-5C-1LS-1W1Z9P7' }],
   * });
   * ```
   */
  scriptDiscover(script: FakeEsimDiscoverScript, options: { server?: string } = {}): void {
    this.#operations.scriptDiscover(script, options?.server);
  }

  /** Metadata handles downloaded and not yet spent (installed, declined or closed). */
  get pendingOffers(): number {
    return this.#operations.offers;
  }

  /** Operations started and not yet settled. */
  get pendingOperations(): number {
    return this.#operations.pending;
  }

  /**
   * How `ESimManager` answers: `'notAuthorized'` makes `TryCreateESimWatcher()` return null
   * (as for a process without the eSIM capability), `'classNotRegistered'` makes activation
   * fail with REGDB_E_CLASSNOTREG (a Windows without eSIM).
   */
  setAccess(access: FakeEsimAccess): void {
    if (!accessModes.includes(access)) {
      throw new MobileBroadbandError(
        'ERR_INVALID_ARGUMENT',
        `fake.esim.setAccess(): expected one of ${accessModes.join(', ')}, got ${JSON.stringify(access)}`,
      );
    }
    this.#access = access;
  }

  /** What `serviceInfo()` reports. */
  setServiceInfo(info: EsimServiceInfo): void {
    if (
      typeof info !== 'object' ||
      info === null ||
      !preferences.includes(info.authenticationPreference) ||
      typeof info.isEsimUiEnabled !== 'boolean'
    ) {
      throw new MobileBroadbandError(
        'ERR_INVALID_ARGUMENT',
        `fake.esim.setServiceInfo(): expected { authenticationPreference: ${preferences.join(' | ')}, isEsimUiEnabled: boolean }`,
      );
    }
    this.#serviceInfo = { ...info };
  }

  /**
   * Makes a Windows member fail with `hresult` (for example `0x80070005`, E_ACCESSDENIED) until
   * cleared with `undefined`. `'ESim.Eid'` makes every eSIM event unreadable: watchers get an
   * `error` in its place. `'ESim.FirmwareVersion'` makes one field unreadable, as Windows may for
   * a removed eSIM: watchers get the eSIM without it, then an `error` naming it
   * (`details.partial`), and `list()` keeps the eSIM.
   */
  setFailure(member: FakeEsimMember, hresult: number | undefined): void {
    if (!failingMembers.includes(member)) {
      throw new MobileBroadbandError(
        'ERR_INVALID_ARGUMENT',
        `fake.esim.setFailure(): member must be one of ${failingMembers.join(', ')}, got ${describeValue(member)}`,
      );
    }
    if (hresult === undefined) {
      this.#failures.delete(member);
      return;
    }
    if (!Number.isInteger(hresult) || hresult >>> 0 < 0x80000000) {
      throw new MobileBroadbandError(
        'ERR_INVALID_ARGUMENT',
        `fake.esim.setFailure(): hresult must be a failure HRESULT (0x80000000 or above), got ${describeValue(hresult)}`,
      );
    }
    this.#failures.set(member, hresult >>> 0);
  }

  /** Data events a watcher may hold undelivered before it discards (default 65 536). */
  setEventQueueLimit(limit: number): void {
    if (!Number.isInteger(limit) || limit < 1) {
      throw new MobileBroadbandError(
        'ERR_INVALID_ARGUMENT',
        `fake.esim.setEventQueueLimit(): limit must be a positive integer, got ${describeValue(limit)}`,
      );
    }
    this.#queueLimit = limit;
  }

  /** The eSIMs present now. */
  get esims(): EsimInfo[] {
    return [...this.#esims.values()].map(copyEsim);
  }

  /** Watchers started and not yet stopped. */
  get runningWatchers(): number {
    return this.#watches.size;
  }

  // ------------------------------------------------------------------------------------------

  #get(id: string, where: string): EsimInfo {
    checkEid(id, where);
    const esim = this.#esims.get(id);
    if (esim === undefined) {
      throw new MobileBroadbandError(
        'ERR_INVALID_ARGUMENT',
        `${where}: no eSIM with id ${id} is present`,
      );
    }
    return esim;
  }

  #broadcast(kind: 'added' | 'updated' | 'removed', esim: EsimInfo): void {
    for (const watch of this.#watches) {
      if (watch.running) this.#deliver(watch, kind, esim);
    }
  }

  /** One event to one watcher, or its failure when reading the eSIM is set to fail. */
  #deliver(watch: FakeEsimWatch, kind: 'added' | 'updated' | 'removed', esim: EsimInfo): void {
    const hresult = this.#failures.get('ESim.Eid');
    if (hresult !== undefined) {
      watch.error(
        errorFromHresult(hresult, 'ESim.Eid', {
          operation: 'Reading an eSIM event',
          advice: esimAdvice,
        }),
      );
      return;
    }
    const unreadable = this.#failures.get('ESim.FirmwareVersion');
    if (unreadable !== undefined) {
      watch.esim(kind, { ...copyEsim(esim), firmwareVersion: '' });
      watch.error(esimPartialReadError(unreadable, 'ESim.FirmwareVersion', esim.id));
      return;
    }
    watch.esim(kind, copyEsim(esim));
  }

  /** Activating ESimManager, as Windows does on first use. */
  #activate(operation: string): void {
    if (this.#access === 'classNotRegistered') {
      throw errorFromHresult(classNotRegistered, 'RoGetActivationFactory(ESimManager)', {
        operation,
        advice: esimAdvice,
      });
    }
  }

  #failIfSet(member: FakeEsimMember, operation: string): void {
    const hresult = this.#failures.get(member);
    if (hresult !== undefined) {
      throw errorFromHresult(hresult, member, { operation, advice: esimAdvice });
    }
  }

  #run<T>(operation: string, body: () => T | Promise<T>): Promise<T> {
    if (this.#closed) return Promise.reject(closedError(operation));
    try {
      return Promise.resolve(body());
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }
}

function closedError(operation: string): MobileBroadbandError {
  return new MobileBroadbandError(
    'ERR_CLOSED',
    `${operation}: the fake backend is closed; create a new one`,
  );
}

export type { FakeEsimInit, FakeEsimPatch, FakeEsimProfileInit } from './fake-esim-data.js';
export type {
  FakeEsimCardScript,
  FakeEsimCodeScript,
  FakeEsimDiscoverScript,
  FakeEsimProfileScript,
} from './fake-esim-scripts.js';
