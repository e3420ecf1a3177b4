/**
 * The Windows values of the enums of the modems part, and their camelCase names in the backend
 * contract: what a backend that reads numbers from Windows (the native addon) maps them with.
 * Index = value for the enums that count up from 0; `DataClasses` is a set of flags.
 *
 * @module
 */

import type {
  CellularClass,
  DataClass,
  MobileBroadbandDeviceType,
  MobileBroadbandRadioState,
  MobileBroadbandSlotState,
  NetworkConnectivityLevel,
  NetworkDeviceStatus,
  NetworkRegistrationState,
} from '../backend.js';

/** `NetworkRegistrationState` / `WwanNetworkRegistrationState`. */
export const networkRegistrationStates: readonly NetworkRegistrationState[] = [
  'none',
  'deregistered',
  'searching',
  'home',
  'roaming',
  'partner',
  'denied',
];

/** `MobileBroadbandDeviceType`. */
export const mobileBroadbandDeviceTypes: readonly MobileBroadbandDeviceType[] = [
  'unknown',
  'embedded',
  'removable',
  'remote',
];

/** `MobileBroadbandRadioState`. */
export const mobileBroadbandRadioStates: readonly MobileBroadbandRadioState[] = ['off', 'on'];

/** `NetworkDeviceStatus`. */
export const networkDeviceStatuses: readonly NetworkDeviceStatus[] = [
  'deviceNotReady',
  'deviceReady',
  'simNotInserted',
  'badSim',
  'deviceHardwareFailure',
  'accountNotActivated',
  'deviceLocked',
  'deviceBlocked',
];

/** `Windows.Devices.Sms.CellularClass`. */
export const cellularClasses: readonly CellularClass[] = ['none', 'gsm', 'cdma'];

/** `NetworkConnectivityLevel`. */
export const networkConnectivityLevels: readonly NetworkConnectivityLevel[] = [
  'none',
  'localAccess',
  'constrainedInternetAccess',
  'internetAccess',
];

/** `MobileBroadbandSlotState`. */
export const mobileBroadbandSlotStates: readonly MobileBroadbandSlotState[] = [
  'unmanaged',
  'unknown',
  'offEmpty',
  'off',
  'empty',
  'notReady',
  'active',
  'error',
  'activeEsim',
  'activeEsimNoProfile',
];

/** `DataClasses` / `WwanDataClass`: each flag's value and name, in value order. */
export const dataClassFlags: readonly (readonly [number, DataClass])[] = [
  [0x1, 'gprs'],
  [0x2, 'edge'],
  [0x4, 'umts'],
  [0x8, 'hsdpa'],
  [0x10, 'hsupa'],
  [0x20, 'lteAdvanced'],
  [0x40, 'newRadioNonStandalone'],
  [0x80, 'newRadioStandalone'],
  [0x10000, 'cdma1xRtt'],
  [0x20000, 'cdma1xEvdo'],
  [0x40000, 'cdma1xEvdoRevA'],
  [0x80000, 'cdma1xEvdv'],
  [0x100000, 'cdma3xRtt'],
  [0x200000, 'cdma1xEvdoRevB'],
  [0x400000, 'cdmaUmb'],
  [0x80000000, 'custom'],
];

/** The flags set in a `DataClasses` value, by name (bits Windows may add later are left out). */
export function dataClassNames(flags: number): DataClass[] {
  const bits = flags >>> 0;
  return dataClassFlags.filter(([value]) => (bits & value) >>> 0 === value).map(([, n]) => n);
}
