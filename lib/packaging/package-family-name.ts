/**
 * The package family name (`<Identity Name>_<publisher id>`) and the COSA `AppID`
 * (`<package family name>!<Application Id>`) an operator gives Microsoft, computed from the
 * manifest's values so nobody has to install the package first to read them.
 *
 * The publisher id is the first 64 bits of the SHA-256 of the `Publisher` string in UTF-16LE,
 * padded with one zero bit to 65 and written as 13 characters of Crockford's base32 in lower
 * case. Microsoft does not document the algorithm; the tests check it against the publisher ids
 * Windows gives Microsoft's own packages (`8wekyb3d8bbwe`, `cw5n1h2txyewy`).
 *
 * @module
 */

import { createHash } from 'node:crypto';
import { describeKind } from '../check-arguments.js';
import { MobileBroadbandError } from '../errors.js';
import { quoteUserValue } from '../text/quote-user-value.js';

const crockford = '0123456789abcdefghjkmnpqrstvwxyz';
// `<Identity Publisher>`: "between 1 and 8192 characters in length that fits the regular
// expression of a distinguished name" ("element-identity"); this checks the shape, not X.500.
// eslint-disable-next-line no-control-regex -- control characters are what it refuses.
const notInPublisher = /[\u0000-\u001f\u007f-\u009f]/;
const distinguishedName = /^[A-Za-z][A-Za-z0-9.]*=/;
// `<Application Id>`: "alpha-numeric fields separated by periods. Each field must begin with an
// ASCII alphabetic character", 1 to 64 characters, not a reserved device name
// ("element-application"; electron-builder enforces the same for appx.applicationId).
const applicationIdRule = /^[A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z][A-Za-z0-9]*)*$/;
const reservedNames = /^(?:CON|PRN|AUX|NUL|COM[1-9]|LPT[1-9])$/i;

/** The publisher id of a package whose `<Identity Publisher>` is `publisher` (13 characters). */
export function publisherId(publisher: string, label = 'publisher'): string {
  if (typeof publisher !== 'string')
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      `${label} must be a string, got ${describeKind(publisher)}`,
    );
  if (
    publisher.length === 0 ||
    publisher.length > 8192 ||
    notInPublisher.test(publisher) ||
    !distinguishedName.test(publisher)
  )
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      `${label} must be the package's Publisher, a distinguished name like "CN=Contoso Ltd, O=Contoso Ltd, C=GB" (as in the signing certificate), got ${quoteUserValue(publisher)}`,
      { details: { option: 'publisher' } },
    );
  const hash = createHash('sha256').update(Buffer.from(publisher, 'utf16le')).digest();
  let bits = '';
  for (const byte of hash.subarray(0, 8)) bits += byte.toString(2).padStart(8, '0');
  bits += '0';
  let id = '';
  for (let i = 0; i < bits.length; i += 5) id += crockford[parseInt(bits.slice(i, i + 5), 2)];
  return id;
}

/** `<name>_<publisher id>`: the package family name Windows gives the package. */
export function packageFamilyName(name: string, publisher: string, label?: string): string {
  return `${name}_${publisherId(publisher, label)}`;
}

/** Checks an `<Application Id>`; returns it. */
export function checkApplicationId(id: unknown, label = 'applicationId'): string {
  if (typeof id !== 'string')
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      `${label} must be a string, got ${describeKind(id)}`,
    );
  if (id.length > 64 || !applicationIdRule.test(id) || reservedNames.test(id))
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      `${label} must be the manifest's Application Id: 1 to 64 letters and digits in fields separated by ".", each starting with a letter, got ${quoteUserValue(id)}`,
      { details: { option: 'applicationId' } },
    );
  return id;
}
