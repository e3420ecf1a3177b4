// The imitated MobileBroadbandAccount class (statics on its activation factory), its device
// information and network, for the modems conformance under Wine. Accounts are put and removed
// through ITestControl::PutAccount / RemoveAccount as field lists ("name=value" lines, the
// field names of accounts.cpp); each account object is a snapshot of its fields.
#pragma once

#include "winrt.h"

namespace test_component {

/** The activation factory of MobileBroadbandAccount; the caller owns the returned reference. */
IActivationFactory* NewAccountFactory();

}  // namespace test_component
