/**
 * Decodes the addon's account records (layout: native/winrt/modems/account-records.h, which
 * this file must match) into plain values, enums still as their Windows numbers: naming them is
 * the mapping to the backend contract's job (lib/native/native-modems.ts).
 *
 * @module
 * @internal
 */

import { BatchReader } from './batch-reader.js';
import { CoreRecordKind, undecodableBatch } from './core-records.js';

/** The modems capability's record kinds (native/winrt/modems/account-records.h). */
export const AccountRecordKind = { account: 0x101 } as const;

/** MobileBroadbandDeviceInformation as the addon read it. */
export interface DeviceRecord {
  deviceId: string;
  manufacturer: string;
  model: string;
  firmwareInformation: string;
  deviceType: number;
  cellularClass: number;
  dataClasses: number;
  customDataClass: string;
  mobileEquipmentId: string;
  subscriberId: string;
  simIccId: string;
  telephoneNumbers: string[];
  currentRadioState: number;
  networkDeviceStatus: number;
}

/** MobileBroadbandNetwork as the addon read it. */
export interface NetworkRecord {
  networkRegistrationState: number;
  registeredProviderId: string;
  registeredProviderName: string;
  registrationNetworkError: number;
  packetAttachNetworkError: number;
  activationNetworkError: number;
  accessPointName: string;
  registeredDataClass: number;
  /** `NetworkAdapter.NetworkAdapterId` as `{…}`, or '' when Windows gives no adapter. */
  networkAdapterId: string;
}

/** `ConnectionProfile.GetDataPlanStatus()` as the addon read it. */
export interface DataPlanRecord {
  megabytesUsed: number;
  /** Unix ms, when Windows reports a sync. */
  lastSyncTime: number | undefined;
  limitMegabytes: number | undefined;
  /** Unix ms, when the plan has a billing cycle. */
  nextBillingCycle: number | undefined;
}

/** The account's first connection profile as the addon read it. */
export interface ConnectionRecord {
  profileName: string;
  /** `NetworkConnectivityLevel`. */
  connectivityLevel: number;
  signalBars: number | undefined;
  dataPlan: DataPlanRecord | undefined;
}

/** One MobileBroadbandAccount as the addon read it. */
export interface AccountRecord {
  networkAccountId: string;
  /** `{XXXXXXXX-…}`, or '' when it could not be read. */
  serviceProviderGuid: string;
  serviceProviderName: string;
  /** Absent when the account has no device information (its modem is gone). */
  device: DeviceRecord | undefined;
  network: NetworkRecord | undefined;
  /**
   * `'unknown'` where Windows lacks `IMobileBroadbandAccount2` (older Windows), `undefined`
   * when the account has no connection profile.
   */
  connection: ConnectionRecord | 'unknown' | undefined;
  /** The first field that could not be read (the others are as read). */
  failure: { hresult: number; call: string } | undefined;
}

/** What a batch of account records holds: the accounts, and the failures reported instead. */
export interface AccountRecords {
  accounts: AccountRecord[];
  /** Accounts that could not be read at all (listed, then gone), and undecodable records. */
  errors: { hresult: number; call: string }[];
}

function readDevice(reader: BatchReader): DeviceRecord {
  const deviceId = reader.string();
  const manufacturer = reader.string();
  const model = reader.string();
  const firmwareInformation = reader.string();
  const deviceType = reader.int();
  const cellularClass = reader.int();
  const dataClasses = reader.int() >>> 0;
  const customDataClass = reader.string();
  const mobileEquipmentId = reader.string();
  const subscriberId = reader.string();
  const simIccId = reader.string();
  const count = reader.int();
  if (count < 0) throw new RangeError('negative telephone number count');
  const telephoneNumbers: string[] = [];
  for (let i = 0; i < count; i++) telephoneNumbers.push(reader.string());
  return {
    deviceId,
    manufacturer,
    model,
    firmwareInformation,
    deviceType,
    cellularClass,
    dataClasses,
    customDataClass,
    mobileEquipmentId,
    subscriberId,
    simIccId,
    telephoneNumbers,
    currentRadioState: reader.int(),
    networkDeviceStatus: reader.int(),
  };
}

function readNetwork(reader: BatchReader): NetworkRecord {
  return {
    networkRegistrationState: reader.int(),
    registeredProviderId: reader.string(),
    registeredProviderName: reader.string(),
    registrationNetworkError: reader.int() >>> 0,
    packetAttachNetworkError: reader.int() >>> 0,
    activationNetworkError: reader.int() >>> 0,
    accessPointName: reader.string(),
    registeredDataClass: reader.int() >>> 0,
    networkAdapterId: reader.string(),
  };
}

function readInstant(reader: BatchReader): number | undefined {
  const present = reader.bool();
  const value = reader.int64();
  return present ? value : undefined;
}

function readConnection(reader: BatchReader): ConnectionRecord | 'unknown' | undefined {
  const state = reader.int();
  if (state === 0) return 'unknown';
  if (state === 1) return undefined;
  if (state !== 2) throw new RangeError(`unknown connection state ${state}`);
  const profileName = reader.string();
  const connectivityLevel = reader.int();
  const signalBars = reader.optionalInt();
  let dataPlan: DataPlanRecord | undefined;
  if (reader.bool()) {
    const megabytesUsed = reader.int() >>> 0;
    const lastSyncTime = readInstant(reader);
    const limit = reader.optionalInt();
    dataPlan = {
      megabytesUsed,
      lastSyncTime,
      limitMegabytes: limit === undefined ? undefined : limit >>> 0,
      nextBillingCycle: readInstant(reader),
    };
  }
  return { profileName, connectivityLevel, signalBars, dataPlan };
}

function readAccount(reader: BatchReader): AccountRecord {
  const networkAccountId = reader.string();
  const serviceProviderGuid = reader.string();
  const serviceProviderName = reader.string();
  const device = reader.bool() ? readDevice(reader) : undefined;
  const network = reader.bool() ? readNetwork(reader) : undefined;
  const connection = readConnection(reader);
  const failureHresult = reader.int() >>> 0;
  const failureCall = reader.string();
  return {
    networkAccountId,
    serviceProviderGuid,
    serviceProviderName,
    device,
    network,
    connection,
    failure: failureHresult !== 0 ? { hresult: failureHresult, call: failureCall } : undefined,
  };
}

/** Decodes a batch of account records; a batch that cannot be framed is one error, never data. */
export function decodeAccountRecords(words: Int32Array, text: string): AccountRecords {
  const reader = new BatchReader(words, text);
  const result: AccountRecords = { accounts: [], errors: [] };
  while (!reader.done) {
    try {
      const kind = reader.int();
      if (kind === AccountRecordKind.account) {
        result.accounts.push(readAccount(reader));
      } else if (kind === CoreRecordKind.error) {
        result.errors.push({ hresult: reader.int() >>> 0, call: reader.string() });
      } else {
        throw new RangeError(`unknown account record kind ${kind}`);
      }
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      result.errors.push({
        hresult: undecodableBatch,
        call: `decoding an account record (${error.message})`,
      });
      break;
    }
  }
  return result;
}
