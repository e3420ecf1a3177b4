/**
 * `mbb.tethering`: the Windows mobile hotspot (`NetworkOperatorTetheringManager`). Any process
 * may use it (a desktop app, a service, the CLI); no package identity needed.
 *
 * @module
 */

import type {
  AccessPointConfiguration,
  TetheringBackend,
  TetheringClient,
  TetheringOperationResult,
  TetheringSessionConfiguration,
  TetheringStatus,
  TetheringTarget,
  TetheringWiFiAuthenticationKind,
  TetheringWiFiBand,
} from '../backend.js';
import { checkOptionsObject, checkStringArgument } from '../check-arguments.js';
import { MobileBroadbandError } from '../errors.js';
import { checkAccessPoint, checkAuthenticationKind, checkBand } from './check-access-point.js';
import { diagnoseHotspot, type HotspotDiagnosis } from './diagnose-hotspot.js';

/** Options of {@link Tethering.start}. */
export interface HotspotStartOptions {
  /** Cancels the operation; it then rejects with `ERR_ABORTED`. */
  signal?: AbortSignal;
  /**
   * An access point for this session only (Windows 26100 and later): fields left out come from
   * the stored configuration, which stays as it was. Checked like {@link Tethering.configure}.
   */
  session?: TetheringSessionConfiguration;
}

/** Options of {@link Tethering.stop}. */
export interface HotspotStopOptions {
  /** Cancels the operation; it then rejects with `ERR_ABORTED`. */
  signal?: AbortSignal;
}

/**
 * The mobile hotspot of one connection profile: the internet connection profile for
 * `mbb.tethering`, a named one for `mbb.tethering.forProfile(name)`.
 *
 * Start and stop resolve with Windows' `TetheringOperationStatus` and its additional message
 * (they do not throw for a refused start: read `status`). Access points are checked before
 * Windows sees them (`ERR_INVALID_ARGUMENT`, or `ERR_NOT_SUPPORTED` for a band or authentication
 * kind this adapter lacks), and the passphrase never appears in an error. An API this Windows is
 * too old for is `ERR_NOT_SUPPORTED`, naming the API.
 *
 * @example
 * ```ts
 * import { connect } from 'windows-mobile-broadband';
 * const mbb = await connect();
 * const { capability } = await mbb.tethering.status();
 * if (capability === 'enabled') {
 *   await mbb.tethering.disableNoConnectionsTimeout(); // stay on without clients
 *   const result = await mbb.tethering.start();
 *   if (result.status !== 'success') console.error(result.status, result.additionalErrorMessage);
 * } else {
 *   for (const finding of (await mbb.tethering.diagnose()).findings)
 *     if (!finding.ok) console.error(finding.summary, finding.remedy);
 * }
 * await mbb.close();
 * ```
 */
export class Tethering {
  readonly #backend: TetheringBackend;
  readonly #target: TetheringTarget;

  /** @internal Use {@link connect}. */
  constructor(backend: TetheringBackend, target: TetheringTarget = {}) {
    this.#backend = backend;
    this.#target = target;
  }

  /** The connection profile this hotspot shares; `undefined` for the internet profile. */
  get profileName(): string | undefined {
    return this.#target.profileName;
  }

