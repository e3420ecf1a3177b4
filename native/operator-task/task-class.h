// The runtime class WindowsMobileBroadband.OperatorTask: the IBackgroundTask an operator app's
// manifest names as the entry point of its NetworkOperatorNotification and
// TetheringEntitlementCheck tasks, and its activation factory. backgroundtaskhost.exe loads
// this DLL, activates the class by name and calls Run.
#pragma once

#include <windows.applicationmodel.background.h>

#include <atomic>

#include "../winrt/core/winrt-abi.h"

namespace wmbb {

inline constexpr wchar_t kOperatorTaskClass[] = L"WindowsMobileBroadband.OperatorTask";

/** The class's activation factory (a new reference). */
IActivationFactory* NewOperatorTaskFactory();

/** Objects of this DLL alive now (DllCanUnloadNow). */
std::atomic<long>& LiveTaskObjects();

}  // namespace wmbb
