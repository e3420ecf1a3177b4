/**
 * The fake's eSIM operations: download, install, decline, profile changes and reset, with the
 * validation, errors and outcomes of the native backend (the Wine test component follows the
 * same rules, and the conformance suite holds both to them):
 *
 * - a scripted status replaces the outcome, and nothing changes; otherwise the rules apply:
 *   an absent eSIM or profile is `'notFound'`, disabling a profile whose policy forbids it or
 *   deleting one that may not be deleted is `'policyViolation'`, installing a profile whose
 *   ICCID is already there is `'iccidAlreadyExists'`, a missing or wrong confirmation code is
 *   `'confirmationCodeMissing'` / `'incorrectConfirmationCode'`;
 * - success changes the eSIM and running watchers see `updated`: an installed profile is added
 *   (disabled), enabling a profile disables the one enabled before, a reset deletes every
 *   profile.
 *
 * @module
 * @internal
 */

import type {
  EsimDiscoverResult,
  EsimDownloadResult,
  EsimInfo,
  EsimInstallOptions,
  EsimOperationStatus,
  EsimProfileInfo,
  EsimProfileMetadataInfo,
  OperationOptions,
} from '../backend.js';
import type { Clock } from '../clock.js';
import { MobileBroadbandError } from '../errors.js';
import {
  isSmdpAddress,
  parseActivationCode,
  type ActivationCode,
} from '../esim/activation-code.js';
import { esimOperations, type EsimOperationKind } from '../esim/esim-errors.js';
import {
  checkDeclineCall,
  checkDiscoverCall,
  checkDownloadCall,
  checkEsimCall,
  checkInstallCall,
  checkProfileCall,
} from '../esim/esim-call-arguments.js';
import {
  checkActivationCode,
  checkBoolean,
  checkEsimId,
  checkIccid,
  checkNickname,
} from '../esim/esim-validation.js';
import { MetadataOffers } from '../esim/metadata-offers.js';
import { progressListener } from '../esim/progress-listener.js';
import { FakeEsimOperationRunner } from './fake-esim-operation-runner.js';
import {
  checkCardScript,
  checkProfileScript,
  resolveCodeScript,
  resolveDiscoverScript,
  type FakeEsimCardScript,
  type FakeEsimCodeScript,
  type FakeEsimDiscoverScript,
  type ResolvedDiscoverScript,
  type FakeEsimProfileScript,
  type ResolvedCodeScript,
} from './fake-esim-scripts.js';

/** What the operations need from the fake eSIM service. */
export interface FakeEsimHost {
  /** The eSIM with this id, if present. */
  find(esimId: string): EsimInfo | undefined;
  /** Stores a changed eSIM; running watchers see `updated`. */
  replace(esim: EsimInfo): void;
  /** Activation and authorization, as every eSIM operation needs (throws a typed error). */
  authorize(operation: string): void;
  /** Throws the HRESULT failure injected for `member`, if any. */
  failIfSet(member: string, operation: string): void;
}

/**
 * A downloaded profile offer, by handle. What the metadata said is fixed at the download; how
 * the install or decline goes follows the code's script in force when it starts.
 */
interface Offer {
  readonly code: ActivationCode;
  readonly offered: ResolvedCodeScript;
  readonly esimId: string;
}

export class FakeEsimOperations {
  readonly #host: FakeEsimHost;
  readonly #runner: FakeEsimOperationRunner;
  readonly #codes = new Map<string, ResolvedCodeScript>();
  readonly #profiles = new Map<string, FakeEsimProfileScript>();
  readonly #cards = new Map<string, FakeEsimCardScript>();
  /** Discover scripts by server address (lower-cased; '' is the default SM-DS). */
  readonly #discoveries = new Map<string, ResolvedDiscoverScript>();
  readonly #offers = new MetadataOffers<Offer>('fake-esim-metadata');

  constructor(host: FakeEsimHost, clock: Clock) {
    this.#host = host;
    this.#runner = new FakeEsimOperationRunner(clock);
  }

