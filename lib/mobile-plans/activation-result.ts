/**
 * From an eSIM outcome to the `activationResult` a portal receives.
 *
 * @module
 */

import { isMobileBroadbandError } from '../errors.js';
import { MobilePlansActivationError } from './mobile-plans-enums.js';

const names = new Set<string>(Object.values(MobilePlansActivationError));

/**
 * The `activationResult` for an `ESimOperationStatus` name. Every status Windows has today maps
 * to its own name; a status newer than the documents (a backend on a later Windows may report
 * one) maps to `unknownError`, which every portal already handles, rather than to a string the
 * portal's code has never seen.
 */
export function activationResultOf(status: string): MobilePlansActivationError {
  return names.has(status) ? (status as MobilePlansActivationError) : 'unknownError';
}

/** The `activationResult` for a failure of the eSIM calls behind a flow. */
export function activationResultOfError(error: unknown): MobilePlansActivationError {
  if (isMobileBroadbandError(error, 'ERR_ESIM_OPERATION')) {
    const status = error.details?.status;
    return typeof status === 'string' ? activationResultOf(status) : 'unknownError';
  }
  if (isMobileBroadbandError(error, 'ERR_INVALID_ACTIVATION_CODE')) return 'invalidActivationCode';
  if (isMobileBroadbandError(error, 'ERR_INVALID_ICCID')) return 'invalidIccid';
  if (isMobileBroadbandError(error, 'ERR_NO_MODEM')) return 'modemNotFound';
  if (isMobileBroadbandError(error, 'ERR_ABORTED')) return 'operationAborted';
  if (isMobileBroadbandError(error, 'ERR_NOT_AUTHORIZED')) return 'notAuthorized';
  if (isMobileBroadbandError(error, 'ERR_SERVICE_UNAVAILABLE')) return 'lpaInitializationError';
  return 'unknownError';
}
