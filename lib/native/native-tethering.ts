/**
 * The native backend's hotspot: `NetworkOperatorTetheringManager` through the addon
 * (native/winrt/tethering), which makes, uses and releases every manager on its MTA thread (the
 * class is not agile) and never makes the JS thread wait.
 *
 * - The manager is the internet connection profile's, or a named profile's
 *   (`TetheringTarget.profileName`), looked up afresh for each call. No internet profile is
 *   `ERR_INVALID_STATE`; an unknown name `ERR_INVALID_ARGUMENT` naming the profiles there.
 * - An API the running Windows lacks is `ERR_NOT_SUPPORTED` naming the API and the build that
 *   has it (native-tethering-errors.ts), decided from Windows' answer.
 * - Access points are checked as every backend checks them (lib/tethering/check-access-point.ts,
 *   with `IsBandSupportedAsync` / `IsAuthenticationKindSupportedAsync`) before Windows stores or
 *   broadcasts them; the passphrase never appears in an error.
 * - An AbortSignal cancels a start or stop through `IAsyncInfo.Cancel` (`ERR_ABORTED` once
 *   Windows confirms); `close()` cancels what is pending (`ERR_CLOSED`), waits for Windows for
 *   at most `stopTimeoutMs`, then leaves the rest to the addon, which releases it when it ends.
 *
 * @module
 * @internal
 */

import type {
  AccessPointConfiguration,
  TetheringBackend,
  TetheringClient,
  TetheringDiagnostics,
  TetheringOperationResult,
  TetheringStartOptions,
  TetheringStatus,
  TetheringStopOptions,
  TetheringTarget,
  TetheringWiFiAuthenticationKind,
  TetheringWiFiBand,
} from '../backend.js';
import { checkOptionsObject, describeKind } from '../check-arguments.js';
import { MobileBroadbandError } from '../errors.js';
import { abortedError } from '../esim/esim-validation.js';
import {
  checkAccessPoint,
  checkAuthenticationKind,
  checkBand,
} from '../tethering/check-access-point.js';
import type {
  NativeAccessPoint,
  NativeAddon,
  NativeOperation,
  NativeTetheringResult,
} from './addon-types.js';
import { CancellableOperations } from './cancellable-operations.js';
import { readTetheringDiagnostics } from './native-tethering-diagnostics.js';
import { tetheringError } from './native-tethering-errors.js';
import {
  authenticationKindName,
  bandName,
  capabilityName,
  operationalStateName,
  operationStatusName,
  tetheringWiFiAuthenticationKinds,
  tetheringWiFiBands,
  valueOf,
} from './tethering-enums.js';

/** Options of {@link NativeTethering}. */
export interface NativeTetheringOptions {
  /** How long `close()` waits for Windows to confirm a cancellation. */
  stopTimeoutMs: number;
}

function closedError(where: string): MobileBroadbandError {
  return new MobileBroadbandError(
    'ERR_CLOSED',
    `${where}: the native backend closed while Windows was still answering; connect() again`,
  );
}

/** The addon's target: a profile's name, or null for the internet connection profile. */
function targetOf(target: TetheringTarget | undefined, where: string): string | null {
  if (target === undefined || target === null) return null;
  if (typeof target !== 'object')
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      `${where}: the target must be an object, got ${describeKind(target)}`,
    );
  const name: unknown = target.profileName;
  if (name === undefined) return null;
  if (typeof name !== 'string' || name === '')
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      `${where}: profileName must be a non-empty string, got ${typeof name === 'string' ? 'an empty string' : describeKind(name)}`,
    );
  return name;
}

/** A checked access point as the addon takes it. */
function toNative(accessPoint: AccessPointConfiguration): NativeAccessPoint {
  return {
    ssid: accessPoint.ssid,
    passphrase: accessPoint.passphrase,
    band: valueOf(tetheringWiFiBands, accessPoint.band ?? 'auto'),
    authenticationKind:
      accessPoint.authenticationKind === undefined
        ? null
        : valueOf(tetheringWiFiAuthenticationKinds, accessPoint.authenticationKind),
  };
}

function resultOf(result: NativeTetheringResult): TetheringOperationResult {
  return {
    status: operationStatusName(result.status),
    additionalErrorMessage: result.additionalErrorMessage,
  };
}

export class NativeTethering implements TetheringBackend {
  readonly #addon: NativeAddon;
  readonly #operations: CancellableOperations;

  constructor(addon: NativeAddon, options: NativeTetheringOptions) {
    this.#addon = addon;
    this.#operations = new CancellableOperations(options.stopTimeoutMs);
  }