  // --- scripts ------------------------------------------------------------------------------

  script(activationCode: string | ActivationCode, script: FakeEsimCodeScript): void {
    const where = 'fake.esim.script()';
    const code = checkActivationCode(activationCode, where);
    this.#codes.set(code.reveal(), resolveCodeScript(code, script, where));
  }

  scriptProfile(iccid: string, script: FakeEsimProfileScript): void {
    const where = 'fake.esim.scriptProfile()';
    this.#profiles.set(checkIccid(iccid, where), checkProfileScript(script, where));
  }

  scriptEsim(esimId: string, script: FakeEsimCardScript): void {
    const where = 'fake.esim.scriptEsim()';
    this.#cards.set(checkEsimId(esimId, where), checkCardScript(script, where));
  }

  scriptDiscover(script: FakeEsimDiscoverScript, server: string | undefined): void {
    const where = 'fake.esim.scriptDiscover()';
    if (server !== undefined && !isSmdpAddress(server)) {
      throw new MobileBroadbandError(
        'ERR_INVALID_ARGUMENT',
        `${where}: the server must be a host name such as smds.example.com`,
      );
    }
    this.#discoveries.set(server?.toLowerCase() ?? '', resolveDiscoverScript(script, where));
  }

  /** Metadata handles not yet spent. */
  get offers(): number {
    return this.#offers.size;
  }

  /** Operations started and not yet settled. */
  get pending(): number {
    return this.#runner.pending;
  }

  close(): void {
    this.#runner.closeAll();
    this.#offers.clear();
  }

  // --- the backend calls --------------------------------------------------------------------

