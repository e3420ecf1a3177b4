/**
 * The fake's mobile hotspot, with the operator's AllowTethering policy of the service metadata
 * (`Always`, `Never`, `EntitlementCheckRequired`).
 *
 * With `entitlementCheckRequired`, every attempt to turn the hotspot on raises a
 * TetheringEntitlementCheck (10) and waits for the operator app's answer; without one in
 * `entitlementTimeoutMs` the attempt fails with `entitlementCheckTimeout`. State changes raise
 * TetheringOperationalStateChanged (11) and client changes TetheringNumberOfClientsChanged (12),
 * as newer Windows does.
 *
 * @module
 */

import type {
  AccessPointConfiguration,
  EntitlementAnswer,
  TetheringBackend,
  TetheringCapability,
  TetheringClient,
  TetheringDiagnostics,
  TetheringOperationalState,
  TetheringOperationResult,
  TetheringOperationStatus,
  TetheringStartOptions,
  TetheringStatus,
  TetheringStopOptions,
  TetheringTarget,
  TetheringWiFiAuthenticationKind,
  TetheringWiFiBand,
} from '../backend.js';
import {
  checkAccessPoint,
  checkAuthenticationKind,
  checkBand,
} from '../tethering/check-access-point.js';
import type { TimerHandle } from '../clock.js';
import { MobileBroadbandError } from '../errors.js';
import { tetheringCapabilities, tetheringOperationStatuses } from '../native/tethering-enums.js';
import { tetheringApiBuilds } from '../tethering/api-builds.js';
import { noInternetError } from '../tethering/no-internet.js';
import type { FakeContext, FakeRecord } from './fake-context.js';
import type { FakeNotificationSource } from './fake-notification-source.js';

/** The service metadata's AllowTethering. */
export type TetheringPolicy = 'always' | 'never' | 'entitlementCheckRequired';

const policies: readonly TetheringPolicy[] = ['always', 'never', 'entitlementCheckRequired'];

/** What a tethering request did; see {@link FakeTethering.request}. */
export interface TetheringRequestOutcome extends TetheringOperationResult {
  /** The operator app's answer to the entitlement check, when one was asked for. */
  entitlement?: EntitlementAnswer & { entitlementCheckId: string };
  /** What the app did not see, in words (an unpackaged process gets no entitlement check). */
  note?: string;
}

/** The first Windows build with each newer tethering API, as the fake plays them. */
export { tetheringApiBuilds };

/** How long an idle hotspot stays on while the no-connections timeout is enabled (5 minutes). */
export const noConnectionsTimeoutMs = 5 * 60_000;

/** A start or stop outcome scripted with {@link FakeTethering.scriptNext}. */
export interface ScriptedTetheringOutcome {
  /** The status the operation answers. */
  status: TetheringOperationStatus;
  /** Windows' additional message (default `''`). */
  additionalErrorMessage?: string;
}

const macPattern = /^[0-9A-F]{2}(?::[0-9A-F]{2}){5}$/i;

/**
 * The fake's hotspot (`fake.tethering`): the TetheringBackend part, plus controls for tests:
 * `clientJoined`, `clientLeft`, `entitlementTimeoutMs`, `setCapability` (a reason),
 * `supportedBands` / `supportedAuthenticationKinds`, `windowsBuild`, `scriptNext` (the next
 * start's or stop's TetheringOperationStatus), `setDiagnostics` (services, radio, internet
 * profile, policies). With the no-connections timeout enabled (Windows' default), a hotspot
 * without clients turns itself off after {@link noConnectionsTimeoutMs} of virtual time.
 */