  async status(target?: TetheringTarget): Promise<TetheringStatus> {
    const t = targetOf(target, 'tethering.status()');
    const status = await this.#call(
      () => this.#addon.tethering.status(t),
      "Reading the hotspot's status",
    );
    return {
      capability: capabilityName(status.capability),
      operationalState: operationalStateName(status.state),
      clientCount: status.clientCount,
      maxClientCount: status.maxClientCount,
    };
  }

  async start(options: TetheringStartOptions = {}): Promise<TetheringOperationResult> {
    const where = 'tethering.start()';
    checkOptionsObject(options, where);
    const t = targetOf(options, where);
    let session: NativeAccessPoint | null = null;
    if (options.session !== undefined) {
      // Fields left out come from the stored access point, which stays as it is.
      const checked = await checkAccessPoint(options.session, this, {
        where: 'start({ session })',
        current: await this.accessPoint(options),
        target: options,
      });
      session = toNative(checked);
    }
    return resultOf(
      await this.#cancellable(
        () => this.#addon.tethering.start(t, session),
        'Turning the hotspot on',
        where,
        options.signal,
      ),
    );
  }

  async stop(options: TetheringStopOptions = {}): Promise<TetheringOperationResult> {
    const where = 'tethering.stop()';
    checkOptionsObject(options, where);
    const t = targetOf(options, where);
    return resultOf(
      await this.#cancellable(
        () => this.#addon.tethering.stop(t),
        'Turning the hotspot off',
        where,
        options.signal,
      ),
    );
  }

  async accessPoint(target?: TetheringTarget): Promise<AccessPointConfiguration> {
    const t = targetOf(target, 'tethering.accessPoint()');
    const read = await this.#call(
      () => this.#addon.tethering.accessPoint(t),
      "Reading the hotspot's access point",
    );
    const accessPoint: AccessPointConfiguration = { ssid: read.ssid, passphrase: read.passphrase };
    // Absent where this Windows lacks them (…Configuration2 / 3): 'auto' and 'wpa2' then.
    if (read.band !== null) accessPoint.band = bandName(read.band);
    if (read.authenticationKind !== null)
      accessPoint.authenticationKind = authenticationKindName(read.authenticationKind);
    return accessPoint;
  }

  async configureAccessPoint(
    configuration: AccessPointConfiguration,
    target?: TetheringTarget,
  ): Promise<void> {
    const where = 'configureAccessPoint()';
    const t = targetOf(target, where);
    // Checked again here (the public layer checked already): a backend used directly must not
    // hand Windows a band or kind this adapter lacks, and nothing is stored on an error.
    const checked = await checkAccessPoint(configuration, this, {
      where,
      ...(target === undefined ? {} : { target }),
    });
    await this.#call(
      () => this.#addon.tethering.configureAccessPoint(t, toNative(checked)),
      "Storing the hotspot's access point",
    );
  }

  async clients(target?: TetheringTarget): Promise<TetheringClient[]> {
    const t = targetOf(target, 'tethering.clients()');
    const clients = await this.#call(
      () => this.#addon.tethering.clients(t),
      "Listing the hotspot's clients",
    );
    return clients.map((client) => ({
      macAddress: client.macAddress.toUpperCase(),
      hostNames: [...client.hostNames],
    }));
  }

  async isBandSupported(band: TetheringWiFiBand, target?: TetheringTarget): Promise<boolean> {
    const where = 'isBandSupported(band)';
    checkBand(band, where);
    const t = targetOf(target, where);
    return await this.#call(
      () => this.#addon.tethering.isBandSupported(t, valueOf(tetheringWiFiBands, band)),
      `Asking whether the Wi-Fi adapter supports the ${band} band`,
    );
  }

  async isAuthenticationKindSupported(
    kind: TetheringWiFiAuthenticationKind,
    target?: TetheringTarget,
  ): Promise<boolean> {
    const where = 'isAuthenticationKindSupported(kind)';
    checkAuthenticationKind(kind, where);
    const t = targetOf(target, where);
    return await this.#call(
      () =>
        this.#addon.tethering.isAuthenticationKindSupported(
          t,
          valueOf(tetheringWiFiAuthenticationKinds, kind),
        ),
      `Asking whether the Wi-Fi adapter supports ${kind}`,
    );
  }

  async isNoConnectionsTimeoutEnabled(): Promise<boolean> {
    return await this.#call(
      () => this.#addon.tethering.isNoConnectionsTimeoutEnabled(),
      "Reading the hotspot's no-connections timeout",
    );
  }

  async enableNoConnectionsTimeout(): Promise<void> {
    await this.#call(
      () => this.#addon.tethering.setNoConnectionsTimeout(true),
      "Enabling the hotspot's no-connections timeout",
    );
  }

  async disableNoConnectionsTimeout(): Promise<void> {
    await this.#call(
      () => this.#addon.tethering.setNoConnectionsTimeout(false),
      "Disabling the hotspot's no-connections timeout",
    );
  }

  diagnostics(): Promise<TetheringDiagnostics> {
    return readTetheringDiagnostics(this.#addon);
  }

  /** Cancels what is pending; settles once Windows confirmed or `stopTimeoutMs` passed. */
  close(): Promise<void> {
    return this.#operations.close();
  }

  /** A call that is not cancellable (reads, stores, switches): typed errors. */
  async #call<T>(start: () => NativeOperation<T>, operation: string): Promise<T> {
    if (this.#operations.closing) throw closedError(operation);
    try {
      return await start().promise;
    } catch (error) {
      throw await this.#error(error, operation);
    }
  }

  /** A start or stop, with the signal wired to `cancel()` and `close()` able to end it. */
  async #cancellable<T>(
    start: () => NativeOperation<T>,
    operation: string,
    where: string,
    signal: AbortSignal | undefined,
  ): Promise<T> {
    if (this.#operations.closing) throw closedError(where);
    if (signal?.aborted) throw abortedError(where, signal);
    try {
      return await this.#operations.run(start(), {
        where,
        signal,
        closed: () => closedError(where),
        canceledCall: (error) => error.call,
      });
    } catch (error) {
      throw await this.#error(error, operation);
    }
  }

  #error(error: unknown, operation: string): Promise<MobileBroadbandError> {
    return tetheringError(error, {
      operation,
      profileNames: () => this.#addon.tethering.profileNames().promise,
    });
  }
}
