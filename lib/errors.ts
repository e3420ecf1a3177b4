/**
 * The one error class of the package, with stable string codes.
 *
 * Every failure a user can act on is a {@link MobileBroadbandError} whose `code` says what
 * happened; `hresult` carries the Windows HRESULT where one exists. Branch on `code`, never on
 * the message: messages explain what to do and may change between versions.
 *
 * @module
 */

/** Every error code the package uses. */
export const ErrorCodes = [
  /** The backend (or this version of Windows) does not implement the operation. */
  'ERR_NOT_SUPPORTED',
  /** Windows refused the caller: a capability or an operator authorisation is missing. */
  'ERR_NOT_AUTHORIZED',
  /** The API needs package identity (an MSIX-packaged app), and the process has none. */
  'ERR_PACKAGE_IDENTITY_REQUIRED',
  /** No mobile broadband modem is present. */
  'ERR_NO_MODEM',
  /** The Windows runtime class is not registered on this machine (REGDB_E_CLASSNOTREG). */
  'ERR_CLASS_NOT_REGISTERED',
  /** An eSIM operation finished with an ESimOperationStatus other than Success. */
  'ERR_ESIM_OPERATION',
  /** An activation code does not have the `LPA:1$<SM-DP+>$<matching id>` form. */
  'ERR_INVALID_ACTIVATION_CODE',
  /** An ICCID is malformed. */
  'ERR_INVALID_ICCID',
  /** A provisioning document is malformed or breaks a rule of the schema. */
  'ERR_PROVISIONING_XML',
  /** An SMS PDU is truncated or inconsistent. */
  'ERR_INVALID_PDU',
  /** A simulator scenario is malformed. */
  'ERR_INVALID_SCENARIO',
  /** An argument has the wrong type or value. */
  'ERR_INVALID_ARGUMENT',
  /** The operation was cancelled through an AbortSignal. */
  'ERR_ABORTED',
  /** The object was closed; no further calls are possible. */
  'ERR_CLOSED',
  /** A tethering entitlement check was answered twice. */
  'ERR_ALREADY_ANSWERED',
  /** A notification listener threw or rejected; the original error is the `cause`. */
  'ERR_LISTENER_FAILED',
  /** A consumer fell behind and a bounded buffer overflowed; the count is in the message. */
  'ERR_OVERFLOW',
  /** The native addon could not be loaded; the message lists every place that was tried. */
  'ERR_NATIVE_LOAD',
  /** The operation was refused in the current state (for example, connecting without a profile). */
  'ERR_INVALID_STATE',
  /**
   * A Windows service the call needs is stopped, disabled or unreachable; the message names
   * the service to start.
   */
  'ERR_SERVICE_UNAVAILABLE',
  /** A Windows call failed with an HRESULT that has no more specific code. */
  'ERR_WINDOWS',
] as const;

/** A stable string code; see {@link ErrorCodes}. */
export type ErrorCode = (typeof ErrorCodes)[number];

/** Options of {@link MobileBroadbandError}. */
export interface MobileBroadbandErrorOptions {
  /** The HRESULT of the failing Windows call, as an unsigned 32-bit number. */
  hresult?: number;
  /** The underlying error. */
  cause?: unknown;
  /** Structured facts about the failure (never secrets). */
  details?: Readonly<Record<string, unknown>>;
}

/**
 * The error every part of the package throws or rejects with.
 *
 * @example
 * ```ts
 * import { MobileBroadbandError } from 'windows-mobile-broadband';
 * try {
 *   await doSomething();
 * } catch (err) {
 *   if (err instanceof MobileBroadbandError && err.code === 'ERR_NOT_AUTHORIZED') {
 *     console.log('This app lacks the eSIM capability');
 *   }
 * }
 * declare function doSomething(): Promise<void>;
 * ```
 */
export class MobileBroadbandError extends Error {
  override readonly name = 'MobileBroadbandError';
  /** What happened, as a stable string. */
  readonly code: ErrorCode;
  /** The HRESULT of the Windows call, unsigned (for example `0x80040154`), where one exists. */
  readonly hresult: number | undefined;
  /** Structured facts about the failure. */
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(code: ErrorCode, message: string, options: MobileBroadbandErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.hresult = options.hresult === undefined ? undefined : options.hresult >>> 0;
    this.details = options.details;
  }

  /** A JSON form with the code, message and HRESULT, for logs and `--json` output. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      ...(this.hresult === undefined ? {} : { hresult: formatHresult(this.hresult) }),
      ...(this.details === undefined ? {} : { details: this.details }),
    };
  }
}

/** `0x80040154` style text of an HRESULT. */
export function formatHresult(hresult: number): string {
  return `0x${(hresult >>> 0).toString(16).padStart(8, '0')}`;
}

/** True when `err` is a {@link MobileBroadbandError}, optionally with the given code. */
export function isMobileBroadbandError(
  err: unknown,
  code?: ErrorCode,
): err is MobileBroadbandError {
  return err instanceof MobileBroadbandError && (code === undefined || err.code === code);
}