  /**
   * The hotspot sharing the connection profile named `profileName`
   * (`CreateFromConnectionProfile`) instead of the internet connection profile.
   */
  forProfile(profileName: string): Tethering {
    checkStringArgument(profileName, 'profileName', 'tethering.forProfile(profileName)');
    if (profileName === '')
      throw new MobileBroadbandError(
        'ERR_INVALID_ARGUMENT',
        'tethering.forProfile(profileName): profileName must not be empty',
      );
    return new Tethering(this.#backend, { profileName });
  }

  /** Capability (with its reason), state, client count and maximum. */
  status(): Promise<TetheringStatus> {
    return this.#backend.status(this.#target);
  }

  /** The devices on the hotspot: MAC address and host names. */
  clients(): Promise<TetheringClient[]> {
    return this.#backend.clients(this.#target);
  }

  /** Turns the hotspot on; resolves with Windows' answer. */
  async start(options?: HotspotStartOptions): Promise<TetheringOperationResult> {
    const { signal, session } = checkOptionsObject(options, 'tethering.start(options)');
    let checked: AccessPointConfiguration | undefined;
    if (session !== undefined)
      checked = await checkAccessPoint(session, this.#backend, {
        where: 'tethering.start({ session })',
        current: await this.#backend.accessPoint(this.#target),
        target: this.#target,
      });
    return await this.#backend.start({
      ...this.#target,
      ...(signal === undefined ? {} : { signal }),
      ...(checked === undefined ? {} : { session: checked }),
    });
  }

  /** Turns the hotspot off; resolves with Windows' answer. */
  stop(options?: HotspotStopOptions): Promise<TetheringOperationResult> {
    const { signal } = checkOptionsObject(options, 'tethering.stop(options)');
    return this.#backend.stop({ ...this.#target, ...(signal === undefined ? {} : { signal }) });
  }

  /** The stored access point (SSID, passphrase, band, authentication kind). */
  accessPoint(): Promise<AccessPointConfiguration> {
    return this.#backend.accessPoint(this.#target);
  }

  /**
   * Stores a new access point. Fields left out keep their stored values, so
   * `configure({ band: '5GHz' })` changes only the band. Checked first: on an error nothing
   * changes.
   */
  async configure(configuration: Partial<AccessPointConfiguration>): Promise<void> {
    const checked = await checkAccessPoint(configuration, this.#backend, {
      where: 'tethering.configure()',
      current: await this.#backend.accessPoint(this.#target),
      target: this.#target,
    });
    await this.#backend.configureAccessPoint(checked, this.#target);
  }

  /** Whether this adapter supports `band` (Windows 10 2004, build 19041, and later). */
  async isBandSupported(band: TetheringWiFiBand): Promise<boolean> {
    checkBand(band, 'tethering.isBandSupported(band)');
    return await this.#backend.isBandSupported(band, this.#target);
  }

  /** Whether this adapter supports `kind` (Windows 26100 and later). */
  async isAuthenticationKindSupported(kind: TetheringWiFiAuthenticationKind): Promise<boolean> {
    checkAuthenticationKind(kind, 'tethering.isAuthenticationKindSupported(kind)');
    return await this.#backend.isAuthenticationKindSupported(kind, this.#target);
  }

  /** Whether Windows turns the hotspot off when no device has been connected for a while. */
  isNoConnectionsTimeoutEnabled(): Promise<boolean> {
    return this.#backend.isNoConnectionsTimeoutEnabled();
  }

  /** Lets Windows turn an idle hotspot off (its default). Machine-wide. */
  enableNoConnectionsTimeout(): Promise<void> {
    return this.#backend.enableNoConnectionsTimeout();
  }

  /** Keeps the hotspot on without clients. Machine-wide. */
  disableNoConnectionsTimeout(): Promise<void> {
    return this.#backend.disableNoConnectionsTimeout();
  }

  /**
   * Why the hotspot can or cannot start: the capability and its reason, the Mobile Hotspot and
   * WLAN AutoConfig services, the Wi-Fi radio, the internet profile and blocking policies, each
   * with a remedy in plain words. A status Windows cannot give (no internet connection to
   * share: `ERR_INVALID_STATE`) is a failed capability finding carrying its message, and
   * `capability` is then `null`.
   */
  async diagnose(): Promise<HotspotDiagnosis> {
    const [status, facts] = await Promise.all([
      // A status Windows cannot give (no internet connection to share, above all) is itself a
      // finding, not a reason to diagnose nothing.
      this.#backend.status(this.#target).catch((error: unknown) => {
        if (error instanceof MobileBroadbandError) return error;
        throw error;
      }),
      this.#backend.diagnostics(),
    ]);
    return diagnoseHotspot(status, facts);
  }
}
