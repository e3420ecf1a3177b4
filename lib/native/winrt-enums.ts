/**
 * The Windows values of the eSIM enums, as the addon reports them, and their camelCase names
 * in the backend contract. Index = value (every one of these enums counts up from 0).
 *
 * @module
 * @internal
 */

import type {
  EsimAuthenticationPreference,
  EsimOperationStatus,
  EsimProfileClass,
  EsimProfileMetadataState,
  EsimProfileState,
  EsimState,
} from '../backend.js';

/** `ESimState`. */
export const esimStates: readonly EsimState[] = ['unknown', 'idle', 'removed', 'busy'];
/** `ESimProfileClass`. */
export const esimProfileClasses: readonly EsimProfileClass[] = [
  'operational',
  'test',
  'provisioning',
];
/** `ESimProfileState`. */
export const esimProfileStates: readonly EsimProfileState[] = [
  'unknown',
  'disabled',
  'enabled',
  'deleted',
];
/** `ESimAuthenticationPreference`. */
export const esimAuthenticationPreferences: readonly EsimAuthenticationPreference[] = [
  'onEntry',
  'onAction',
  'never',
];

/** `ESimOperationStatus`. */
export const esimOperationStatuses: readonly EsimOperationStatus[] = [
  'success',
  'notAuthorized',
  'notFound',
  'policyViolation',
  'insufficientSpaceOnCard',
  'serverFailure',
  'serverNotReachable',
  'timeoutWaitingForUserConsent',
  'incorrectConfirmationCode',
  'confirmationCodeMaxRetriesExceeded',
  'cardRemoved',
  'cardBusy',
  'other',
  'cardGeneralFailure',
  'confirmationCodeMissing',
  'invalidMatchingId',
  'noEligibleProfileForThisDevice',
  'operationAborted',
  'eidMismatch',
  'profileNotAvailableForNewBinding',
  'profileNotReleasedByOperator',
  'operationProhibitedByProfileClass',
  'profileNotPresent',
  'noCorrespondingRequest',
  'timeoutWaitingForResponse',
  'iccidAlreadyExists',
  'profileProcessingError',
  'serverNotTrusted',
  'profileDownloadMaxRetriesExceeded',
];
/** `ESimProfileMetadataState`. */
export const esimProfileMetadataStates: readonly EsimProfileMetadataState[] = [
  'unknown',
  'waitingForInstall',
  'downloading',
  'installing',
  'expired',
  'rejectingDownload',
  'noLongerAvailable',
  'deniedByPolicy',
];

/**
 * The name of `value` in `names`; a value newer than this package becomes `fallback` when the
 * enum has an 'unknown' member, and an error otherwise.
 */
export function enumName<T extends string>(
  names: readonly T[],
  value: number,
  enumName: string,
  fallback?: T,
): T {
  const name = names[value];
  if (name !== undefined) return name;
  if (fallback !== undefined) return fallback;
  throw new RangeError(`${enumName} value ${value} is not one this version knows`);
}

/** The Windows value of `name` (for tests driving the Wine test component). */
export function enumValue<T extends string>(names: readonly T[], name: T): number {
  return names.indexOf(name);
}
