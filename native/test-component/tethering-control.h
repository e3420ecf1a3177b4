// The hotspot part of the Wine test component's control: how a test scripts the imitated
// NetworkOperatorTetheringManager (tethering-manager.h) and reads what reached it. A class of
// its own, WindowsMobileBroadband.Testing.TetheringControl, so that ITestControl stays as it is;
// the common knobs still come from ITestControl (its Reset() does not reset this part):
// SetCompletion (operations end on a thread of their own, inside put_Completed, or honour
// Cancel late), OperationCounts, LiveObjects, WaitIdle, and SetFailure for these members:
// "NetworkOperatorTetheringManager.CreateFromConnectionProfile",
// "NetworkOperatorTetheringManager.StartTetheringAsync", "….StopTetheringAsync",
// "….ConfigureAccessPointAsync", "….GetTetheringClients" (the call itself fails) and
// "NetworkInformation.GetConnectionProfiles".
//
// Enum values are Windows' (TetheringCapability, TetheringOperationStatus, TetheringWiFiBand,
// TetheringWiFiAuthenticationKind); values Windows does not have are taken as given, so that a
// test can play a newer Windows.
#pragma once

#include <windows.h>
#include <inspectable.h>
#include <winstring.h>

inline constexpr const wchar_t* kTetheringControlClass =
    L"WindowsMobileBroadband.Testing.TetheringControl";

// {4f1d7a3e-9b62-4c0e-a8d5-7e31c96b2f40}
MIDL_INTERFACE("4f1d7a3e-9b62-4c0e-a8d5-7e31c96b2f40")
ITetheringTestControl : public IInspectable {
  /**
   * Windows build 26100; one connection profile, "Contoso", the internet profile; capability
   * Enabled; the hotspot off without clients (at most 8); the stored access point "WMBB-Test"
   * (band Auto, WPA2); bands Auto, 2.4 and 5 GHz and kinds WPA2 and WPA3 transition mode
   * supported; the no-connections timeout enabled; no scripts; counts zero.
   */
  virtual HRESULT STDMETHODCALLTYPE Reset() = 0;
  /** The Windows build to play: below 19041 no …Configuration2 (band) and no …Statics4 (the
   *  no-connections timeout); below 26100 no …Configuration3 (authentication kind), no
   *  INetworkOperatorTetheringManager2, no session configuration class, no 6 GHz band. */
  virtual HRESULT STDMETHODCALLTYPE SetWindowsBuild(UINT32 build) = 0;
  /** The connection profiles ("\n"-separated names) and which is the internet profile (empty:
   *  none, GetInternetConnectionProfile answers null). */
  virtual HRESULT STDMETHODCALLTYPE SetProfiles(HSTRING names, HSTRING internetProfile) = 0;
  /** What GetTetheringCapabilityFromConnectionProfile answers from now on. */
  virtual HRESULT STDMETHODCALLTYPE SetCapability(INT32 capability) = 0;
  /** What TetheringOperationalState answers, whatever the hotspot does (a test of a value
   *  the package does not know); start and stop change it again. */
  virtual HRESULT STDMETHODCALLTYPE SetOperationalState(INT32 state) = 0;
  virtual HRESULT STDMETHODCALLTYPE SetBandSupported(INT32 band, boolean supported) = 0;
  virtual HRESULT STDMETHODCALLTYPE SetAuthenticationKindSupported(INT32 kind, boolean supported) = 0;
  /** Replaces the stored access point as is (no checks: any band or kind value). */
  virtual HRESULT STDMETHODCALLTYPE SetStoredAccessPoint(HSTRING ssid, HSTRING passphrase, INT32 band,
                                                         INT32 authenticationKind) = 0;
  /** The next StartTetheringAsync (`stop` false) or StopTetheringAsync answers `status` with
   *  `message` and changes nothing (unless `status` is Success); it takes `durationMs`
   *  (Cancel ends it sooner). Scripts queue up, one per operation. */
  virtual HRESULT STDMETHODCALLTYPE ScriptNext(boolean stop, INT32 status, HSTRING message,
                                               UINT32 durationMs) = 0;
  /** A device joins ("\n"-separated host names); E_ILLEGAL_METHOD_CALL while the hotspot is
   *  off, E_INVALIDARG when it is there already or the hotspot is full. */
  virtual HRESULT STDMETHODCALLTYPE ClientJoined(HSTRING macAddress, HSTRING hostNames) = 0;
  /** A device leaves; E_INVALIDARG when it is not there. */
  virtual HRESULT STDMETHODCALLTYPE ClientLeft(HSTRING macAddress) = 0;
  /** The no-connections timeout's time is up: with the timeout enabled, a hotspot that is on
   *  without clients turns off (`turnedOff`). Windows' own clock drives this, not the
   *  package's, so a test says when. */
  virtual HRESULT STDMETHODCALLTYPE ExpireIdleTimeout(boolean* turnedOff) = 0;
  /** The hotspot as the component has it. */
  virtual HRESULT STDMETHODCALLTYPE Hotspot(INT32* state, UINT32* clientCount,
                                            boolean* noConnectionsTimeout) = 0;
  /** The stored access point, and the session configuration of the last start with one
   *  (`session` false when the last start had none; it lasts until stop). */
  virtual HRESULT STDMETHODCALLTYPE AccessPoints(HSTRING* storedSsid, INT32* storedBand,
                                                 boolean* session, HSTRING* sessionSsid,
                                                 INT32* sessionBand, INT32* sessionKind,
                                                 UINT32* sessionPassphraseLength) = 0;
  /** Managers made, and calls into a manager (its release included) on a thread other than
   *  the one that made it, since Reset. */
  virtual HRESULT STDMETHODCALLTYPE Counts(INT32* managers, INT32* foreignThreadCalls) = 0;
};

#ifdef __CRT_UUID_DECL
__CRT_UUID_DECL(ITetheringTestControl, 0x4f1d7a3e, 0x9b62, 0x4c0e, 0xa8, 0xd5, 0x7e, 0x31, 0xc9, 0x6b,
                0x2f, 0x40)
#endif
