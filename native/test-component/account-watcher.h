// The imitated MobileBroadbandAccountWatcher (activatable) and NetworkInformation statics with
// NetworkStatusChanged. Account changes made through the control (PutAccount, RemoveAccount)
// reach running watchers as AccountAdded, AccountUpdated (HasNetworkChanged when a network
// field changed, registrationSerial included, HasDeviceInformationChanged when a device field
// did) and AccountRemoved;
// RaiseNetworkStatusChanged() raises NetworkStatusChanged. Events are raised on a thread of the
// component's own, in order.
#pragma once

#include <string>

#include "scenario.h"
#include "winrt.h"

namespace test_component {

IActivationFactory* NewAccountWatcherFactory();
IActivationFactory* NewNetworkInformationFactory();

/** Tells running watchers about an account put (`before` empty: added) or removed. */
void AnnounceAccountChange(const std::wstring& id, const AccountFields* before,
                           const AccountFields* after);

/** Raises NetworkStatusChanged to every handler, on a thread of its own; waits for it. */
void RaiseNetworkStatusChanged();

}  // namespace test_component
