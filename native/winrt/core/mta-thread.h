// The addon's own thread in the multithreaded apartment. Every call the addon makes into WinRT
// happens here: activation, property reads of objects the addon holds, starting operations,
// adding and removing event handlers, releasing objects. Nothing else the addon does touches
// apartments.
//
// Why one thread of its own rather than the JS thread:
// - the JS thread may be a single-threaded apartment (Electron's main process after `ready`, or
//   a host where another addon called CoInitializeEx(COINIT_APARTMENTTHREADED)); libuv never
//   pumps an STA's messages, so callbacks marshaled back to it would never run;
// - MobileBroadbandAccount, NetworkOperatorTetheringManager and ProvisioningAgent are not agile,
//   and UssdSession must live in the MTA: each must be made, used and released in one
//   apartment, which this thread's always is;
// - reads of eSIM objects cross into another process: on the JS thread they would block the
//   event loop (and an Electron UI).
//
// The JS thread only posts tasks and never waits for one; results come back through the
// record queue and thread-safe functions. Tasks run one at a time, in the order posted, so a
// task posted after another sees its effects (an operation is started before it can be
// cancelled or closed). The thread starts on first use and lives as long as the process: the
// module is pinned (module-pin.h), so its code outlives every environment that loaded it.
#pragma once

#include <functional>

#include "status.h"

namespace wmbb {

class MtaThread {
 public:
  using Task = std::function<void()>;

  /**
   * Queues `task` for the MTA thread, starting the thread on first use. Never blocks beyond a
   * short lock. A task must not throw (whatever it throws is swallowed) and must not wait for
   * the JS thread. Fails only when the thread cannot be started (or out of memory); then the
   * task is not run and the caller reports the failure.
   */
  static Status Post(Task task) noexcept;

  /** True on the MTA thread itself. */
  static bool IsCurrent() noexcept;
};

}  // namespace wmbb
