/**
 * What eSIM failures mean, worded once for every backend.
 *
 * @module
 */

import { MobileBroadbandError, type ErrorCode } from '../errors.js';

/** The custom capability an app needs for `Windows.Networking.NetworkOperators.ESim*`. */
export const esimCapability = 'Microsoft.eSIMManagement_8wekyb3d8bbwe';

const notAuthorizedAdvice =
  `Windows lets only apps with package identity and the custom capability ${esimCapability} ` +
  '(granted by Microsoft to mobile operators and their partners) manage eSIMs; an unpackaged ' +
  'node.exe or Electron app is always refused';

/** Advice per error code for failed eSIM calls (see {@link errorFromHresult}). */
export const esimAdvice: Partial<Record<ErrorCode, string>> = {
  ERR_CLASS_NOT_REGISTERED:
    'Windows.Networking.NetworkOperators.ESimManager is not registered on this machine: this ' +
    'Windows has no eSIM service (eSIM needs Windows 10 version 1803 or later)',
  ERR_NOT_AUTHORIZED: notAuthorizedAdvice,
};

/** `TryCreateESimWatcher()` returned null: the process may not manage eSIMs. */
export function esimNotAuthorizedError(operation: string): MobileBroadbandError {
  return new MobileBroadbandError(
    'ERR_NOT_AUTHORIZED',
    `${operation}: ESimManager.TryCreateESimWatcher() returned null: ${notAuthorizedAdvice}`,
    { details: { capability: esimCapability, call: 'ESimManager.TryCreateESimWatcher' } },
  );
}
