/**
 * What eSIM failures mean, worded once for every backend.
 *
 * @module
 */

import { MobileBroadbandError, type ErrorCode } from '../errors.js';
import { errorFromHresult } from '../native/hresult.js';

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

/**
 * An eSIM Windows could read only in part: it was delivered with what could be read (at least
 * its EID and modem id) and this reports the read that failed. `details.partial` is true and
 * `details.esimId` names the eSIM, so that `list()` keeps the eSIM and only warns.
 */
export function esimPartialReadError(
  hresult: number,
  call: string,
  esimId: string,
): MobileBroadbandError {
  return errorFromHresult(hresult, call, {
    operation: 'Reading an eSIM (delivered with the fields that could be read)',
    advice: esimAdvice,
    details: { esimId, partial: true },
  });
}

/** Whether `error` is an {@link esimPartialReadError}. */
export function isEsimPartialReadError(error: unknown): error is MobileBroadbandError {
  return error instanceof MobileBroadbandError && error.details?.partial === true;
}

/** `TryCreateESimWatcher()` returned null: the process may not manage eSIMs. */
export function esimNotAuthorizedError(operation: string): MobileBroadbandError {
  return new MobileBroadbandError(
    'ERR_NOT_AUTHORIZED',
    `${operation}: ESimManager.TryCreateESimWatcher() returned null: ${notAuthorizedAdvice}`,
    { details: { capability: esimCapability, call: 'ESimManager.TryCreateESimWatcher' } },
  );
}

/** The eSIM operations: what each does (for messages) and the Windows member it calls. */
export const esimOperations = {
  download: {
    operation: 'Downloading eSIM profile metadata',
    call: 'ESim.DownloadProfileMetadataAsync',
  },
  install: {
    operation: 'Installing an eSIM profile',
    call: 'ESimProfileMetadata.ConfirmInstallAsync',
  },
  installWithCode: {
    operation: 'Installing an eSIM profile',
    call: 'ESimProfileMetadata.ConfirmInstallWithConfirmationCodeAsync',
  },
  deny: { operation: 'Denying an eSIM profile', call: 'ESimProfileMetadata.DenyInstallAsync' },
  postpone: {
    operation: 'Postponing an eSIM profile',
    call: 'ESimProfileMetadata.PostponeInstallAsync',
  },
  enable: { operation: 'Enabling an eSIM profile', call: 'ESimProfile.EnableAsync' },
  disable: { operation: 'Disabling an eSIM profile', call: 'ESimProfile.DisableAsync' },
  nickname: {
    operation: "Setting an eSIM profile's nickname",
    call: 'ESimProfile.SetNicknameAsync',
  },
  delete: { operation: 'Deleting an eSIM profile', call: 'ESim.DeleteProfileAsync' },
  reset: { operation: 'Resetting an eSIM', call: 'ESim.ResetAsync' },
  discover: { operation: 'Discovering eSIM profiles', call: 'ESim.DiscoverAsync' },
  discoverAt: {
    operation: 'Discovering eSIM profiles',
    call: 'ESim.DiscoverWithServerAddressAndMatchingIdAsync',
  },
} as const;

/** One of {@link esimOperations}. */
export type EsimOperationKind = keyof typeof esimOperations;
