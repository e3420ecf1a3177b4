// The imitated connection side of a mobile broadband account (Windows.Networking.Connectivity):
// its network adapter, its connection profile with signal bars and data plan status. Built from
// the account's fields (accounts.cpp): networkAdapterId; profileName (no profile when absent),
// connectivityLevel, signalBars ('' for none); dataPlan=1 with megabytesUsed, lastSyncTime and
// nextBillingCycle (Unix ms, '' for none) and limitMegabytes ('' for none).
#pragma once

#include <map>
#include <memory>
#include <string>

#include "winrt.h"

namespace test_component {

using AccountFields = std::map<std::wstring, std::wstring>;

/** The adapter of the account's network (NetworkAdapterId from the fields). */
ABI::Windows::Networking::Connectivity::INetworkAdapter* NewNetworkAdapter(
    std::shared_ptr<const AccountFields> fields);

/** The account's connection profiles: one, or none without a profileName. */
collections::IVectorView<ABI::Windows::Networking::Connectivity::ConnectionProfile*>*
NewConnectionProfiles(std::shared_ptr<const AccountFields> fields);

}  // namespace test_component
