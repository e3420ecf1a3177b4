/**
 * What the native hotspot's failures mean for a user. The addon reports a failed Windows call as
 * an HRESULT and the call's name (native/winrt/tethering); three of them are facts rather than
 * faults, worded here:
 *
 * - no internet connection profile: `ERR_INVALID_STATE`, there is no internet connection to share;
 * - no connection profile of the name asked for: `ERR_INVALID_ARGUMENT`, naming the profiles there;
 * - an interface the running Windows lacks (E_NOINTERFACE, or a class not registered):
 *   `ERR_NOT_SUPPORTED` naming the API and the Windows build that has it. Decided from what
 *   Windows answered, never from a version number.
 *
 * Everything else is typed by its HRESULT (hresult.ts), the Mobile Hotspot service named when
 * Windows cannot reach it. No message carries a passphrase: the addon's failures hold only the
 * call's name and its HRESULT.
 *
 * @module
 * @internal
 */

import { formatHresult, MobileBroadbandError } from '../errors.js';
import { describeValue } from '../events/describe-value.js';
import { tetheringApiBuilds, windowsOfBuild } from '../tethering/api-builds.js';
import { noInternetError } from '../tethering/no-internet.js';
import { fromNativeError, isNativeCallError } from './hresult.js';

/** The service behind the hotspot, named when Windows cannot reach it. */
export const mobileHotspotService = {
  name: 'icssvc',
  displayName: 'Windows Mobile Hotspot Service',
} as const;

/** HRESULT_FROM_WIN32(ERROR_NOT_FOUND): the addon's answer for a profile that is not there. */
const notFound = 0x80070490;
/** The calls the addon names for a missing profile (native/winrt/tethering/tethering-manager.h). */
export const internetProfileCall = 'NetworkInformation.GetInternetConnectionProfile';
export const connectionProfilesCall = 'NetworkInformation.GetConnectionProfiles';

/** E_NOINTERFACE: the object or class is there, the interface is not. */
const noInterface = 0x80004002;
/** REGDB_E_CLASSNOTREG, CLASS_E_CLASSNOTAVAILABLE: a class this Windows does not have. */
const classAbsent = new Set([0x80040154, 0x80040111]);
const sessionClassCall = 'NetworkOperatorTetheringSessionAccessPointConfiguration()';

/** Whether `hresult` from `call` says the API is not in this Windows. Only the session class is
 *  a class of its own: for the others an unregistered class is the whole hotspot missing. */
function isAbsent(call: string, hresult: number): boolean {
  return hresult === noInterface || (call === sessionClassCall && classAbsent.has(hresult));
}

const sessionApi = 'StartTetheringAsync(NetworkOperatorTetheringSessionAccessPointConfiguration)';

/**
 * The calls the addon names when an interface is absent (native/winrt/tethering/
 * tethering-calls.h), with the API a user knows and the first build that has it.
 */
export const newerTetheringApis: ReadonlyMap<string, { api: string; build: number }> = new Map([
  [
    'NetworkOperatorTetheringAccessPointConfiguration.IsBandSupportedAsync',
    { api: 'IsBandSupportedAsync (TetheringWiFiBand)', build: tetheringApiBuilds.band },
  ],
  [
    'NetworkOperatorTetheringAccessPointConfiguration.Band',
    {
      api: 'NetworkOperatorTetheringAccessPointConfiguration.Band',
      build: tetheringApiBuilds.band,
    },
  ],
  [
    'NetworkOperatorTetheringAccessPointConfiguration.IsAuthenticationKindSupportedAsync',
    {
      api: 'IsAuthenticationKindSupportedAsync (TetheringWiFiAuthenticationKind)',
      build: tetheringApiBuilds.authenticationKind,
    },
  ],
  [
    'NetworkOperatorTetheringAccessPointConfiguration.AuthenticationKind',
    {
      api: 'NetworkOperatorTetheringAccessPointConfiguration.AuthenticationKind',
      build: tetheringApiBuilds.authenticationKind,
    },
  ],
  [
    `NetworkOperatorTetheringManager.${sessionApi}`,
    { api: sessionApi, build: tetheringApiBuilds.sessionConfiguration },
  ],
  [sessionClassCall, { api: sessionApi, build: tetheringApiBuilds.sessionConfiguration }],
  [
    'NetworkOperatorTetheringManager.IsNoConnectionsTimeoutEnabled',
    { api: 'IsNoConnectionsTimeoutEnabled', build: tetheringApiBuilds.noConnectionsTimeout },
  ],
  [
    'NetworkOperatorTetheringManager.EnableNoConnectionsTimeoutAsync',
    { api: 'EnableNoConnectionsTimeoutAsync', build: tetheringApiBuilds.noConnectionsTimeout },
  ],
  [
    'NetworkOperatorTetheringManager.DisableNoConnectionsTimeoutAsync',
    { api: 'DisableNoConnectionsTimeoutAsync', build: tetheringApiBuilds.noConnectionsTimeout },
  ],
]);

/** How many profile names a message lists before it counts the rest. */
const listedProfiles = 10;

/** What a failure is about, for the message. */
export interface TetheringErrorContext {
  /** What the user asked for ("Turning the hotspot on"). */
  operation: string;
  /** The connection profiles present, read only when a name was not found. */
  profileNames: () => Promise<string[]>;
}

/** `ERR_INVALID_ARGUMENT` naming the connection profiles present. */
export function unknownProfileError(
  operation: string,
  names: readonly string[],
): MobileBroadbandError {
  const shown = names.slice(0, listedProfiles).map((name) => describeValue(name));
  const more = names.length > listedProfiles ? ` and ${names.length - listedProfiles} more` : '';
  return new MobileBroadbandError(
    'ERR_INVALID_ARGUMENT',
    `${operation}: no connection profile by that name; ${names.length === 0 ? 'Windows lists no connection profile' : `the profiles are: ${shown.join(', ')}${more}`}`,
    { details: { profiles: names.slice(0, listedProfiles) } },
  );
}

/** A typed error for whatever the addon rejected with. */
export async function tetheringError(
  error: unknown,
  context: TetheringErrorContext,
): Promise<MobileBroadbandError> {
  const { operation } = context;
  if (error instanceof MobileBroadbandError) return error;
  if (!isNativeCallError(error)) return fromNativeError(error, { operation });
  const hresult = error.hresult >>> 0;
  if (hresult === notFound && error.call === internetProfileCall) return noInternetError(operation);
  if (hresult === notFound && error.call === connectionProfilesCall)
    return unknownProfileError(operation, await context.profileNames().catch(() => []));
  const newer = newerTetheringApis.get(error.call);
  if (newer !== undefined && isAbsent(error.call, hresult))
    return new MobileBroadbandError(
      'ERR_NOT_SUPPORTED',
      `${operation}: ${newer.api} needs Windows build ${newer.build} (${windowsOfBuild(newer.build)}) or later; this Windows does not have it (${error.call} answered HRESULT ${formatHresult(hresult)})`,
      {
        hresult,
        cause: error,
        details: { api: newer.api, requiredBuild: newer.build, call: error.call },
      },
    );
  return fromNativeError(error, {
    operation,
    service: mobileHotspotService,
    advice: {
      ERR_NOT_AUTHORIZED:
        'this process may not control the hotspot: a packaged app needs the wiFiControl capability in its manifest; a desktop process may need to run as the signed-in user (not a service account)',
    },
    details: { hresult: formatHresult(hresult) },
  });
}
