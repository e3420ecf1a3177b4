/**
 * What `wmbb status --json` prints: one object per reading, in the shape of
 * `schema/status.schema.json`. Identifiers (IMEI/MEID, ICCID, IMSI, phone numbers, EIDs) are
 * masked unless the caller reveals them.
 *
 * @module
 */

import type { DataClass, TetheringStatus } from '../../backend.js';
import { isMobileBroadbandError } from '../../errors.js';
import type { MobileBroadband } from '../../mobile-broadband.js';
import type { Account } from '../../modems/modems.js';
import { identify } from '../identify.js';

/** A section the process may not read, and why. */
export interface Unavailable {
  available: false;
  reason: string;
}

/** One account in the report; `null` where Windows gives nothing. */
export interface StatusAccount {
  networkAccountId: string;
  serviceProviderName: string;
  serviceProviderGuid: string | null;
  interfaceId: string | null;
  device: {
    deviceId: string;
    manufacturer: string;
    model: string;
    firmwareInformation: string;
    revision: string | null;
    serialNumber: string | null;
    deviceType: string;
    cellularClass: string;
    dataClasses: DataClass[];
    mobileEquipmentId: string;
    radioState: string;
    networkDeviceStatus: string;
  } | null;
  sim: {
    simIccId: string;
    subscriberId: string;
    telephoneNumbers: string[];
    simSpn: string | null;
    simPnn: string | null;
    slots: { index: number; state: string; iccid: string | null }[] | null;
    currentSlotIndex: number | null;
  } | null;
  network: {
    registrationState: string;
    registeredProviderId: string;
    registeredProviderName: string;
    registrationNetworkError: number;
    packetAttachNetworkError: number;
    accessPointName: string;
    registeredDataClass: DataClass[];
  } | null;
  connection: {
    connected: boolean;
    profileName: string | null;
    signalBars: number | null;
    connectivityLevel: string;
  };
  dataPlan: {
    usedBytes: number;
    limitBytes: number | null;
    lastSyncTime: string | null;
    nextBillingCycle: string | null;
  } | null;
}

/** An eSIM as the report shows it. */
export interface StatusEsim {
  id: string;
  state: string;
  profiles: { id: string; state: string; providerName: string; nickname: string }[];
}

/** The whole report. */
export interface StatusReport {
  backend: string;
  /** Whether identifiers are shown whole (`--reveal`). */
  revealed: boolean;
  accounts: StatusAccount[];
  esim: { available: true; esims: StatusEsim[] } | Unavailable;
  hotspot: ({ available: true } & TetheringStatus) | Unavailable;
}

/** Codes that mean "this process may not read it here", reported instead of failing. */
const unavailableCodes = [
  'ERR_NOT_AUTHORIZED',
  'ERR_NOT_SUPPORTED',
  'ERR_PACKAGE_IDENTITY_REQUIRED',
  'ERR_CLASS_NOT_REGISTERED',
  'ERR_NO_MODEM',
] as const;

/** Reads everything the process may read, as one report. */
export async function readStatus(
  mbb: MobileBroadband,
  hotspot: () => Promise<TetheringStatus>,
  reveal: boolean,
): Promise<StatusReport> {
  const id = identify(reveal);
  const accounts = (await mbb.modems.accounts()).map((a) => toStatusAccount(a, id));
  return {
    backend: mbb.backendName,
    revealed: reveal,
    accounts,
    esim: await unavailableOn(async () => ({
      available: true as const,
      esims: (await mbb.esim.list()).map((e) => ({
        id: id(e.eid),
        state: e.state,
        profiles: e.profiles.map((p) => ({
          id: id(p.id),
          state: p.state,
          providerName: p.providerName,
          nickname: p.nickname,
        })),
      })),
    })),
    hotspot: await unavailableOn(async () => ({ available: true as const, ...(await hotspot()) })),
  };
}

/** A section the process may not read is reported with the reason; other failures throw. */
async function unavailableOn<T>(read: () => Promise<T>): Promise<T | Unavailable> {
  try {
    return await read();
  } catch (error) {
    for (const code of unavailableCodes)
      if (isMobileBroadbandError(error, code))
        return { available: false, reason: `${code}: ${error.message}` };
    throw error;
  }
}

function toStatusAccount(a: Account, id: (v: string) => string): StatusAccount {
  const d = a.device;
  const n = a.network;
  return {
    networkAccountId: a.networkAccountId,
    serviceProviderName: a.serviceProviderName,
    serviceProviderGuid: a.serviceProviderGuid ?? null,
    interfaceId: a.interfaceId ?? null,
    device:
      d === undefined
        ? null
        : {
            deviceId: d.deviceId,
            manufacturer: d.manufacturer,
            model: d.model,
            firmwareInformation: d.firmwareInformation,
            revision: d.revision ?? null,
            serialNumber: d.serialNumber ?? null,
            deviceType: d.deviceType,
            cellularClass: d.cellularClass,
            dataClasses: d.dataClasses,
            mobileEquipmentId: id(d.mobileEquipmentId),
            radioState: d.radioState,
            networkDeviceStatus: d.networkDeviceStatus,
          },
    sim:
      d === undefined
        ? null
        : {
            simIccId: id(d.simIccId),
            subscriberId: id(d.subscriberId),
            telephoneNumbers: d.telephoneNumbers.map(id),
            simSpn: d.simSpn ?? null,
            simPnn: d.simPnn ?? null,
            slots:
              d.slots?.map((s) => ({
                index: s.index,
                state: s.state,
                iccid: s.iccid === undefined ? null : id(s.iccid),
              })) ?? null,
            currentSlotIndex: d.currentSlotIndex ?? null,
          },
    network:
      n === undefined
        ? null
        : {
            registrationState: n.registrationState,
            registeredProviderId: n.registeredProviderId,
            registeredProviderName: n.registeredProviderName,
            registrationNetworkError: n.registrationNetworkError,
            packetAttachNetworkError: n.packetAttachNetworkError,
            accessPointName: n.accessPointName,
            registeredDataClass: n.registeredDataClass,
          },
    connection: {
      connected: a.connection.connected,
      profileName: a.connection.profileName ?? null,
      signalBars: a.connection.signalBars ?? null,
      connectivityLevel: a.connection.connectivityLevel,
    },
    dataPlan:
      a.dataPlan === undefined
        ? null
        : {
            usedBytes: a.dataPlan.usedBytes,
            limitBytes: a.dataPlan.limitBytes ?? null,
            lastSyncTime: a.dataPlan.lastSyncTime?.toISOString() ?? null,
            nextBillingCycle: a.dataPlan.nextBillingCycle?.toISOString() ?? null,
          },
  };
}
