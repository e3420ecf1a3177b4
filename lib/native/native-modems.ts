/**
 * The native backend's modems part: the addon reads the accounts on its MTA thread
 * (native/winrt/modems), this maps its records to the backend contract. Windows gives desktop
 * processes "unrestricted access to the Mobile Broadband Account API", so this part works for
 * any process, packaged or not.
 *
 * @module
 * @internal
 */

import type {
  AccountInfo,
  ConnectionInfo,
  DataPlanStatus,
  DeviceInfo,
  ModemBackend,
  NetworkInfo,
} from '../backend.js';
import type { MobileBroadbandError } from '../errors.js';
import {
  cellularClasses,
  dataClassNames,
  mobileBroadbandDeviceTypes,
  mobileBroadbandRadioStates,
  networkConnectivityLevels,
  networkDeviceStatuses,
  networkRegistrationStates,
} from '../modems/modem-enums.js';
import { enumName } from './winrt-enums.js';
import { unknownAccountError } from '../modems/unknown-account.js';
import {
  decodeAccountRecords,
  type AccountRecord,
  type AccountRecords,
  type ConnectionRecord,
  type DeviceRecord,
  type NetworkRecord,
} from './account-records.js';
import type { NativeAddon, NativeRecords } from './addon-types.js';
import { errorFromHresult, fromNativeError } from './hresult.js';

const megabyte = 1_048_576;

/** Reports a failure that does not stop the read (a field, or one account gone). */
export type ModemReadWarning = (error: MobileBroadbandError) => void;

/** Failures that leave the rest readable become process warnings with this code. */
export const modemReadWarningCode = 'WMBB_MODEM_PARTIAL_READ';

function warnProcess(error: MobileBroadbandError): void {
  process.emitWarning(error.message, { code: modemReadWarningCode });
}

export class NativeModems implements ModemBackend {
  readonly #addon: NativeAddon;
  readonly #warn: ModemReadWarning;

  constructor(addon: NativeAddon, warn: ModemReadWarning = warnProcess) {
    this.#addon = addon;
    this.#warn = warn;
  }

  async accounts(): Promise<AccountInfo[]> {
    const records = await this.#read('Listing mobile broadband accounts', () =>
      this.#addon.modems.accounts(),
    );
    return records.accounts.map((record) => this.#account(record));
  }

  async account(networkAccountId: string): Promise<AccountInfo> {
    const where = 'Reading a mobile broadband account';
    if (typeof networkAccountId !== 'string' || networkAccountId === '') {
      throw unknownAccountError(networkAccountId, await this.#knownIds());
    }
    let records: AccountRecords;
    try {
      records = await this.#read(where, () => this.#addon.modems.account(networkAccountId));
    } catch (error) {
      // An id Windows does not know: say which ones it does (CreateFromNetworkAccountId fails
      // with whatever HRESULT the service picks, so the list decides).
      const known = await this.#knownIds();
      if (!known.includes(networkAccountId)) throw unknownAccountError(networkAccountId, known);
      throw error;
    }
    const [record] = records.accounts;
    if (record === undefined) throw unknownAccountError(networkAccountId, await this.#knownIds());
    return this.#account(record);
  }

  async dataPlanStatus(networkAccountId: string): Promise<DataPlanStatus | undefined> {
    return (await this.account(networkAccountId)).dataPlan;
  }

  async #knownIds(): Promise<string[]> {
    return (await this.accounts()).map((account) => account.networkAccountId);
  }

  /** Runs an addon read and decodes it; accounts that could not be read become warnings. */
  async #read(
    operation: string,
    start: () => { promise: Promise<NativeRecords> },
  ): Promise<AccountRecords> {
    let batch: NativeRecords;
    try {
      batch = await start().promise;
    } catch (error) {
      throw fromNativeError(error, { operation });
    }
    const records = decodeAccountRecords(batch.words, batch.text);
    for (const failure of records.errors) {
      this.#warn(
        errorFromHresult(failure.hresult, failure.call, {
          operation: `${operation} (an account could not be read and is left out)`,
        }),
      );
    }
    return records;
  }

  #account(record: AccountRecord): AccountInfo {
    if (record.failure) {
      this.#warn(
        errorFromHresult(record.failure.hresult, record.failure.call, {
          operation:
            'Reading a mobile broadband account (listed with the fields that could be read)',
          details: { networkAccountId: record.networkAccountId, partial: true },
        }),
      );
    }
    const connection = record.connection === 'unknown' ? undefined : record.connection;
    return {
      networkAccountId: record.networkAccountId,
      serviceProviderGuid:
        record.serviceProviderGuid === '' ||
        record.serviceProviderGuid === '{00000000-0000-0000-0000-000000000000}'
          ? undefined
          : record.serviceProviderGuid,
      serviceProviderName: record.serviceProviderName,
      interfaceId:
        record.network && record.network.networkAdapterId !== ''
          ? record.network.networkAdapterId
          : undefined,
      device: record.device && device(record.device),
      network: record.network && network(record.network),
      connection: connectionInfo(connection),
      dataPlan: connection?.dataPlan && dataPlan(connection.dataPlan),
    };
  }
}

