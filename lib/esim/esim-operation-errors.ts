/**
 * What each `ESimOperationStatus` means for the user, worded once for every backend: the public
 * layer turns every status other than `'success'` into an `ERR_ESIM_OPERATION` error with the
 * status in `details.status` and a message that says what to do.
 *
 * @module
 */

import type { EsimOperationStatus } from '../backend.js';
import { MobileBroadbandError } from '../errors.js';
import { esimOperationStatuses } from '../native/winrt-enums.js';
import { esimCapability } from './esim-errors.js';

/** What to do about each failed status. */
const advice: Record<Exclude<EsimOperationStatus, 'success'>, string> = {
  notAuthorized: `Windows did not authorize the operation: the app needs package identity and the custom capability ${esimCapability}, and the eSIM service must accept the caller`,
  notFound:
    'the eSIM or profile was not found (it may have been removed): list the eSIMs again and use an id from there',
  policyViolation:
    "a policy forbids it (the profile's own policy, such as canDelete/canDisable, or the organisation's): check the profile's policy",
  insufficientSpaceOnCard:
    'the eSIM has no room for another profile: delete a profile you no longer need, then try again',
  serverFailure:
    "the operator's SM-DP+ server failed: try again later, or contact the operator if it persists",
  serverNotReachable:
    "the operator's SM-DP+ server could not be reached: check the internet connection and the server address in the activation code",
  timeoutWaitingForUserConsent:
    'the user did not confirm in time: start the operation again and confirm when Windows asks',
  incorrectConfirmationCode:
    'the confirmation code is wrong: ask the operator for the right one and try again with the same metadata',
  confirmationCodeMaxRetriesExceeded:
    'the confirmation code was wrong too many times: the operator must issue a new activation code',
  cardRemoved: 'the eSIM was removed during the operation: insert it and try again',
  cardBusy: 'the eSIM is busy with another operation: wait until it finishes and try again',
  other: 'Windows reported an unspecified eSIM failure: try again, and check the eSIM in Settings',
  cardGeneralFailure:
    "the eSIM failed: restart the device; contact the device's manufacturer if it persists",
  confirmationCodeMissing:
    'this profile needs the confirmation code the operator gave with the activation code: pass it as { confirmationCode }',
  invalidMatchingId:
    "the operator does not recognise the activation code's matching id: check the code, or ask the operator for a new one",
  noEligibleProfileForThisDevice:
    'the operator has no profile this device can use: ask the operator which devices the plan supports',
  operationAborted: 'the eSIM service aborted the operation: try again',
  eidMismatch:
    "the profile was ordered for another eSIM: give the operator this eSIM's EID and ask for a new activation code",
  profileNotAvailableForNewBinding:
    'the profile has already been downloaded to a device: ask the operator to release it or issue a new one',
  profileNotReleasedByOperator:
    'the operator has not released the profile yet: try again later, or contact the operator',
  operationProhibitedByProfileClass:
    "the profile's class (test or provisioning) does not allow this operation",
  profileNotPresent: 'the profile is not on the eSIM (any more): list the eSIMs again',
  noCorrespondingRequest: 'the server had no pending request to match: start the operation again',
  timeoutWaitingForResponse:
    'the eSIM or the server did not answer in time: check the connection and try again',
  iccidAlreadyExists:
    'a profile with this ICCID is already on the eSIM: enable it instead of installing it again',
  profileProcessingError:
    'the eSIM could not process the profile: ask the operator to issue it again',
  serverNotTrusted:
    "the eSIM does not trust the SM-DP+ server's certificate: check the server address in the activation code with the operator",
  profileDownloadMaxRetriesExceeded:
    'the profile was downloaded too many times: ask the operator for a new activation code',
};

/** Facts an error about a failed status carries (never secrets). */
export interface EsimOperationFacts {
  /** The Windows member that reported the status, such as `ESim.DownloadProfileMetadataAsync`. */
  call: string;
  esimId?: string;
  profileId?: string;
}

/**
 * The error for an operation that finished with `status` (not `'success'`): code
 * `ERR_ESIM_OPERATION`, `details.status` the camelCase name, a message with what to do.
 *
 * @param operation What the user asked for, for the message (`esim.reset()`).
 */
export function esimOperationError(
  status: EsimOperationStatus,
  operation: string,
  facts: EsimOperationFacts,
): MobileBroadbandError {
  const value = esimOperationStatuses.indexOf(status);
  const what = status === 'success' ? 'succeeded' : advice[status];
  return new MobileBroadbandError(
    'ERR_ESIM_OPERATION',
    `${operation}: ${facts.call} finished with ESimOperationStatus ${status} (${value}): ${what}`,
    { details: { status, ...facts } },
  );
}

/** Resolves for `'success'`, rejects with {@link esimOperationError} otherwise. */
export function checkEsimStatus(
  status: EsimOperationStatus,
  operation: string,
  facts: EsimOperationFacts,
): void {
  if (status !== 'success') throw esimOperationError(status, operation, facts);
}
