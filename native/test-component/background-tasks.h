// The imitated Windows.ApplicationModel.Background classes the registration helpers use, for
// the operator-tasks conformance under Wine: BackgroundTaskBuilder, the two operator triggers,
// BackgroundTaskRegistration (its AllTasks map, kept here as plain data: Windows' state, not
// objects the addon holds, so it does not count as alive) and BackgroundExecutionManager.
//
// RequestAccessAsync answers the BackgroundAccessStatus in the environment variable
// WMBB_TEST_BACKGROUND_ACCESS (a number; AlwaysAllowed 4 when unset), read at each call, so a
// test sets it through process.env. Members fail as ITestControl::SetFailure says:
// "BackgroundExecutionManager.RequestAccessAsync", "BackgroundTaskBuilder.Register",
// "BackgroundTaskRegistration.AllTasks", "BackgroundTaskRegistration.Trigger",
// "BackgroundTaskRegistration.Unregister", "TetheringEntitlementCheckTrigger()".
#pragma once

#include "winrt.h"

namespace test_component {

/** Activation factories by class name; null for another name. The caller owns the result. */
IActivationFactory* NewBackgroundTaskFactory(const wchar_t* classId);

/** Forgets every registration (ITestControl::Reset). */
void ResetBackgroundTasks();

}  // namespace test_component
