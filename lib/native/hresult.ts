/**
 * HRESULTs as {@link MobileBroadbandError} codes. The addon reports a failed Windows call as an
 * HRESULT and the call's name; this file decides what that means for a user, for both backends
 * (the fake raises the same HRESULTs through it, so the two cannot drift apart).
 *
 * @module
 */

import { formatHresult, MobileBroadbandError, type ErrorCode } from '../errors.js';
import type { NativeCallError } from './addon-types.js';

/** What is known about the HRESULTs the package meets. */
interface KnownHresult {
  name: string;
  code: ErrorCode;
  advice?: string;
}

/** Well-known HRESULTs (values from the Windows SDK's winerror.h). */
export const knownHresults: ReadonlyMap<number, KnownHresult> = new Map<number, KnownHresult>([
  [
    0x80040154,
    {
      name: 'REGDB_E_CLASSNOTREG',
      code: 'ERR_CLASS_NOT_REGISTERED',
      advice: 'this Windows does not have the class (an older or reduced edition of Windows)',
    },
  ],
  [0x80040111, { name: 'CLASS_E_CLASSNOTAVAILABLE', code: 'ERR_CLASS_NOT_REGISTERED' }],
  [0x80070005, { name: 'E_ACCESSDENIED', code: 'ERR_NOT_AUTHORIZED' }],
  [
    0x80073d54,
    {
      name: 'APPMODEL_ERROR_NO_PACKAGE',
      code: 'ERR_PACKAGE_IDENTITY_REQUIRED',
      advice: 'the process has no package identity: run it from an MSIX-packaged app',
    },
  ],
  [0x80004001, { name: 'E_NOTIMPL', code: 'ERR_NOT_SUPPORTED' }],
  [0x80070032, { name: 'ERROR_NOT_SUPPORTED', code: 'ERR_NOT_SUPPORTED' }],
  [0x80004004, { name: 'E_ABORT', code: 'ERR_ABORTED' }],
  [0x800704c7, { name: 'ERROR_CANCELLED', code: 'ERR_ABORTED' }],
  [0x80000013, { name: 'RO_E_CLOSED', code: 'ERR_CLOSED' }],
  [0x8000000e, { name: 'E_ILLEGAL_METHOD_CALL', code: 'ERR_INVALID_STATE' }],
  [0x80070037, { name: 'ERROR_DEV_NOT_EXIST', code: 'ERR_NO_MODEM' }],
  [0x80070015, { name: 'ERROR_NOT_READY', code: 'ERR_NO_MODEM' }],
  [0x80070057, { name: 'E_INVALIDARG', code: 'ERR_INVALID_ARGUMENT' }],
  [0x8007000e, { name: 'E_OUTOFMEMORY', code: 'ERR_WINDOWS' }],
  [0x80004005, { name: 'E_FAIL', code: 'ERR_WINDOWS' }],
  [0x80004002, { name: 'E_NOINTERFACE', code: 'ERR_NOT_SUPPORTED' }],
  [0x800401f0, { name: 'CO_E_NOTINITIALIZED', code: 'ERR_WINDOWS' }],
  [0x8001010e, { name: 'RPC_E_WRONG_THREAD', code: 'ERR_WINDOWS' }],
  // The service behind the class is not there to answer. The message names the service
  // (HresultContext.service).
  [0x800706ba, { name: 'RPC_S_SERVER_UNAVAILABLE', code: 'ERR_SERVICE_UNAVAILABLE' }],
  [0x80070422, { name: 'ERROR_SERVICE_DISABLED', code: 'ERR_SERVICE_UNAVAILABLE' }],
  [0x80070426, { name: 'ERROR_SERVICE_NOT_ACTIVE', code: 'ERR_SERVICE_UNAVAILABLE' }],
]);

/**
 * The Windows service behind the mobile broadband classes (eSIM, accounts, USSD, provisioning):
 * "WWAN AutoConfig". `sc start WwanSvc` starts it; `sc config WwanSvc start= auto` re-enables it.
 */
export const wwanService = { name: 'WwanSvc', displayName: 'WWAN AutoConfig' } as const;

/** The error code for an HRESULT: a known mapping, else `ERR_WINDOWS`. */
export function errorCodeOf(hresult: number): ErrorCode {
  return knownHresults.get(hresult >>> 0)?.code ?? 'ERR_WINDOWS';
}

/** Options of {@link errorFromHresult}. */
export interface HresultContext {
  /** What the user asked for, for the message ("Listing eSIMs"). */
  operation?: string;
  /** Advice per code that replaces the generic one (the capability to declare, …). */
  advice?: Partial<Record<ErrorCode, string>>;
  cause?: unknown;
  /** The Windows service the call needs, named by ERR_SERVICE_UNAVAILABLE (default WwanSvc). */
  service?: { name: string; displayName: string };
  /** More facts for `details` (never secrets). */
  details?: Readonly<Record<string, unknown>>;
}

/** What to tell a user whose service is not there. */
function serviceAdvice(service: { name: string; displayName: string }): string {
  return `the Windows service "${service.displayName}" (${service.name}) is not running: start it (Services, or \`sc start ${service.name}\` as administrator; if it is disabled, set its startup type to Automatic first)`;
}

/** A {@link MobileBroadbandError} for a failed Windows call. */
export function errorFromHresult(
  hresult: number,
  call: string,
  context: HresultContext = {},
): MobileBroadbandError {
  const value = hresult >>> 0;
  const known = knownHresults.get(value);
  const code = known?.code ?? 'ERR_WINDOWS';
  const what = `${call} failed with HRESULT ${formatHresult(value)}${known ? ` (${known.name})` : ''}`;
  const advice =
    context.advice?.[code] ??
    known?.advice ??
    (code === 'ERR_SERVICE_UNAVAILABLE'
      ? serviceAdvice(context.service ?? wwanService)
      : undefined);
  const message = `${context.operation ? `${context.operation}: ` : ''}${what}${advice ? `: ${advice}` : ''}`;
  return new MobileBroadbandError(code, message, {
    hresult: value,
    cause: context.cause,
    details: { ...context.details, call },
  });
}

/** True for the error the addon throws for a failed Windows call. */
export function isNativeCallError(error: unknown): error is NativeCallError {
  return (
    error instanceof Error &&
    typeof (error as Partial<NativeCallError>).hresult === 'number' &&
    typeof (error as Partial<NativeCallError>).call === 'string'
  );
}

/**
 * Turns whatever the addon threw into a {@link MobileBroadbandError}: a failed Windows call by
 * its HRESULT, a TypeError/RangeError of the glue as `ERR_INVALID_ARGUMENT`, anything else as
 * `ERR_WINDOWS`.
 */
export function fromNativeError(
  error: unknown,
  context: HresultContext = {},
): MobileBroadbandError {
  if (error instanceof MobileBroadbandError) return error;
  if (isNativeCallError(error)) {
    return errorFromHresult(error.hresult, error.call, { ...context, cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  const code: ErrorCode =
    error instanceof TypeError || error instanceof RangeError
      ? 'ERR_INVALID_ARGUMENT'
      : 'ERR_WINDOWS';
  return new MobileBroadbandError(
    code,
    `${context.operation ? `${context.operation}: ` : ''}${message}`,
    { cause: error },
  );
}
