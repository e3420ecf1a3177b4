/**
 * eSIM activation codes as GSMA SGP.22 §4.1 writes them, with the `LPA:` prefix QR codes carry:
 *
 * ```text
 * 1 $ SM-DP+ address $ AC_Token (matching id) [$ SM-DP+ OID [$ confirmation code required flag
 *   [$ CI public key indicator [$ delete notification for device change flag]]]]
 * ```
 *
 * The last two fields are SGP.22 version 3's. Each field is checked against the format the
 * specification gives it, and anything else is refused (`ERR_INVALID_ACTIVATION_CODE`). The
 * matching id is a secret (it identifies the subscriber's profile order): it never appears whole
 * in an error, a log or `toString()`.
 *
 * @module
 */

import { inspect } from 'node:util';
import { MobileBroadbandError } from '../errors.js';
import { maskIdentifier } from '../text/mask-identifier.js';

/** A parsed activation code. */
export interface ActivationCode {
  /** The SM-DP+ address (a host name, lower-cased). */
  readonly smdpAddress: string;
  /** The matching id (AC_Token); may be empty. Masked in `toString()`, JSON and inspection. */
  readonly matchingId: string;
  /** The SM-DP+ OID, where given. */
  readonly smdpOid: string | undefined;
  /** Whether the user must enter a confirmation code. */
  readonly confirmationCodeRequired: boolean;
  /**
   * The CI public key indicator (SGP.22 v3), where given: the key identifier of the
   * certificate issuer whose public key the eUICC must use with this SM-DP+, in hexadecimal
   * (upper-cased). Not a secret.
   */
  readonly ciPublicKeyIndicator: string | undefined;
  /**
   * The delete-notification-for-device-change flag (SGP.22 v3): the profile comes from a device
   * change, and the old device must send its delete notification.
   */
  readonly deleteNotificationForDeviceChange: boolean;
  /** The code as the LPA takes it (without `LPA:`). Secret: use only to pass it on. */
  reveal(): string;
  /** The code with the matching id masked, for messages and logs. */
  toString(): string;
}

/** Longest activation code accepted (SGP.22 bounds each part; QR codes hold a few hundred). */
export const maxActivationCodeLength = 512;

/** The fields after the format: address, token, OID, flag, CI key indicator, delete flag. */
const maxParts = 7;

