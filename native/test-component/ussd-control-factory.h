// The activation factory of WindowsMobileBroadband.Testing.UssdControl (ussd-control.h).
#pragma once

#include "ussd-control.h"
#include "winrt.h"

namespace test_component {

/** The caller owns the returned reference. */
IActivationFactory* NewUssdControlFactory();

}  // namespace test_component
