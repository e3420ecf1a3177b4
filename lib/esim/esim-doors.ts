/**
 * The two eSIM doors Windows 11 24H2 opened to every process, capability or not, worded once for
 * every backend:
 *
 * - `lpa:<activation code>` opens Settings' eSIM activation flow for that code (Microsoft,
 *   "Activate an eSIM by link": Windows reads `lpa:[activation code]`; the activation code is
 *   SGP.22's `1$<SM-DP+>$<matching id>…`, so the link is the QR code's own text);
 * - `ms-settings:cellular-id` opens a consent dialog that shares EID, IMEI, ICCID, make and model
 *   (make and model base64), optionally opening an HTTPS `callbackUrl` with the placeholders
 *   `{eid}` `{imei}` `{iccid}` `{make}` `{model}` filled in ("Request device identifiers for eSIM
 *   provisioning").
 *
 * @module
 * @internal
 */

import { MobileBroadbandError } from '../errors.js';
import { quoteUserValue } from '../text/quote-user-value.js';
import { parseActivationCode, type ActivationCode } from './activation-code.js';

/** The first Windows build with both doors: Windows 11 24H2. */
export const doorsWindowsBuild = 26100;

/** The placeholders Windows fills in a callback URL. */
export const identifierPlaceholders = ['eid', 'imei', 'iccid', 'make', 'model'] as const;

/** ERR_NOT_SUPPORTED naming the Windows a door needs, when the running one is older. */
export function checkDoorBuild(build: number | undefined, what: string): void {
  if (build !== undefined && build >= doorsWindowsBuild) return;
  throw new MobileBroadbandError(
    'ERR_NOT_SUPPORTED',
    `${what} needs Windows 11 24H2 (build ${doorsWindowsBuild}) or later; this is ${build === undefined ? 'not Windows' : `build ${build}`}`,
    { details: { windowsBuild: build, needed: doorsWindowsBuild } },
  );
}

/** `lpa:` + the activation code (parsed first: a malformed code is refused, never opened). */
export function activationLink(code: string | ActivationCode): string {
  const parsed = typeof code === 'string' ? parseActivationCode(code) : code;
  return `lpa:${parsed.reveal()}`;
}

/**
 * `ms-settings:cellular-id`, with the callback URL as its `callbackUrl` parameter (URI-encoded;
 * Windows decodes it before it fills the placeholders). Only `https:` callbacks, and only the
 * placeholders Windows knows.
 */
export function deviceIdentifiersLink(callbackUrl?: unknown): string {
  const where = 'esim.requestDeviceIdentifiers({ callbackUrl })';
  if (callbackUrl === undefined) return 'ms-settings:cellular-id';
  if (typeof callbackUrl !== 'string' || callbackUrl.length > 2048) {
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      `${where}: callbackUrl must be an https: URL of at most 2048 characters`,
    );
  }
  let url: URL;
  try {
    url = new URL(callbackUrl);
  } catch {
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      `${where}: ${quoteUserValue(callbackUrl)} is not a URL`,
    );
  }
  if (url.protocol !== 'https:') {
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      `${where}: Windows opens only https: callbacks, not ${quoteUserValue(url.protocol)}`,
    );
  }
  for (const match of callbackUrl.matchAll(/\{([^{}]*)\}/g)) {
    if (!(identifierPlaceholders as readonly string[]).includes(match[1]!)) {
      throw new MobileBroadbandError(
        'ERR_INVALID_ARGUMENT',
        `${where}: ${quoteUserValue(match[0])} is no placeholder Windows fills (known: ${identifierPlaceholders.map((p) => `{${p}}`).join(' ')})`,
      );
    }
  }
  return `ms-settings:cellular-id?callbackUrl=${encodeURIComponent(callbackUrl)}`;
}
