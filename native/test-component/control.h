#pragma once

#include "winrt.h"

namespace test_component {

/** The activation factory of WindowsMobileBroadband.Testing.Control (implements ITestControl). */
IActivationFactory* NewControlFactory();

}  // namespace test_component
