/**
 * eSIM activation codes (GSMA SGP.22 §4.1): `1$<SM-DP+ address>$<matching id>[$<SM-DP+ OID>
 * [$<confirmation code required flag>]]`, with the `LPA:` prefix QR codes carry. The matching
 * id is a secret (it identifies the subscriber's profile order): it never appears whole in an
 * error, a log or `toString()`.
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
  /** The code as the LPA takes it (without `LPA:`). Secret: use only to pass it on. */
  reveal(): string;
  /** The code with the matching id masked, for messages and logs. */
  toString(): string;
}

/** Longest activation code accepted (SGP.22 bounds each part; QR codes hold a few hundred). */
export const maxActivationCodeLength = 512;

const hostname =
  /^(?=.{1,255}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;
const matchingIdPattern = /^[0-9A-Za-z-]{0,255}$/;
const oidPattern = /^[0-2](?:\.\d+)+$/;

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
  if (parts.length < 3 || parts.length > 5) {
    throw invalid(
      `an activation code has 3 to 5 parts separated by "$" (1$<SM-DP+ address>$<matching id>…), got ${parts.length}`,
    );
  }
  const [, address = '', matchingId = '', oid, flag] = parts;
  if (!hostname.test(address)) {
    // Masked: what is typed here by mistake is often the matching id.
    throw invalid(`the SM-DP+ address ${maskIdentifier(address)} is not a host name`);
  }
  if (!matchingIdPattern.test(matchingId)) {
    throw invalid(
      `the matching id ${maskMatchingId(matchingId)} may hold only letters, digits and "-" (at most 255)`,
    );
  }
  if (oid !== undefined && oid !== '' && !oidPattern.test(oid)) {
    throw invalid(
      `the SM-DP+ OID ${maskIdentifier(oid)} is not an object identifier such as 1.3.6.1.4.1.31746`,
    );
  }
  if (flag !== undefined && flag !== '1') {
    throw invalid(`the confirmation-code flag is "1" or absent, got ${maskIdentifier(flag)}`);
  }
  return new ParsedActivationCode(
    address.toLowerCase(),
    matchingId,
    oid === '' ? undefined : oid,
    flag === '1',
  );
}

class ParsedActivationCode implements ActivationCode {
  readonly smdpAddress: string;
  readonly smdpOid: string | undefined;
  readonly confirmationCodeRequired: boolean;
  readonly #matchingId: string;

  constructor(
    smdpAddress: string,
    matchingId: string,
    smdpOid: string | undefined,
    confirmationCodeRequired: boolean,
  ) {
    this.smdpAddress = smdpAddress;
    this.#matchingId = matchingId;
    this.smdpOid = smdpOid;
    this.confirmationCodeRequired = confirmationCodeRequired;
  }

  get matchingId(): string {
    return this.#matchingId;
  }

  reveal(): string {
    const tail =
      this.smdpOid !== undefined || this.confirmationCodeRequired ? `$${this.smdpOid ?? ''}` : '';
    return `1$${this.smdpAddress}$${this.#matchingId}${tail}${this.confirmationCodeRequired ? '$1' : ''}`;
  }

  toString(): string {
    const masked = `1$${this.smdpAddress}$${maskMatchingId(this.#matchingId)}`;
    return this.confirmationCodeRequired ? `${masked} (confirmation code required)` : masked;
  }

  toJSON(): Record<string, unknown> {
    return {
      smdpAddress: this.smdpAddress,
      matchingId: maskMatchingId(this.#matchingId),
      ...(this.smdpOid === undefined ? {} : { smdpOid: this.smdpOid }),
      confirmationCodeRequired: this.confirmationCodeRequired,
    };
  }

  [inspect.custom](): string {
    return `ActivationCode { ${this.toString()} }`;
  }
}

function invalid(problem: string): MobileBroadbandError {
  return new MobileBroadbandError(
    'ERR_INVALID_ACTIVATION_CODE',
    `Invalid activation code: ${problem}`,
  );
}
