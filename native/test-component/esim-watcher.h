// The imitated ESimWatcher. Like Windows, it raises its events on a thread of its own: Start()
// returns at once, then Added for each eSIM present, EnumerationCompleted, and the changes the
// test makes, in order; Stop() ends with Stopped.
#pragma once

#include "runtime-object.h"
#include "scenario.h"

namespace test_component {

/** Makes a watcher (status Created); the caller owns the returned reference. */
netops::IESimWatcher* NewEsimWatcher();

}  // namespace test_component