function device(d: DeviceRecord): DeviceInfo {
  return {
    deviceId: d.deviceId,
    manufacturer: d.manufacturer,
    model: d.model,
    firmwareInformation: d.firmwareInformation,
    deviceType: enumName(
      mobileBroadbandDeviceTypes,
      d.deviceType,
      'MobileBroadbandDeviceType',
      'unknown',
    ),
    cellularClass: enumName(cellularClasses, d.cellularClass, 'CellularClass', 'none'),
    dataClasses: dataClassNames(d.dataClasses),
    customDataClass: d.customDataClass,
    mobileEquipmentId: d.mobileEquipmentId,
    simIccId: d.simIccId,
    subscriberId: d.subscriberId,
    telephoneNumbers: d.telephoneNumbers,
    radioState: enumName(
      mobileBroadbandRadioStates,
      d.currentRadioState,
      'MobileBroadbandRadioState',
      'off',
    ),
    networkDeviceStatus: enumName(
      networkDeviceStatuses,
      d.networkDeviceStatus,
      'NetworkDeviceStatus',
      'deviceNotReady',
    ),
  };
}

function network(n: NetworkRecord): NetworkInfo {
  return {
    registrationState: enumName(
      networkRegistrationStates,
      n.networkRegistrationState,
      'NetworkRegistrationState',
      'none',
    ),
    registeredProviderId: n.registeredProviderId,
    registeredProviderName: n.registeredProviderName,
    registrationNetworkError: n.registrationNetworkError,
    packetAttachNetworkError: n.packetAttachNetworkError,
    activationNetworkError: n.activationNetworkError,
    accessPointName: n.accessPointName,
    registeredDataClass: dataClassNames(n.registeredDataClass),
  };
}

function connectionInfo(c: ConnectionRecord | undefined): ConnectionInfo {
  if (c === undefined) {
    return {
      connected: false,
      profileName: undefined,
      signalBars: undefined,
      connectivityLevel: 'none',
    };
  }
  const connectivityLevel = enumName(
    networkConnectivityLevels,
    c.connectivityLevel,
    'NetworkConnectivityLevel',
    'none',
  );
  return {
    connected: connectivityLevel !== 'none',
    profileName: c.profileName,
    signalBars: c.signalBars,
    connectivityLevel,
  };
}

function dataPlan(p: NonNullable<ConnectionRecord['dataPlan']>): DataPlanStatus {
  return {
    usedBytes: p.megabytesUsed * megabyte,
    limitBytes: p.limitMegabytes === undefined ? undefined : p.limitMegabytes * megabyte,
    lastSyncTime: p.lastSyncTime,
    nextBillingCycle: p.nextBillingCycle,
  };
}