  async download(
    esimId: unknown,
    activationCode: unknown,
    options: OperationOptions | undefined,
  ): Promise<EsimDownloadResult> {
    const { where, signal, code, ...args } = checkDownloadCall(esimId, activationCode, options);
    const { operation, call } = esimOperations.download;
    this.#host.authorize(operation);
    const script = this.#scriptOf(code);
    return this.#runner.run({
      durationMs: script.durationMs,
      signal,
      where,
      finish: (): EsimDownloadResult => {
        this.#host.failIfSet(call, operation);
        if (this.#host.find(args.esimId) === undefined) {
          return { status: 'notFound', metadata: undefined };
        }
        if (script.download !== 'success') return { status: script.download, metadata: undefined };
        return { status: 'success', metadata: this.#offer(code, script, args.esimId) };
      },
    });
  }

  /**
   * Discovery: a scripted server answers with its events (the default SM-DS with none when
   * unscripted); an unscripted server asked with a matching id is the SM-DP+ of the activation
   * code `1$<server>$<matching id>`, and offers that code's profile (its script applies).
   */
  async discover(esimId: unknown, options: unknown): Promise<EsimDiscoverResult> {
    const { where, signal, kind, serverAddress, matchingId, ...args } = checkDiscoverCall(
      esimId,
      options,
    );
    const { operation, call } = esimOperations[kind];
    this.#host.authorize(operation);
    const server = serverAddress?.toLowerCase();
    const scripted = this.#discoveries.get(server ?? '');
    const code =
      scripted === undefined && server !== undefined && matchingId !== ''
        ? parseActivationCode(`1$${server}$${matchingId}`)
        : undefined;
    const offered = code === undefined ? undefined : this.#scriptOf(code);
    const nothing = (status: EsimOperationStatus): EsimDiscoverResult => ({
      kind: 'none',
      status,
      events: [],
      metadata: undefined,
    });
    return this.#runner.run({
      durationMs: scripted?.durationMs ?? offered?.durationMs ?? 0,
      signal,
      where,
      finish: (): EsimDiscoverResult => {
        this.#host.failIfSet(call, operation);
        if (this.#host.find(args.esimId) === undefined) return nothing('notFound');
        if (code !== undefined && offered !== undefined) {
          if (offered.download !== 'success') return nothing(offered.download);
          const metadata = this.#offer(code, offered, args.esimId);
          return { kind: 'profileMetadata', status: 'success', events: [], metadata };
        }
        const answer = scripted ?? { status: 'success', events: [] };
        if (answer.status !== 'success') return nothing(answer.status);
        if (answer.events.length === 0) return nothing('success');
        const events = answer.events.map((event) => ({ ...event }));
        return { kind: 'events', status: 'success', events, metadata: undefined };
      },
    });
  }

  /** Keeps an offer of `script`'s profile and returns its metadata. */
  #offer(
    code: ActivationCode,
    script: ResolvedCodeScript,
    esimId: string,
  ): EsimProfileMetadataInfo {
    const handle = this.#offers.add({ code, offered: script, esimId });
    return {
      handle,
      id: script.profile.id,
      isConfirmationCodeRequired: script.confirmationCodeRequired,
      providerId: script.profile.providerId,
      providerName: script.profile.providerName,
      state: 'waitingForInstall',
      policy: { ...script.profile.policy },
    };
  }

  async confirmInstall(
    handle: unknown,
    options: EsimInstallOptions | undefined,
  ): Promise<EsimOperationStatus> {
    const { where, signal, kind, confirmationCode, onProgress, ...args } = checkInstallCall(
      handle,
      options,
    );
    const { operation, call } = esimOperations[kind];
    this.#host.authorize(operation);
    const report = progressListener(onProgress, where);
    return this.#offers.use(args.handle, where, 'install', (offer) => {
      const script = this.#scriptOf(offer.code);
      const profile = offer.offered.profile;
      const preliminary =
        checkConfirmation(offer.offered.confirmationCodeRequired, script, confirmationCode) ??
        script.install;
      const steps = preliminary === 'success' ? script.progressSteps : 0;
      return this.#runner.run({
        durationMs: script.durationMs,
        progressSteps: steps,
        onStep: (step) =>
          report({
            totalSizeInBytes: script.profileSizeBytes,
            installedSizeInBytes: Math.floor((script.profileSizeBytes * step) / steps),
          }),
        signal,
        where,
        finish: (): EsimOperationStatus => {
          this.#host.failIfSet(call, operation);
          const esim = this.#host.find(offer.esimId);
          if (esim === undefined) return 'cardRemoved';
          if (preliminary !== 'success') return preliminary;
          if (esim.profiles.some((p) => p.id === profile.id)) return 'iccidAlreadyExists';
          const installed: EsimProfileInfo = { ...profile, policy: { ...profile.policy } };
          this.#host.replace({ ...esim, profiles: [...esim.profiles, installed] });
          return 'success';
        },
      });
    });
  }

  async decline(
    handle: unknown,
    how: unknown,
    options: OperationOptions | undefined,
  ): Promise<EsimOperationStatus> {
    const { where, signal, kind, ...args } = checkDeclineCall(handle, how, options);
    const { operation, call } = esimOperations[kind];
    this.#host.authorize(operation);
    return this.#offers.use(args.handle, where, 'decline', (offer) => {
      const script = this.#scriptOf(offer.code);
      return this.#runner.run({
        durationMs: script.durationMs,
        signal,
        where,
        finish: () => {
          this.#host.failIfSet(call, operation);
          return script.decline;
        },
      });
    });
  }

  setProfileEnabled(
    esimId: unknown,
    profileId: unknown,
    enabled: unknown,
    options: OperationOptions | undefined,
  ): Promise<EsimOperationStatus> {
    const where = 'esim.setProfileEnabled()';
    checkBoolean(enabled, 'enabled', where);
    return this.#profileOperation(
      enabled ? 'enable' : 'disable',
      where,
      esimId,
      profileId,
      options,
      (esim, profile) => {
        if (!enabled && !profile.policy.canDisable) return 'policyViolation';
        const state = enabled ? 'enabled' : 'disabled';
        const profiles = esim.profiles.map((p): EsimProfileInfo => {
          if (p.id === profile.id) return p.state === state ? p : { ...p, state };
          // An eUICC runs one profile at a time: enabling one disables the other.
          return enabled && p.state === 'enabled' ? { ...p, state: 'disabled' } : p;
        });
        return profiles;
      },
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
    return this.#profileOperation('nickname', where, esimId, profileId, options, (esim, profile) =>
      esim.profiles.map((p) =>
        p.id === profile.id && p.nickname !== name ? { ...p, nickname: name } : p,
      ),
    );
  }

  deleteProfile(
    esimId: unknown,
    profileId: unknown,
    options: OperationOptions | undefined,
  ): Promise<EsimOperationStatus> {
    return this.#profileOperation(
      'delete',
      'esim.deleteProfile()',
      esimId,
      profileId,
      options,
      (esim, profile) => {
        if (!profile.policy.canDelete) return 'policyViolation';
        return esim.profiles.filter((p) => p.id !== profile.id);
      },
    );
  }

  async reset(
    esimId: unknown,
    options: OperationOptions | undefined,
  ): Promise<EsimOperationStatus> {
    const { where, signal, ...args } = checkEsimCall('esim.reset()', esimId, options);
    const { operation, call } = esimOperations.reset;
    this.#host.authorize(operation);
    const script = this.#cards.get(args.esimId) ?? {};
    return this.#runner.run({
      durationMs: script.durationMs ?? 0,
      signal,
      where,
      finish: (): EsimOperationStatus => {
        this.#host.failIfSet(call, operation);
        const esim = this.#host.find(args.esimId);
        if (esim === undefined) return 'notFound';
        if (script.reset !== undefined && script.reset !== 'success') return script.reset;
        if (esim.profiles.length > 0) this.#host.replace({ ...esim, profiles: [] });
        return 'success';
      },
    });
  }

  #scriptOf(code: ActivationCode): ResolvedCodeScript {
    return this.#codes.get(code.reveal()) ?? resolveCodeScript(code, {}, 'fake.esim.script()');
  }

  /**
   * An operation on one profile: checks, the script, then `change` (new profile list, or a
   * status when a rule refuses).
   */
  async #profileOperation(
    kind: Extract<EsimOperationKind, 'enable' | 'disable' | 'nickname' | 'delete'>,
    where: string,
    esimId: unknown,
    profileId: unknown,
    options: OperationOptions | undefined,
    change: (esim: EsimInfo, profile: EsimProfileInfo) => EsimProfileInfo[] | EsimOperationStatus,
  ): Promise<EsimOperationStatus> {
    const { signal, ...args } = checkProfileCall(where, esimId, profileId, options);
    const { operation, call } = esimOperations[kind];
    this.#host.authorize(operation);
    const script = this.#profiles.get(args.iccid) ?? {};
    return this.#runner.run({
      durationMs: script.durationMs ?? 0,
      signal,
      where,
      finish: (): EsimOperationStatus => {
        this.#host.failIfSet(call, operation);
        const esim = this.#host.find(args.esimId);
        const profile = esim?.profiles.find((p) => p.id === args.iccid);
        if (esim === undefined || profile === undefined) return 'notFound';
        const scripted = script[kind];
        if (scripted !== undefined && scripted !== 'success') return scripted;
        const profiles = change(esim, profile);
        if (typeof profiles === 'string') return profiles;
        const changed =
          profiles.length !== esim.profiles.length ||
          profiles.some((p, i) => p !== esim.profiles[i]);
        if (changed) this.#host.replace({ ...esim, profiles });
        return 'success';
      },
    });
  }
}

/** The status a confirmation code earns before anything is installed, if it fails. */
function checkConfirmation(
  required: boolean,
  script: ResolvedCodeScript,
  confirmationCode: string | undefined,
): EsimOperationStatus | undefined {
  if (!required) return undefined;
  if (confirmationCode === undefined) return 'confirmationCodeMissing';
  if (script.confirmationCode !== undefined && confirmationCode !== script.confirmationCode) {
    return 'incorrectConfirmationCode';
  }
  return undefined;
}
