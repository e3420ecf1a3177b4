/**
 * The arguments of each eSIM operation, checked alike by the public API (`mbb.esim`) and by
 * every backend. A backend is public too (`connect({ backend })`, `fake.esim`) and checks its own
 * input; doing it here keeps the order of the checks and their messages identical everywhere.
 *
 * @module
 * @internal
 */

import type { EsimInstallOptions } from '../backend.js';
import { MobileBroadbandError } from '../errors.js';
import { maskIdentifier } from '../text/mask-identifier.js';
import { isMatchingId, isSmdpAddress, type ActivationCode } from './activation-code.js';
import type { EsimOperationKind } from './esim-errors.js';
import {
  checkActivationCode,
  checkDecline,
  checkEsimId,
  checkIccid,
  checkInstallOptions,
  checkMetadataHandle,
  checkOperationOptions,
} from './esim-validation.js';

/** What every checked call has. */
interface CheckedCall {
  /** The public call, for messages. */
  where: string;
  signal: AbortSignal | undefined;
}

export function checkDownloadCall(
  esimId: unknown,
  activationCode: unknown,
  options: unknown,
): CheckedCall & { esimId: string; code: ActivationCode } {
  const where = 'esim.downloadProfileMetadata()';
  const id = checkEsimId(esimId, where);
  const code = checkActivationCode(activationCode, where);
  const { signal } = checkOperationOptions(options, where);
  return { where, signal, esimId: id, code };
}

export function checkInstallCall(
  handle: unknown,
  options: unknown,
): CheckedCall &
  Omit<EsimInstallOptions, 'signal'> & {
    handle: string;
    kind: Extract<EsimOperationKind, 'install' | 'installWithCode'>;
  } {
  const where = 'esim.confirmInstall()';
  const checkedHandle = checkMetadataHandle(handle, where);
  const { signal, confirmationCode, onProgress } = checkInstallOptions(options, where);
  const kind = confirmationCode === undefined ? 'install' : 'installWithCode';
  return { where, signal, handle: checkedHandle, confirmationCode, onProgress, kind };
}

export function checkDeclineCall(
  handle: unknown,
  how: unknown,
  options: unknown,
): CheckedCall & { handle: string; kind: 'deny' | 'postpone' } {
  const where = 'esim.declineInstall()';
  const checkedHandle = checkMetadataHandle(handle, where);
  const kind = checkDecline(how, where);
  const { signal } = checkOperationOptions(options, where);
  return { where, signal, handle: checkedHandle, kind };
}

/** A call on one eSIM (`reset()`). */
export function checkEsimCall(
  where: string,
  esimId: unknown,
  options: unknown,
): CheckedCall & { esimId: string } {
  const id = checkEsimId(esimId, where);
  const { signal } = checkOperationOptions(options, where);
  return { where, signal, esimId: id };
}

/** A call on one profile of one eSIM (enable, disable, nickname, delete). */
export function checkProfileCall(
  where: string,
  esimId: unknown,
  profileId: unknown,
  options: unknown,
): CheckedCall & { esimId: string; iccid: string } {
  const id = checkEsimId(esimId, where);
  const iccid = checkIccid(profileId, where);
  const { signal } = checkOperationOptions(options, where);
  return { where, signal, esimId: id, iccid };
}

/**
 * `discover(esimId, { serverAddress?, matchingId?, signal? })` as a backend takes it: without a
 * server the default SM-DS (`DiscoverAsync()`), with one
 * `DiscoverWithServerAddressAndMatchingIdAsync(server, matchingId ?? '')`. A matching id needs a
 * server (Windows has no call for it alone). Values are masked in errors: a matching id is a
 * secret, and it is often what lands in the wrong field.
 */
export function checkDiscoverCall(
  esimId: unknown,
  options: unknown,
): CheckedCall & {
  esimId: string;
  serverAddress: string | undefined;
  matchingId: string;
  kind: Extract<EsimOperationKind, 'discover' | 'discoverAt'>;
} {
  const where = 'esim.discover()';
  const id = checkEsimId(esimId, where);
  const { signal } = checkOperationOptions(options, where);
  const { serverAddress, matchingId } = (options ?? {}) as {
    serverAddress?: unknown;
    matchingId?: unknown;
  };
  if (serverAddress !== undefined && !isSmdpAddress(serverAddress)) {
    throw invalidDiscover(
      where,
      `the server ${typeof serverAddress === 'string' ? maskIdentifier(serverAddress) : `(${serverAddress === null ? 'null' : typeof serverAddress})`} is not a host name such as smdp.example.com`,
    );
  }
  if (matchingId !== undefined && !isMatchingId(matchingId)) {
    throw invalidDiscover(
      where,
      `the matching id ${typeof matchingId === 'string' ? maskIdentifier(matchingId) : `(${matchingId === null ? 'null' : typeof matchingId})`} may hold only letters, digits and "-" (at most 255)`,
    );
  }
  if (matchingId !== undefined && matchingId !== '' && serverAddress === undefined) {
    throw invalidDiscover(
      where,
      'a matching id needs the server that issued it ({ server, matchingId }); without a server Windows asks the default SM-DS, which takes none',
    );
  }
  return {
    where,
    signal,
    esimId: id,
    serverAddress,
    matchingId: matchingId ?? '',
    kind: serverAddress === undefined ? 'discover' : 'discoverAt',
  };
}

function invalidDiscover(where: string, problem: string): MobileBroadbandError {
  return new MobileBroadbandError('ERR_INVALID_ARGUMENT', `${where}: ${problem}`);
}
