/**
 * Argument checks shared by the public eSIM API and both backends, so every path rejects bad
 * input with the same code and message.
 *
 * @module
 * @internal
 */

import type { EsimInstallOptions, EsimWatchSink, OperationOptions } from '../backend.js';
import { MobileBroadbandError } from '../errors.js';
import { maskIdentifier } from '../text/mask-identifier.js';
import { parseActivationCode, type ActivationCode } from './activation-code.js';

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}

/** `{ signal? }` or undefined; `signal` must be an AbortSignal. */
export function checkOperationOptions(options: unknown, where: string): OperationOptions {
  if (options === undefined) return {};
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      `${where}: options must be an object, got ${describe(options)}`,
    );
  }
  const { signal } = options as OperationOptions;
  if (signal !== undefined && !(signal instanceof AbortSignal)) {
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      `${where}: options.signal must be an AbortSignal, got ${describe(signal)}`,
    );
  }
  return options;
}

/** Longest eSIM id accepted (an EID is 32 digits; `modem:<device id>` is longer). */
const maxEsimIdLength = 4096;
/** Longest confirmation code accepted (operators use a few digits; SGP.22 sets no bound). */
export const maxConfirmationCodeLength = 256;
/** Longest profile nickname (SGP.22 profileNickname: at most 64 characters). */
export const maxNicknameLength = 64;

function invalidArgument(message: string): MobileBroadbandError {
  return new MobileBroadbandError('ERR_INVALID_ARGUMENT', message);
}

/** An eSIM id as `list()` reports it: its EID, or `modem:<device id>`. */
export function checkEsimId(value: unknown, where: string): string {
  if (typeof value !== 'string' || value === '' || value.length > maxEsimIdLength) {
    throw invalidArgument(
      `${where}: esimId must be the id of an eSIM from esim.list() (its EID), got ${
        typeof value === 'string' ? `a string of ${value.length} characters` : describe(value)
      }`,
    );
  }
  return value;
}

/** A profile id: its ICCID, 18 to 22 digits (the Luhn check digit is not enforced, as Windows does not). */
export function checkIccid(value: unknown, where: string): string {
  if (typeof value !== 'string' || !/^\d{18,22}$/.test(value)) {
    throw new MobileBroadbandError(
      'ERR_INVALID_ICCID',
      // Masked: an ICCID is an identifier, and what is passed here by mistake may be a
      // confirmation code or a matching id.
      `${where}: an ICCID is 18 to 22 digits, got ${
        typeof value === 'string' ? maskIdentifier(value) : describe(value)
      }`,
    );
  }
  return value;
}

/**
 * An activation code (text or a parsed {@link ActivationCode}), parsed again so a forged object
 * cannot pass. Throws `ERR_INVALID_ACTIVATION_CODE`, never quoting the matching id whole.
 */
export function checkActivationCode(value: unknown, where: string): ActivationCode {
  let text: unknown = value;
  if (typeof value === 'object' && value !== null) {
    const reveal: unknown = (value as Partial<ActivationCode>).reveal;
    try {
      text = typeof reveal === 'function' ? (reveal as () => unknown).call(value) : undefined;
    } catch {
      text = undefined;
    }
    if (typeof text !== 'string')
      throw new MobileBroadbandError(
        'ERR_INVALID_ACTIVATION_CODE',
        `${where}: an activation code must be a string or a parsed ActivationCode, got an object that is neither`,
      );
  }
  try {
    return parseActivationCode(text as string);
  } catch (error) {
    if (error instanceof MobileBroadbandError) {
      throw new MobileBroadbandError(error.code, `${where}: ${error.message}`);
    }
    throw error;
  }
}

/** A profile nickname: a string of at most 64 characters (empty clears it). */
export function checkNickname(value: unknown, where: string): string {
  if (typeof value !== 'string' || value.length > maxNicknameLength) {
    throw invalidArgument(
      `${where}: nickname must be a string of at most ${maxNicknameLength} characters, got ${
        typeof value === 'string' ? `${value.length} characters` : describe(value)
      }`,
    );
  }
  return value;
}

/** A metadata handle from `downloadProfileMetadata()`. */
export function checkMetadataHandle(value: unknown, where: string): string {
  if (typeof value !== 'string' || value === '' || value.length > 256) {
    throw invalidArgument(
      `${where}: expected the metadata (or its handle) from esim.downloadProfileMetadata(), got ${describe(value)}`,
    );
  }
  return value;
}

/** `'deny'` or `'postpone'`. */
export function checkDecline(value: unknown, where: string): 'deny' | 'postpone' {
  if (value !== 'deny' && value !== 'postpone') {
    throw invalidArgument(
      `${where}: how must be 'deny' or 'postpone', got ${
        typeof value === 'string' ? maskIdentifier(value) : describe(value)
      }`,
    );
  }
  return value;
}

/** A boolean. */
export function checkBoolean(value: unknown, name: string, where: string): boolean {
  if (typeof value !== 'boolean') {
    throw invalidArgument(`${where}: ${name} must be a boolean, got ${describe(value)}`);
  }
  return value;
}

/**
 * {@link EsimInstallOptions}: `signal`, `onProgress` and `confirmationCode`. The confirmation
 * code is a secret: messages say what is wrong with it, never what it is.
 */
export function checkInstallOptions(options: unknown, where: string): EsimInstallOptions {
  const checked: EsimInstallOptions = checkOperationOptions(options, where);
  const { confirmationCode, onProgress } = checked;
  if (onProgress !== undefined && typeof onProgress !== 'function') {
    throw invalidArgument(
      `${where}: options.onProgress must be a function, got ${describe(onProgress)}`,
    );
  }
  if (
    confirmationCode !== undefined &&
    (typeof confirmationCode !== 'string' ||
      confirmationCode === '' ||
      confirmationCode.length > maxConfirmationCodeLength)
  ) {
    throw invalidArgument(
      `${where}: options.confirmationCode must be a non-empty string of at most ${maxConfirmationCodeLength} characters, got ${
        typeof confirmationCode === 'string'
          ? `a string of ${confirmationCode.length} characters`
          : describe(confirmationCode)
      }`,
    );
  }
  return checked;
}

const sinkMethods = [
  'added',
  'updated',
  'removed',
  'enumerationCompleted',
  'stopped',
  'overflow',
  'error',
] as const;

/** An {@link EsimWatchSink}: an object with every method. */
export function checkWatchSink(sink: unknown, where: string): EsimWatchSink {
  const missing =
    typeof sink === 'object' && sink !== null
      ? sinkMethods.filter((m) => typeof (sink as Record<string, unknown>)[m] !== 'function')
      : [...sinkMethods];
  if (missing.length > 0) {
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      `${where}: the sink must have the methods ${sinkMethods.join(', ')}; missing ${missing.join(', ')}`,
    );
  }
  return sink as EsimWatchSink;
}

/** The error of an operation cancelled through its AbortSignal. */
export function abortedError(where: string, signal: AbortSignal): MobileBroadbandError {
  return new MobileBroadbandError('ERR_ABORTED', `${where} was aborted`, {
    cause: signal.reason,
  });
}
