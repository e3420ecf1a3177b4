// The imitated Windows.Devices.Radios.Radio statics (GetRadiosAsync, run as ITestControl::
// SetCompletion says, listing the radios IDiagnosticsTestControl::SetRadios gave), the internet
// connection profile the imitated NetworkInformation answers, and the factory of the control
// class WindowsMobileBroadband.Testing.DiagnosticsControl (diagnostics-control.h).
#pragma once

#include <windows.networking.connectivity.h>

#include "winrt.h"

namespace test_component {

/** The factory for Windows.Devices.Radios.Radio or the diagnostics control; null for another
 *  class id. The caller owns the result. */
IActivationFactory* NewRadiosFactory(const wchar_t* classId);

/** NetworkInformation.GetInternetConnectionProfile: a profile, or null as the control says. */
HRESULT InternetConnectionProfile(ABI::Windows::Networking::Connectivity::IConnectionProfile** out);

}  // namespace test_component
