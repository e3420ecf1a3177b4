/**
 * The enumeration objects of the Mobile Plans documents. Each value is exactly the string the
 * callbacks send, so portal code comparing with `==` against them works.
 *
 * @module
 */

import type { EsimOperationStatus, NetworkRegistrationState } from '../backend.js';

/** `MobilePlansUserAccount`, `MobilePlansPurchaseInstrument` and `MobilePlansLineType` values. */
export type MobilePlansStepOutcome = 'new' | 'existing' | 'bailed' | 'none';

const stepOutcomes = { new: 'new', existing: 'existing', bailed: 'bailed', none: 'none' } as const;

/** `MobilePlansUserAccount`. */
export const MobilePlansUserAccount = stepOutcomes;
/** `MobilePlansPurchaseInstrument`. */
export const MobilePlansPurchaseInstrument = stepOutcomes;
/** `MobilePlansLineType`. */
export const MobilePlansLineType = stepOutcomes;

/**
 * `MobilePlansMoDirectStatus`. `cancelled` is not in the documents' table, but their own
 * cancellation sample sends it, so it is accepted.
 */
export type MobilePlansMoDirectStatus =
  | 'complete'
  | 'serviceError'
  | 'invalidSIM'
  | 'logOnFailed'
  | 'purchaseFailed'
  | 'invalidParameters'
  | 'billingError'
  | 'cancelled';

/** `MobilePlansMoDirectStatus` as an enumeration object. */
export const MobilePlansMoDirectStatus = {
  complete: 'complete',
  serviceError: 'serviceError',
  invalidSIM: 'invalidSIM',
  logOnFailed: 'logOnFailed',
  purchaseFailed: 'purchaseFailed',
  invalidParameters: 'invalidParameters',
  billingError: 'billingError',
  cancelled: 'cancelled',
} as const satisfies Record<MobilePlansMoDirectStatus, MobilePlansMoDirectStatus>;

/** `MobilePlansNetworkRegistrationState`: the values of `NetworkRegistrationState`. */
export type MobilePlansNetworkRegistrationState = NetworkRegistrationState;

/** `MobilePlansNetworkRegistrationState` as an enumeration object. */
export const MobilePlansNetworkRegistrationState = {
  none: 'none',
  deregistered: 'deregistered',
  searching: 'searching',
  home: 'home',
  roaming: 'roaming',
  partner: 'partner',
  denied: 'denied',
} as const satisfies Record<NetworkRegistrationState, NetworkRegistrationState>;

/** Results the app adds to the `ESimOperationStatus` names. */
export type MobilePlansAppError =
  | 'unknownError'
  | 'lpaInitializationError'
  | 'modemNotFound'
  | 'localSettingsAccessFailed'
  | 'invalidJson'
  | 'invalidActivationCode'
  | 'invalidIccid';

/** `MobilePlansActivationError`: an `activationResult`. */
export type MobilePlansActivationError = EsimOperationStatus | MobilePlansAppError;

const esimStatuses = {
  success: 'success',
  notAuthorized: 'notAuthorized',
  notFound: 'notFound',
  policyViolation: 'policyViolation',
  insufficientSpaceOnCard: 'insufficientSpaceOnCard',
  serverFailure: 'serverFailure',
  serverNotReachable: 'serverNotReachable',
  timeoutWaitingForUserConsent: 'timeoutWaitingForUserConsent',
  incorrectConfirmationCode: 'incorrectConfirmationCode',
  confirmationCodeMaxRetriesExceeded: 'confirmationCodeMaxRetriesExceeded',
  cardRemoved: 'cardRemoved',
  cardBusy: 'cardBusy',
  other: 'other',
  cardGeneralFailure: 'cardGeneralFailure',
  confirmationCodeMissing: 'confirmationCodeMissing',
  invalidMatchingId: 'invalidMatchingId',
  noEligibleProfileForThisDevice: 'noEligibleProfileForThisDevice',
  operationAborted: 'operationAborted',
  eidMismatch: 'eidMismatch',
  profileNotAvailableForNewBinding: 'profileNotAvailableForNewBinding',
  profileNotReleasedByOperator: 'profileNotReleasedByOperator',
  operationProhibitedByProfileClass: 'operationProhibitedByProfileClass',
  profileNotPresent: 'profileNotPresent',
  noCorrespondingRequest: 'noCorrespondingRequest',
  timeoutWaitingForResponse: 'timeoutWaitingForResponse',
  iccidAlreadyExists: 'iccidAlreadyExists',
  profileProcessingError: 'profileProcessingError',
  serverNotTrusted: 'serverNotTrusted',
  profileDownloadMaxRetriesExceeded: 'profileDownloadMaxRetriesExceeded',
} as const satisfies Record<EsimOperationStatus, EsimOperationStatus>;

/** `MobilePlansActivationError` as an enumeration object. */
export const MobilePlansActivationError = {
  ...esimStatuses,
  unknownError: 'unknownError',
  lpaInitializationError: 'lpaInitializationError',
  modemNotFound: 'modemNotFound',
  localSettingsAccessFailed: 'localSettingsAccessFailed',
  invalidJson: 'invalidJson',
  invalidActivationCode: 'invalidActivationCode',
  invalidIccid: 'invalidIccid',
} as const satisfies Record<MobilePlansActivationError, MobilePlansActivationError>;
