/**
 * The access point checks every backend shares: what `mbb.tethering.configure()`, a session
 * configuration for `start()`, and `wmbb hotspot config` accept, checked before Windows sees it,
 * so a bad value is a typed error and the stored configuration stays as it was.
 *
 * The passphrase is a secret: no message quotes it, or any part of it; only its length rule.
 *
 * @module
 */

import type {
  AccessPointConfiguration,
  TetheringBackend,
  TetheringTarget,
  TetheringWiFiAuthenticationKind,
  TetheringWiFiBand,
} from '../backend.js';
import { describeKind } from '../check-arguments.js';
import { MobileBroadbandError } from '../errors.js';
import { maskIdentifier } from '../text/mask-identifier.js';

/** The bands, in the order Windows lists them. */
export const tetheringBands: readonly TetheringWiFiBand[] = ['auto', '2.4GHz', '5GHz', '6GHz'];

/** The authentication kinds. */
export const tetheringAuthenticationKinds: readonly TetheringWiFiAuthenticationKind[] = [
  'wpa2',
  'wpa3TransitionMode',
  'wpa3',
];

/** The most bytes of UTF-8 an SSID may have (IEEE 802.11). */
export const maxSsidBytes = 32;
/** The fewest characters a WPA passphrase may have. */
export const minPassphraseLength = 8;
/** The most characters a WPA passphrase may have. */
export const maxPassphraseLength = 63;

const printableAscii = /^[\x20-\x7e]*$/;

function invalid(message: string): MobileBroadbandError {
  return new MobileBroadbandError('ERR_INVALID_ARGUMENT', message);
}

/** An SSID: a string of 1 to 32 bytes of UTF-8, without control characters. */
export function checkSsid(ssid: unknown, where: string): string {
  if (typeof ssid !== 'string')
    throw invalid(`${where}: the SSID must be a string, got ${describeKind(ssid)}`);
  const bytes = Buffer.byteLength(ssid, 'utf8');
  if (bytes < 1 || bytes > maxSsidBytes)
    throw invalid(
      `${where}: the SSID must be 1 to ${maxSsidBytes} bytes of UTF-8, got ${bytes} bytes (${maskIdentifier(ssid.slice(0, 64))})`,
    );
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(ssid))
    throw invalid(`${where}: the SSID must not contain control characters`);
  return ssid;
}

/**
 * A passphrase: 8 to 63 characters; printable ASCII for WPA2 (and WPA3 transition mode, which
 * WPA2 clients join). Never quoted.
 */
export function checkPassphrase(
  passphrase: unknown,
  authenticationKind: TetheringWiFiAuthenticationKind,
  where: string,
): string {
  if (typeof passphrase !== 'string')
    throw invalid(`${where}: the passphrase must be a string, got ${describeKind(passphrase)}`);
  // A huge string is refused by its UTF-16 length before it is split into code points.
  const length =
    passphrase.length > 4 * maxPassphraseLength ? passphrase.length : [...passphrase].length;
  if (length < minPassphraseLength || length > maxPassphraseLength)
    throw invalid(
      `${where}: the passphrase must be ${minPassphraseLength} to ${maxPassphraseLength} characters, got ${length > 1000 ? 'more than 1000' : length}`,
    );
  if (authenticationKind !== 'wpa3' && !printableAscii.test(passphrase))
    throw invalid(
      `${where}: a ${authenticationKind === 'wpa2' ? 'WPA2' : 'WPA3 transition mode'} passphrase must be printable ASCII (letters, digits, punctuation, spaces)`,
    );
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(passphrase))
    throw invalid(`${where}: the passphrase must not contain control characters`);
  return passphrase;
}

/** A band name the package knows. */
export function checkBand(band: unknown, where: string): TetheringWiFiBand {
  if (typeof band !== 'string' || !(tetheringBands as readonly string[]).includes(band))
    throw invalid(
      `${where}: the band must be one of ${tetheringBands.join(', ')}, got ${typeof band === 'string' ? maskIdentifier(band.slice(0, 64)) : describeKind(band)}`,
    );
  return band as TetheringWiFiBand;
}

/** An authentication kind the package knows. */
export function checkAuthenticationKind(
  kind: unknown,
  where: string,
): TetheringWiFiAuthenticationKind {
  if (
    typeof kind !== 'string' ||
    !(tetheringAuthenticationKinds as readonly string[]).includes(kind)
  )
    throw invalid(
      `${where}: the authentication kind must be one of ${tetheringAuthenticationKinds.join(', ')}, got ${typeof kind === 'string' ? maskIdentifier(kind.slice(0, 64)) : describeKind(kind)}`,
    );
  return kind as TetheringWiFiAuthenticationKind;
}

/**
 * Checks a whole access point (or, with `partial`, a session configuration whose missing fields
 * come from `current`), then asks the backend whether this adapter supports the band and the
 * authentication kind. Resolves with the configuration to hand to Windows; rejects with
 * `ERR_INVALID_ARGUMENT` (a bad value) or `ERR_NOT_SUPPORTED` (a band or authentication kind this
 * adapter or Windows lacks) before anything is changed.
 */
export async function checkAccessPoint(
  configuration: unknown,
  backend: Pick<TetheringBackend, 'isBandSupported' | 'isAuthenticationKindSupported'>,
  options: { where: string; current?: AccessPointConfiguration; target?: TetheringTarget },
): Promise<AccessPointConfiguration> {
  const { where } = options;
  if (typeof configuration !== 'object' || configuration === null || Array.isArray(configuration))
    throw invalid(
      `${where}: the access point must be an object, got ${describeKind(configuration)}`,
    );
  const given = configuration as Partial<Record<keyof AccessPointConfiguration, unknown>>;
  const current = options.current;
  const pick = <K extends keyof AccessPointConfiguration>(key: K): unknown =>
    given[key] === undefined ? current?.[key] : given[key];
  const ssid = checkSsid(pick('ssid'), where);
  const band = checkBand(pick('band') ?? 'auto', where);
  const authenticationKind = checkAuthenticationKind(pick('authenticationKind') ?? 'wpa2', where);
  const passphrase = checkPassphrase(pick('passphrase'), authenticationKind, where);
  if (band !== 'auto' && !(await backend.isBandSupported(band, options.target)))
    throw new MobileBroadbandError(
      'ERR_NOT_SUPPORTED',
      `${where}: this Wi-Fi adapter does not support the ${band} band (IsBandSupportedAsync); use auto or another band`,
      { details: { band } },
    );
  if (
    authenticationKind !== 'wpa2' &&
    !(await backend.isAuthenticationKindSupported(authenticationKind, options.target))
  )
    throw new MobileBroadbandError(
      'ERR_NOT_SUPPORTED',
      `${where}: this Wi-Fi adapter does not support ${authenticationKind} (IsAuthenticationKindSupportedAsync); use wpa2`,
      { details: { authenticationKind } },
    );
  const result: AccessPointConfiguration = { ssid, passphrase, band };
  if (authenticationKind !== 'wpa2' || given.authenticationKind !== undefined)
    result.authenticationKind = authenticationKind;
  return result;
}
