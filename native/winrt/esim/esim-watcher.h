// An ESimWatcher whose five events are written as records into a RecordQueue. Made, started,
// stopped and closed on the addon's MTA thread; its handlers run on Windows' threads.
#pragma once

#include <memory>

#include "../core/event-registration.h"
#include "../core/record-queue.h"
#include "../core/status.h"

namespace wmbb {

class EsimWatcher {
 public:
  /**
   * Wraps `watcher` (from TryCreateEsimWatcher) and subscribes to Added, Updated, Removed,
   * EnumerationCompleted and Stopped before anything starts, so no event can be missed.
   */
  static Status Create(ComPtr<abi_netops::IESimWatcher> watcher,
                       std::shared_ptr<RecordQueue> queue, std::unique_ptr<EsimWatcher>* out);

  ~EsimWatcher() { Close(); }
  EsimWatcher(const EsimWatcher&) = delete;
  EsimWatcher& operator=(const EsimWatcher&) = delete;

  /** `ESimWatcher.Start()`: Added for each eSIM present, then EnumerationCompleted, then changes. */
  Status Start();

  /**
   * `ESimWatcher.Stop()`. Windows answers with the Stopped event. A watcher that never started
   * (or already stopped) raises no event, so this queues Stopped itself then.
   */
  Status Stop();

  /** Unsubscribes and releases the watcher. Stops it first if it still runs. Idempotent. */
  void Close();

 private:
  EsimWatcher(ComPtr<abi_netops::IESimWatcher> watcher, std::shared_ptr<RecordQueue> queue);
  Status Subscribe();

  ComPtr<abi_netops::IESimWatcher> watcher_;
  std::shared_ptr<RecordQueue> queue_;
  EventRegistration<abi_netops::IESimWatcher> added_;
  EventRegistration<abi_netops::IESimWatcher> updated_;
  EventRegistration<abi_netops::IESimWatcher> removed_;
  EventRegistration<abi_netops::IESimWatcher> enumerationCompleted_;
  EventRegistration<abi_netops::IESimWatcher> stopped_;
};

}  // namespace wmbb