const hostname =
  /^(?=.{1,255}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;
const matchingIdPattern = /^[0-9A-Za-z-]{0,255}$/;
const oidPattern = /^[0-2](?:\.(?:0|[1-9]\d{0,19}))+$/;
/**
 * A key identifier in hexadecimal: whole bytes, at most 32 (a SHA-256 key identifier; GSMA's
 * certificate issuers use 20-byte SHA-1 ones).
 */
const keyIdentifierPattern = /^(?:[0-9A-Fa-f]{2}){1,32}$/;

/** Whether `value` is an SM-DP+ or SM-DS address as SGP.22 writes them (a host name). */
export function isSmdpAddress(value: unknown): value is string {
  return typeof value === 'string' && hostname.test(value);
}

/** Whether `value` is a matching id as SGP.22 writes them (letters, digits, `-`; may be empty). */
export function isMatchingId(value: unknown): value is string {
  return typeof value === 'string' && matchingIdPattern.test(value);
}

/** The matching id for messages: its first four characters and its length. */
export function maskMatchingId(matchingId: string): string {
  if (typeof matchingId !== 'string') throw invalid('a matching id must be a string');
  return maskIdentifier(matchingId);
}

/**
 * Parses an activation code; throws `ERR_INVALID_ACTIVATION_CODE` saying which part is wrong,
 * never quoting the matching id whole.
 *
 * @example
 * ```ts
 * import { parseActivationCode } from 'windows-mobile-broadband';
 * const code = parseActivationCode('LPA:1$smdp.example.com$04386-AGYFT-A74Y8-3F815');
 * console.log(code.smdpAddress, String(code)); // smdp.example.com 1$smdp.example.com$0438… (23 characters)
 * ```
 */
export function parseActivationCode(input: string): ActivationCode {
  if (typeof input !== 'string') {
    throw invalid(
      `an activation code must be a string, got ${input === null ? 'null' : typeof input}`,
    );
  }
  if (input.length > maxActivationCodeLength) {
    throw invalid(
      `an activation code is at most ${maxActivationCodeLength} characters, got ${input.length}`,
    );
  }
  const text = input.trim().replace(/^LPA:/i, '');
  const parts = text.split('$');
  if (parts[0] !== '1') {
    throw invalid(
      `an activation code starts with "1$" (or "LPA:1$"), got ${maskIdentifier(parts[0] ?? '')} before the first "$"`,
    );
  }
  if (parts.length < 3 || parts.length > maxParts) {
    throw invalid(
      `an activation code has 3 to ${maxParts} parts separated by "$" (1$<SM-DP+ address>$<matching id>[$<SM-DP+ OID>[$<confirmation code flag>[$<CI public key indicator>[$<device change flag>]]]]), got ${parts.length}`,
    );
  }
  const [, address = '', matchingId = '', oid = '', flag = '', ciKey = '', deleteFlag = ''] = parts;
  if (!hostname.test(address)) {
    // Masked: what is typed here by mistake is often the matching id.
    throw invalid(`the SM-DP+ address ${maskIdentifier(address)} is not a host name`);
  }
  if (!matchingIdPattern.test(matchingId)) {
    throw invalid(
      `the matching id ${maskMatchingId(matchingId)} may hold only letters, digits and "-" (at most 255)`,
    );
  }
  if (oid !== '' && !oidPattern.test(oid)) {
    throw invalid(
      `the SM-DP+ OID ${maskIdentifier(oid)} is not an object identifier such as 1.3.6.1.4.1.31746`,
    );
  }
  checkFlag(flag, 'the confirmation-code flag');
  if (ciKey !== '' && !keyIdentifierPattern.test(ciKey)) {
    throw invalid(
      `the CI public key indicator ${maskIdentifier(ciKey)} is not a key identifier in hexadecimal (2 to 64 hex digits, whole bytes)`,
    );
  }
  checkFlag(deleteFlag, 'the delete-notification-for-device-change flag');
  return new ParsedActivationCode({
    smdpAddress: address.toLowerCase(),
    matchingId,
    smdpOid: oid === '' ? undefined : oid,
    confirmationCodeRequired: flag === '1',
    ciPublicKeyIndicator: ciKey === '' ? undefined : ciKey.toUpperCase(),
    deleteNotificationForDeviceChange: deleteFlag === '1',
  });
}

/** SGP.22's flags: `1` when set, empty (or absent) when not. */
function checkFlag(flag: string, name: string): void {
  if (flag !== '' && flag !== '1') {
    throw invalid(`${name} is "1" or empty, got ${maskIdentifier(flag)}`);
  }
}

type Fields = Omit<ActivationCode, 'reveal' | 'toString'>;

class ParsedActivationCode implements ActivationCode {
  readonly smdpAddress: string;
  readonly smdpOid: string | undefined;
  readonly confirmationCodeRequired: boolean;
  readonly ciPublicKeyIndicator: string | undefined;
  readonly deleteNotificationForDeviceChange: boolean;
  readonly #matchingId: string;

  constructor(fields: Fields) {
    this.smdpAddress = fields.smdpAddress;
    this.#matchingId = fields.matchingId;
    this.smdpOid = fields.smdpOid;
    this.confirmationCodeRequired = fields.confirmationCodeRequired;
    this.ciPublicKeyIndicator = fields.ciPublicKeyIndicator;
    this.deleteNotificationForDeviceChange = fields.deleteNotificationForDeviceChange;
  }

  get matchingId(): string {
    return this.#matchingId;
  }

  reveal(): string {
    return this.#write(this.#matchingId);
  }

  toString(): string {
    const masked = this.#write(maskMatchingId(this.#matchingId), 3);
    return this.confirmationCodeRequired ? `${masked} (confirmation code required)` : masked;
  }

  toJSON(): Record<string, unknown> {
    return {
      smdpAddress: this.smdpAddress,
      matchingId: maskMatchingId(this.#matchingId),
      ...(this.smdpOid === undefined ? {} : { smdpOid: this.smdpOid }),
      confirmationCodeRequired: this.confirmationCodeRequired,
      ...(this.ciPublicKeyIndicator === undefined
        ? {}
        : { ciPublicKeyIndicator: this.ciPublicKeyIndicator }),
      ...(this.deleteNotificationForDeviceChange
        ? { deleteNotificationForDeviceChange: true }
        : {}),
    };
  }

  [inspect.custom](): string {
    return `ActivationCode { ${this.toString()} }`;
  }

  /** The code's text with `matchingId` in its place, without empty trailing fields. */
  #write(matchingId: string, fields = maxParts): string {
    const parts = [
      '1',
      this.smdpAddress,
      matchingId,
      this.smdpOid ?? '',
      this.confirmationCodeRequired ? '1' : '',
      this.ciPublicKeyIndicator ?? '',
      this.deleteNotificationForDeviceChange ? '1' : '',
    ].slice(0, fields);
    while (parts.length > 3 && parts.at(-1) === '') parts.pop();
    return parts.join('$');
  }
}

function invalid(problem: string): MobileBroadbandError {
  return new MobileBroadbandError(
    'ERR_INVALID_ACTIVATION_CODE',
    `Invalid activation code: ${problem}`,
  );
}