export class FakeTethering implements TetheringBackend {
  readonly #context: FakeContext;
  readonly #source: FakeNotificationSource;
  #policy: TetheringPolicy = 'always';
  #state: TetheringOperationalState = 'off';
  #clients: TetheringClient[] = [];
  #accessPoint: AccessPointConfiguration = {
    ssid: 'FAKE-HOTSPOT',
    passphrase: 'fake-passphrase',
    band: 'auto',
  };
  readonly maxClientCount = 10;
  entitlementTimeoutMs = 30_000;
  /**
   * The Windows build the fake plays: APIs newer than it are `ERR_NOT_SUPPORTED` naming the API
   * (see {@link tetheringApiBuilds}). `createFakeBackend({ windowsBuild })`; 26100 by default.
   */
  windowsBuild: number;
  /** The bands this adapter supports (`IsBandSupportedAsync`); `'auto'` is always supported. */
  supportedBands = new Set<TetheringWiFiBand>(['auto', '2.4GHz', '5GHz']);
  /** The authentication kinds this adapter supports (`IsAuthenticationKindSupportedAsync`). */
  supportedAuthenticationKinds = new Set<TetheringWiFiAuthenticationKind>([
    'wpa2',
    'wpa3TransitionMode',
  ]);
  #capabilityOverride: TetheringCapability | undefined;
  #noConnectionsTimeout = true;
  #idleTimer: TimerHandle | undefined;
  #scripted: { start: ScriptedTetheringOutcome[]; stop: ScriptedTetheringOutcome[] } = {
    start: [],
    stop: [],
  };
  #diagnostics: TetheringDiagnostics = {
    mobileHotspotService: 'running',
    wlanService: 'running',
    wifiRadio: 'on',
    internetProfile: true,
    blockingPolicies: [],
  };

  /** @internal */
  constructor(context: FakeContext, source: FakeNotificationSource, windowsBuild = 26100) {
    this.#context = context;
    this.#source = source;
    this.windowsBuild = windowsBuild;
  }

  /**
   * Sets the capability Windows reports (`TetheringCapability`), whatever the operator policy
   * says; `undefined` goes back to the policy's (`disabledByOperator` for `'never'`).
   */
  setCapability(capability: TetheringCapability | undefined): void {
    if (capability !== undefined && !tetheringCapabilities.includes(capability))
      throw new MobileBroadbandError(
        'ERR_INVALID_ARGUMENT',
        `Unknown tethering capability ${JSON.stringify(capability)}; expected one of ${tetheringCapabilities.join(', ')}`,
      );
    this.#capabilityOverride = capability;
  }

  /**
   * The next `start()` (or `stop()`) answers `status` with Windows' additional message, and
   * changes nothing unless the status is `'success'`. Calls queue up, one per operation.
   */
  scriptNext(operation: 'start' | 'stop', outcome: ScriptedTetheringOutcome): void {
    if (operation !== 'start' && operation !== 'stop')
      throw new MobileBroadbandError(
        'ERR_INVALID_ARGUMENT',
        "scriptNext(operation): 'start' or 'stop'",
      );
    if (!tetheringOperationStatuses.includes(outcome?.status))
      throw new MobileBroadbandError(
        'ERR_INVALID_ARGUMENT',
        `Unknown TetheringOperationStatus; expected one of ${tetheringOperationStatuses.join(', ')}`,
      );
    this.#scripted[operation].push({
      status: outcome.status,
      additionalErrorMessage: outcome.additionalErrorMessage ?? '',
    });
  }

  /**
   * Changes what `diagnostics()` reports (the machine's services, radio, profile, policies).
   * `internetProfile: false` is also what the hotspot sees: the default hotspot has no internet
   * connection to share (`ERR_INVALID_STATE`), as on Windows.
   */
  setDiagnostics(patch: Partial<TetheringDiagnostics>): void {
    this.#diagnostics = { ...this.#diagnostics, ...patch };
  }

  /** Whether the idle timer runs (the hotspot is on, without clients, timeout enabled). */
  get idleTimerPending(): boolean {
    return this.#idleTimer !== undefined;
  }

  get policy(): TetheringPolicy {
    return this.#policy;
  }

  setPolicy(policy: TetheringPolicy): void {
    if (!policies.includes(policy)) {
      throw new MobileBroadbandError(
        'ERR_INVALID_ARGUMENT',
        `Unknown tethering policy ${JSON.stringify(policy)}; expected one of ${policies.join(', ')}`,
      );
    }
    this.#policy = policy;
  }

  async status(target?: TetheringTarget): Promise<TetheringStatus> {
    this.#checkTarget(target, "Reading the hotspot's status");
    return Promise.resolve({
      capability: this.#capability(),
      operationalState: this.#state,
      clientCount: this.#clients.length,
      maxClientCount: this.maxClientCount,
    });
  }

  async start(options: TetheringStartOptions = {}): Promise<TetheringOperationResult> {
    this.#checkTarget(options, 'Turning the hotspot on');
    let session: AccessPointConfiguration | undefined;
    if (options.session !== undefined) {
      this.#need(
        'sessionConfiguration',
        'StartTetheringAsync(NetworkOperatorTetheringSessionAccessPointConfiguration)',
      );
      session = await checkAccessPoint(options.session, this, {
        where: 'start({ session })',
        current: this.#accessPoint,
      });
    }
    const scripted = this.#scripted.start.shift();
    if (scripted !== undefined && scripted.status !== 'success')
      return {
        status: scripted.status,
        additionalErrorMessage: scripted.additionalErrorMessage ?? '',
      };
    const capability = this.#capability();
    if (capability !== 'enabled' && this.#state !== 'on')
      return {
        status: 'unknown',
        additionalErrorMessage: `Tethering is not available on this device (${capability})`,
      };
    void session; // The session's access point lasts until stop; the fake broadcasts nothing.
    const { status, additionalErrorMessage } = await this.request();
    return { status, additionalErrorMessage };
  }

  /** The user turns the hotspot on; resolves with what Windows answered. */
  async request(): Promise<TetheringRequestOutcome> {
    if (this.#state === 'on') return { status: 'alreadyOn', additionalErrorMessage: '' };
    if (this.#policy === 'never') {
      return {
        status: 'entitlementCheckFailure',
        additionalErrorMessage: 'The operator does not allow tethering (AllowTethering is Never)',
      };
    }
    if (this.#policy === 'entitlementCheckRequired' && !this.#context.packaged) {
      // The check goes to the operator's packaged app, elsewhere on the machine; it allows here.
      await this.#setState('on');
      return {
        status: 'success',
        additionalErrorMessage: '',
        note: "the entitlement check went to the operator's packaged app: this process is unpackaged and does not see it",
      };
    }
    if (this.#policy === 'entitlementCheckRequired') {
      const check = await this.#askApp();
      if (check === undefined) {
        return {
          status: 'entitlementCheckTimeout',
          additionalErrorMessage: `The operator app did not answer the entitlement check within ${this.entitlementTimeoutMs} ms`,
        };
      }
      if (!check.allow) {
        return {
          status: 'entitlementCheckFailure',
          additionalErrorMessage: check.reason,
          entitlement: check,
        };
      }
      await this.#setState('on');
      return { status: 'success', additionalErrorMessage: '', entitlement: check };
    }
    await this.#setState('on');
    return { status: 'success', additionalErrorMessage: '' };
  }

  async stop(options: TetheringStopOptions = {}): Promise<TetheringOperationResult> {
    this.#checkTarget(options, 'Turning the hotspot off');
    const scripted = this.#scripted.stop.shift();
    if (scripted !== undefined && scripted.status !== 'success')
      return {
        status: scripted.status,
        additionalErrorMessage: scripted.additionalErrorMessage ?? '',
      };
    this.#clearIdleTimer();
    if (this.#state === 'off') return { status: 'success', additionalErrorMessage: '' };
    const records: FakeRecord[] = [{ messageType: 11, tetheringState: 'off' }];
    this.#state = 'off';
    if (this.#clients.length > 0) {
      this.#clients = [];
      records.push({ messageType: 12, clientCount: 0 });
    }
    await this.#context.emit(...records);
    return { status: 'success', additionalErrorMessage: '' };
  }

  async accessPoint(target?: TetheringTarget): Promise<AccessPointConfiguration> {
    this.#checkTarget(target, "Reading the hotspot's access point");
    return Promise.resolve({ ...this.#accessPoint });
  }

  async configureAccessPoint(
    configuration: AccessPointConfiguration,
    target?: TetheringTarget,
  ): Promise<void> {
    this.#checkTarget(target, "Storing the hotspot's access point");
    const { ssid, passphrase } = configuration ?? {};
    if (typeof ssid !== 'string' || Buffer.byteLength(ssid) < 1 || Buffer.byteLength(ssid) > 32) {
      throw new MobileBroadbandError(
        'ERR_INVALID_ARGUMENT',
        'The SSID must be 1 to 32 bytes of UTF-8',
      );
    }
    if (typeof passphrase !== 'string' || passphrase.length < 8 || passphrase.length > 63) {
      // The passphrase is a secret: its length is all the message says.
      throw new MobileBroadbandError(
        'ERR_INVALID_ARGUMENT',
        'The passphrase must be 8 to 63 characters (WPA2)',
      );
    }
    // Windows checks again; the shared checks say the same thing every backend would.
    const checked = await checkAccessPoint(configuration, this, {
      where: 'configureAccessPoint()',
    });
    const stored: AccessPointConfiguration = { ssid, passphrase, band: checked.band ?? 'auto' };
    if (configuration.authenticationKind !== undefined)
      stored.authenticationKind = checked.authenticationKind ?? 'wpa2';
    this.#accessPoint = stored;
  }

  async clients(target?: TetheringTarget): Promise<TetheringClient[]> {
    this.#checkTarget(target, "Listing the hotspot's clients");
    return Promise.resolve(
      this.#clients.map((c) => ({ macAddress: c.macAddress, hostNames: [...c.hostNames] })),
    );
  }

  /** A device joins the hotspot. */
  async clientJoined(macAddress: string, hostNames: string[] = []): Promise<number> {
    if (typeof macAddress !== 'string' || !macPattern.test(macAddress)) {
      throw new MobileBroadbandError(
        'ERR_INVALID_ARGUMENT',
        `A client needs a MAC address such as 02:00:00:00:00:01, got ${JSON.stringify(macAddress)}`,
      );
    }
    if (this.#state !== 'on')
      throw new MobileBroadbandError('ERR_INVALID_STATE', 'No client can join: the hotspot is off');
    const mac = macAddress.toUpperCase();
    if (this.#clients.some((c) => c.macAddress === mac)) {
      throw new MobileBroadbandError('ERR_INVALID_STATE', `Client ${mac} is already connected`);
    }
    if (this.#clients.length >= this.maxClientCount) {
      throw new MobileBroadbandError(
        'ERR_INVALID_STATE',
        `The hotspot is full (${this.maxClientCount} clients)`,
      );
    }
    this.#clients.push({ macAddress: mac, hostNames: [...hostNames] });
    this.#clearIdleTimer();
    await this.#context.emit({ messageType: 12, clientCount: this.#clients.length });
    return this.#clients.length;
  }

  /** A device leaves the hotspot. */
  async clientLeft(macAddress: string): Promise<number> {
    const mac = typeof macAddress === 'string' ? macAddress.toUpperCase() : '';
    const index = this.#clients.findIndex((c) => c.macAddress === mac);
    if (index < 0)
      throw new MobileBroadbandError(
        'ERR_INVALID_STATE',
        `No client ${JSON.stringify(macAddress)} is connected`,
      );
    this.#clients.splice(index, 1);
    this.#armIdleTimer();
    await this.#context.emit({ messageType: 12, clientCount: this.#clients.length });
    return this.#clients.length;
  }

  async isBandSupported(band: TetheringWiFiBand, target?: TetheringTarget): Promise<boolean> {
    this.#checkTarget(target, 'Asking whether the Wi-Fi adapter supports a band');
    checkBand(band, 'isBandSupported(band)');
    this.#need('band', 'IsBandSupportedAsync');
    // An older Windows does not know the 6 GHz value: no adapter supports it there.
    if (band === '6GHz' && this.windowsBuild < tetheringApiBuilds.sixGigahertzBand)
      return Promise.resolve(false);
    return Promise.resolve(band === 'auto' || this.supportedBands.has(band));
  }

  async isAuthenticationKindSupported(
    kind: TetheringWiFiAuthenticationKind,
    target?: TetheringTarget,
  ): Promise<boolean> {
    this.#checkTarget(target, 'Asking whether the Wi-Fi adapter supports an authentication kind');
    checkAuthenticationKind(kind, 'isAuthenticationKindSupported(kind)');
    this.#need('authenticationKind', 'IsAuthenticationKindSupportedAsync');
    return Promise.resolve(this.supportedAuthenticationKinds.has(kind));
  }

  async isNoConnectionsTimeoutEnabled(): Promise<boolean> {
    this.#need('noConnectionsTimeout', 'IsNoConnectionsTimeoutEnabled');
    return Promise.resolve(this.#noConnectionsTimeout);
  }

  async enableNoConnectionsTimeout(): Promise<void> {
    this.#need('noConnectionsTimeout', 'EnableNoConnectionsTimeoutAsync');
    this.#noConnectionsTimeout = true;
    this.#armIdleTimer();
    return Promise.resolve();
  }

  async disableNoConnectionsTimeout(): Promise<void> {
    this.#need('noConnectionsTimeout', 'DisableNoConnectionsTimeoutAsync');
    this.#noConnectionsTimeout = false;
    this.#clearIdleTimer();
    return Promise.resolve();
  }

  async diagnostics(): Promise<TetheringDiagnostics> {
    return Promise.resolve({
      ...this.#diagnostics,
      blockingPolicies: [...this.#diagnostics.blockingPolicies],
    });
  }

  #capability(): TetheringCapability {
    if (this.#capabilityOverride !== undefined) return this.#capabilityOverride;
    return this.#policy === 'never' ? 'disabledByOperator' : 'enabled';
  }

  /** A newer API on older Windows: `ERR_NOT_SUPPORTED`, naming the API and the build it needs. */
  #need(api: keyof typeof tetheringApiBuilds, name: string): void {
    const build = tetheringApiBuilds[api];
    if (this.windowsBuild < build)
      throw new MobileBroadbandError(
        'ERR_NOT_SUPPORTED',
        `${name} needs Windows build ${build} or later; this Windows is build ${this.windowsBuild}`,
        { details: { api: name, requiredBuild: build, windowsBuild: this.windowsBuild } },
      );
  }

  /**
   * The fake shares one connection profile: the internet one, named after the operator. With
   * `setDiagnostics({ internetProfile: false })` the machine has no internet connection: the
   * default hotspot has nothing to share, as on Windows, and a named profile still works.
   */
  #checkTarget(target: TetheringTarget | undefined, operation: string): void {
    const name = target?.profileName;
    if (name === undefined) {
      if (!this.#diagnostics.internetProfile) throw noInternetError(operation);
      return;
    }
    if (name !== this.#context.account.providerName)
      throw new MobileBroadbandError(
        'ERR_INVALID_ARGUMENT',
        `No connection profile by that name; the profiles are: ${this.#context.account.providerName}`,
      );
  }

  #armIdleTimer(): void {
    if (!this.#noConnectionsTimeout || this.#state !== 'on' || this.#clients.length > 0) return;
    if (this.#idleTimer !== undefined) return;
    this.#idleTimer = this.#context.clock.setTimeout(() => {
      this.#idleTimer = undefined;
      if (this.#state !== 'on' || this.#clients.length > 0) return;
      void this.#setState('off');
    }, noConnectionsTimeoutMs);
  }

  #clearIdleTimer(): void {
    if (this.#idleTimer === undefined) return;
    this.#context.clock.clearTimeout(this.#idleTimer);
    this.#idleTimer = undefined;
  }

  async #setState(state: TetheringOperationalState): Promise<void> {
    this.#state = state;
    if (state === 'on') this.#armIdleTimer();
    await this.#context.emit({ messageType: 11, tetheringState: state });
  }

  /** Raises the check and waits for the app's answer, or `undefined` after the timeout. */
  async #askApp(): Promise<(EntitlementAnswer & { entitlementCheckId: string }) | undefined> {
    const [record] = await this.#context.emit({ messageType: 10 });
    const id = record!.entitlementCheckId!;
    let timer: TimerHandle | undefined;
    const timeout = new Promise<undefined>((resolve) => {
      timer = this.#context.clock.setTimeout(() => resolve(undefined), this.entitlementTimeoutMs);
    });
    const answer = await Promise.race([this.#source.answerOf(id), timeout]);
    if (timer !== undefined) this.#context.clock.clearTimeout(timer);
    if (answer === undefined) {
      this.#source.expire(id);
      return undefined;
    }
    return { ...answer, entitlementCheckId: id };
  }
}
