// Runs a release of Windows objects on a thread-pool thread. An operation that ends after its
// owner let go of it (the environment went away) is closed and released from its own completion
// callback otherwise, which WinRT implementations need not survive: the last reference would go
// while the operation is still inside its own Invoke.
#pragma once

#include <functional>

namespace wmbb {

/** Runs `release` on a thread-pool thread, soon. If the pool refuses, runs it right here. */
void ReleaseLater(std::function<void()> release);

}  // namespace wmbb
