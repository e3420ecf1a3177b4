// The hotspot diagnosis part of the Wine test component's control: what the imitated
// Windows.Devices.Radios.Radio statics answer (radios.h) and whether the imitated
// NetworkInformation has an internet connection profile. A class of its own,
// WindowsMobileBroadband.Testing.DiagnosticsControl, so that ITestControl stays as it is; the
// common knobs still come from ITestControl (SetCompletion: GetRadiosAsync ends on a thread of
// its own or inside put_Completed; LiveObjects counts radios, lists and operations). Services
// and policies are real under Wine (sc.exe, reg.exe): nothing here imitates them.
#pragma once

#include <windows.h>
#include <inspectable.h>
#include <winstring.h>

inline constexpr const wchar_t* kDiagnosticsControlClass =
    L"WindowsMobileBroadband.Testing.DiagnosticsControl";

// {7d1f0b6e-5a43-4c2e-9f58-2b6c1e0d9a47}
MIDL_INTERFACE("7d1f0b6e-5a43-4c2e-9f58-2b6c1e0d9a47")
IDiagnosticsTestControl : public IInspectable {
  /** One Wi-Fi radio, On; an internet profile; GetRadiosAsync succeeds; counts zeroed. */
  virtual HRESULT STDMETHODCALLTYPE Reset() = 0;
  /** The radios GetRadiosAsync lists, in order: "kind state" lines of RadioKind and RadioState
   *  values ("1 1" is a Wi-Fi radio, On); empty: none. */
  virtual HRESULT STDMETHODCALLTYPE SetRadios(HSTRING radios) = 0;
  /** GetRadiosAsync's operation ends with AsyncStatus::Error and `hr` (S_OK: it succeeds). */
  virtual HRESULT STDMETHODCALLTYPE SetRadiosError(HRESULT hr) = 0;
  /** Whether GetInternetConnectionProfile answers a profile (else null, as with no internet). */
  virtual HRESULT STDMETHODCALLTYPE SetInternetProfile(boolean present) = 0;
  /** GetRadiosAsync and GetInternetConnectionProfile calls since Reset. */
  virtual HRESULT STDMETHODCALLTYPE Counts(INT32* radioCalls, INT32* profileCalls) = 0;
};

#ifdef __CRT_UUID_DECL
__CRT_UUID_DECL(IDiagnosticsTestControl, 0x7d1f0b6e, 0x5a43, 0x4c2e, 0x9f, 0x58, 0x2b, 0x6c, 0x1e,
                0x0d, 0x9a, 0x47)
#endif
