/**
 * The first Windows build with each newer hotspot API (Microsoft's documentation: the
 * UniversalApiContract version of each member). The fake plays them by build number; the
 * native backend never decides by a version number (it asks Windows, which answers
 * E_NOINTERFACE for what it lacks) and uses these only to say which Windows has what is missing.
 *
 * @module
 */

/** The first Windows build with each newer tethering API. */
export const tetheringApiBuilds = {
  /**
   * `NetworkOperatorTetheringManager.IsNoConnectionsTimeoutEnabled` and its switches
   * (`…ManagerStatics4`, UniversalApiContract 10: Windows 10 2004).
   */
  noConnectionsTimeout: 19041,
  /**
   * `TetheringWiFiBand`, `IsBandSupportedAsync` (`…AccessPointConfiguration2`,
   * UniversalApiContract 10: Windows 10 2004).
   */
  band: 19041,
  /** `TetheringWiFiBand.SixGigahertz`: older Windows does not know the value. */
  sixGigahertzBand: 26100,
  /** `TetheringWiFiAuthenticationKind`, `IsAuthenticationKindSupportedAsync` (`…3`, 24H2). */
  authenticationKind: 26100,
  /** `StartTetheringAsync(NetworkOperatorTetheringSessionAccessPointConfiguration)` (24H2). */
  sessionConfiguration: 26100,
} as const;

/** What people call the Windows of a build the hotspot APIs name. */
export function windowsOfBuild(build: number): string {
  if (build >= 26100) return 'Windows 11 version 24H2';
  if (build >= 22000) return 'Windows 11';
  if (build >= 19041) return 'Windows 10 version 2004';
  return `Windows build ${build}`;
}
