#pragma once

#include "winrt.h"

namespace test_component {

/** The activation factory of ESimManager; the caller owns the returned reference. */
IActivationFactory* NewEsimManagerFactory();

}  // namespace test_component
