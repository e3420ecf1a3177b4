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

/** Whether NetworkInformation.GetInternetConnectionProfile answers a profile, as the
 *  diagnostics control says (counted as one call). The profile itself is the hotspot's
 *  (tethering-classes.h), so that the imitated manager can share it. */
bool InternetProfilePresent();

}  // namespace test_component
