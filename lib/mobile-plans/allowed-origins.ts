/**
 * Which pages may call the app: full origins (scheme, host and port), as the operator's
 * service configuration lists its portal's hosts.
 *
 * @module
 */

import { MobileBroadbandError } from '../errors.js';
import { quoteUserValue } from '../text/quote-user-value.js';

/**
 * Checks and normalises the configured origins. Each must be an origin and nothing more
 * (`https://portal.contoso.example`, `http://127.0.0.1:8080`): a path, a wildcard or a bare
 * host name is refused, so that a configuration never allows more than it says.
 */
export function checkAllowedOrigins(value: unknown, where: string): ReadonlySet<string> {
  if (!Array.isArray(value) || value.length === 0) {
    throw new MobileBroadbandError(
      'ERR_INVALID_ARGUMENT',
      `${where}: allowedOrigins must be a non-empty array of origins such as 'https://portal.contoso.example'`,
    );
  }
  const origins = new Set<string>();
  for (const entry of value as unknown[]) {
    const origin = typeof entry === 'string' ? originOf(entry) : undefined;
    if (
      origin === undefined ||
      typeof entry !== 'string' ||
      origin !== entry.replace(/\/$/, '').toLowerCase()
    ) {
      throw new MobileBroadbandError(
        'ERR_INVALID_ARGUMENT',
        `${where}: ${
          typeof entry === 'string' ? quoteUserValue(entry) : typeof entry
        } is not a full origin (scheme://host[:port], no path): write it as 'https://portal.contoso.example'`,
      );
    }
    origins.add(origin);
  }
  return origins;
}

/** The origin of a URL or origin text, lower-cased with the default port dropped; `undefined` when it has none. */
export function originOf(text: string): string | undefined {
  try {
    const url = new URL(text);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    return url.origin.toLowerCase();
  } catch {
    return undefined;
  }
}
