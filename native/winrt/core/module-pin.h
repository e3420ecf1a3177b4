// Keeps the addon's DLL loaded until the process exits.
//
// Node frees an addon's DLL when the last environment that loaded it ends
// (Environment::~Environment closes its loaded addons): a worker thread that alone loaded the
// addon takes it down on exit. Windows can still run the addon's code after that: the
// completion handler of an operation the environment abandoned (eSIM operations run in another
// process and may honour a cancellation seconds later), a release queued on the thread pool, a
// delegate's final Release, the MTA thread itself. Pinning makes every such late call find its
// code.
#pragma once

#include "status.h"

namespace wmbb {

/** Pins the module containing this code. Idempotent; the first failure is returned again. */
Status PinModule() noexcept;

}  // namespace wmbb
