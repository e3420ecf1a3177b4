/**
 * The test-only control addon as the hotspot tests under Wine use it: the shared control
 * (accounts, failures, completion mode, live objects) and its `tethering*` calls (the imitated
 * NetworkOperatorTetheringManager, native/test-component/control-addon/
 * tethering-control-exports.h). Enum values are Windows'.
 */

export interface TetheringTestControl {
  reset(): void;
  putAccount(id: string, fields: Record<string, string | number>): void;
  setFailure(member: string, hresult: number): void;
  /** 0: operations end on a thread of their own; 1: inside put_Completed; 2: Cancel() honoured
   *  late (they end when their time is up). */
  setCompletion(mode: 0 | 1 | 2): void;
  operationCounts(): { cancelCalls: number; synchronous: number; otherThread: number };
  liveObjects(): number;
  waitIdle(timeoutMs: number): boolean;
  /** Makes the calling (JS) thread a single-threaded apartment; "sta" when it is one. */
  makeSta(): string;

  tetheringReset(): void;
  tetheringSetWindowsBuild(build: number): void;
  tetheringSetProfiles(names: readonly string[], internetProfile: string): void;
  tetheringSetCapability(capability: number): void;
  tetheringSetOperationalState(state: number): void;
  tetheringSetBandSupported(band: number, supported: boolean): void;
  tetheringSetAuthenticationKindSupported(kind: number, supported: boolean): void;
  tetheringSetStoredAccessPoint(accessPoint: {
    ssid: string;
    passphrase: string;
    band: number;
    authenticationKind: number;
  }): void;
  tetheringScriptNext(
    operation: 'start' | 'stop',
    status: number,
    message: string,
    durationMs?: number,
  ): void;
  tetheringClientJoined(macAddress: string, hostNames: readonly string[]): void;
  tetheringClientLeft(macAddress: string): void;
  /** The no-connections timeout's time is up; true when the hotspot turned off. */
  tetheringExpireIdleTimeout(): boolean;
  tetheringHotspot(): { state: number; clientCount: number; noConnectionsTimeout: boolean };
  tetheringAccessPoints(): {
    storedSsid: string;
    storedBand: number;
    session: {
      ssid: string;
      band: number;
      authenticationKind: number;
      passphraseLength: number;
    } | null;
  };
  tetheringCounts(): { managers: number; foreignThreadCalls: number };
}

/** The control addon the lane built (WMBB_TEST_CONTROL_ADDON). */
export function tetheringControl(): TetheringTestControl {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a .node file can only be required
  return require(process.env.WMBB_TEST_CONTROL_ADDON!) as TetheringTestControl;
}

/** The account whose connection the hotspot shares (derived events 11/12 name it). */
export const tetheringAccountId = '{2E7F4C1A-8B3D-4F6E-9A5C-0D1E2F3A4B5C}';
/** The internet connection profile, and a second profile a named manager may share. */
export const internetProfileName = 'Contoso';
export const namedProfileName = 'Fabrikam Ethernet';

/**
 * A fresh component: no scripts or failures, operations on their own thread; one account; the
 * hotspot as the control's Reset() leaves it (build 26100, off, capability enabled), with two
 * connection profiles.
 */
export function resetTethering(control: TetheringTestControl, windowsBuild = 26100): void {
  control.reset();
  control.tetheringReset();
  control.tetheringSetWindowsBuild(windowsBuild);
  control.tetheringSetProfiles([internetProfileName, namedProfileName], internetProfileName);
  control.putAccount(tetheringAccountId, {
    serviceProviderName: 'Contoso',
    manufacturer: 'Quectel',
    model: 'EM120R-GL',
    networkRegistrationState: 3,
    networkDeviceStatus: 1,
    currentRadioState: 1,
  });
}
