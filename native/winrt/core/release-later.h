// Closes and releases Windows objects later, on the addon's MTA thread (mta-thread.h). For an
// operation that ends after its owner let go of it, or whose owner closed it while its
// completion handler still ran: releasing it from inside its own completion callback is what
// WinRT implementations need not survive (the last reference would go while the operation is
// still inside its own Invoke), and a non-agile object must be released in the MTA, which is
// where the MTA thread is.
#pragma once

#include <functional>

namespace wmbb {

/** Queues `release` for the MTA thread. If it cannot be queued (no memory, no thread), runs it
 *  right here: the lesser evil than a leak that keeps the objects alive for good. */
void ReleaseLater(std::function<void()> release) noexcept;

}  // namespace wmbb
