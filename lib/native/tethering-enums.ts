/**
 * The Windows values of the hotspot's enums, as the addon reports them, and their names in the
 * backend contract. Index = value (each of these enums counts up from 0);
 * test/abi/tethering-enums.test.ts checks every table against native/abi.
 *
 * A value newer than this package never crashes: a state or a status becomes `'unknown'` (both
 * enums have that member), a capability `'disabledDueToUnknownCause'` (Windows does not allow
 * the hotspot, for a reason this version cannot name), and a band or an authentication kind a
 * typed error saying so (there is no member that would not be a lie).
 *
 * @module
 * @internal
 */

import type {
  TetheringCapability,
  TetheringOperationalState,
  TetheringOperationStatus,
  TetheringWiFiAuthenticationKind,
  TetheringWiFiBand,
} from '../backend.js';
import { MobileBroadbandError } from '../errors.js';

/** `TetheringCapability`. */
export const tetheringCapabilities: readonly TetheringCapability[] = [
  'enabled',
  'disabledByGroupPolicy',
  'disabledByHardwareLimitation',
  'disabledByOperator',
  'disabledBySku',
  'disabledByRequiredAppNotInstalled',
  'disabledDueToUnknownCause',
  'disabledBySystemCapability',
];

/** `TetheringOperationalState`. */
export const tetheringOperationalStates: readonly TetheringOperationalState[] = [
  'unknown',
  'on',
  'off',
  'inTransition',
];

/** `TetheringOperationStatus`. */
export const tetheringOperationStatuses: readonly TetheringOperationStatus[] = [
  'success',
  'unknown',
  'mobileBroadbandDeviceOff',
  'wiFiDeviceOff',
  'entitlementCheckTimeout',
  'entitlementCheckFailure',
  'operationInProgress',
  'bluetoothDeviceOff',
  'networkLimitedConnectivity',
  'alreadyOn',
  'radioRestriction',
  'bandInterference',
];

/** `TetheringWiFiBand` (Auto, TwoPointFourGigahertz, FiveGigahertz, SixGigahertz), as people
 *  say them. */
export const tetheringWiFiBands: readonly TetheringWiFiBand[] = ['auto', '2.4GHz', '5GHz', '6GHz'];

/** `TetheringWiFiAuthenticationKind`. */
export const tetheringWiFiAuthenticationKinds: readonly TetheringWiFiAuthenticationKind[] = [
  'wpa2',
  'wpa3TransitionMode',
  'wpa3',
];

/** A capability value; one this version does not know is a cause it cannot name. */
export function capabilityName(value: number): TetheringCapability {
  return tetheringCapabilities[value] ?? 'disabledDueToUnknownCause';
}

/** A state value; one this version does not know is `'unknown'`. */
export function operationalStateName(value: number): TetheringOperationalState {
  return tetheringOperationalStates[value] ?? 'unknown';
}

/** A status value; one this version does not know is `'unknown'`. */
export function operationStatusName(value: number): TetheringOperationStatus {
  return tetheringOperationStatuses[value] ?? 'unknown';
}

function newerValue(enumName: string, value: number, what: string): MobileBroadbandError {
  return new MobileBroadbandError(
    'ERR_NOT_SUPPORTED',
    `Windows reports a ${what} this version of windows-mobile-broadband does not know (${enumName} ${value}); update the package`,
    { details: { enum: enumName, value } },
  );
}

/** A band value; one this version does not know is `ERR_NOT_SUPPORTED` saying so. */
export function bandName(value: number): TetheringWiFiBand {
  const name = tetheringWiFiBands[value];
  if (name === undefined) throw newerValue('TetheringWiFiBand', value, 'Wi-Fi band');
  return name;
}

/** An authentication kind value; one this version does not know is `ERR_NOT_SUPPORTED`. */
export function authenticationKindName(value: number): TetheringWiFiAuthenticationKind {
  const name = tetheringWiFiAuthenticationKinds[value];
  if (name === undefined)
    throw newerValue('TetheringWiFiAuthenticationKind', value, 'Wi-Fi authentication kind');
  return name;
}

/** The Windows value of a band or kind name (the contract's names are checked first). */
export function valueOf<T extends string>(names: readonly T[], name: T): number {
  return names.indexOf(name);
}
