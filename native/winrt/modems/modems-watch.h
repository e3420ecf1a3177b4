// What an unpackaged process may watch to derive notifications (lib/derived): the
// MobileBroadbandAccountWatcher's events and NetworkInformation.NetworkStatusChanged, written
// as records into one RecordQueue. Made, started, stopped and closed on the addon's MTA thread
// (the account watcher is not agile); the handlers run on Windows' threads and only queue.
//
// Records (layout in core/event-records.h; lib/native/modem-events.ts decodes them):
//   kAccountAdded / kAccountRemoved   networkAccountId
//   kAccountUpdated                   networkAccountId, hasDeviceInformationChanged,
//                                     hasNetworkChanged
//   kNetworkStatusChanged             nothing: the reader reads the accounts again
//   EnumerationCompleted, Stopped     the account watcher's
#pragma once

#include <memory>

#include "../core/event-registration.h"
#include "../core/record-queue.h"
#include "../core/status.h"

namespace wmbb {

inline constexpr RecordKind kAccountAdded{0x102};
inline constexpr RecordKind kAccountUpdated{0x103};
inline constexpr RecordKind kAccountRemoved{0x104};
inline constexpr RecordKind kNetworkStatusChanged{0x105};

class ModemsWatch {
 public:
  /** Activates the watcher and subscribes to every event before anything starts. */
  static Status Create(std::shared_ptr<RecordQueue> queue, std::unique_ptr<ModemsWatch>* out);

  ~ModemsWatch() { Close(); }
  ModemsWatch(const ModemsWatch&) = delete;
  ModemsWatch& operator=(const ModemsWatch&) = delete;

  /** `MobileBroadbandAccountWatcher.Start()`: AccountAdded per account, EnumerationCompleted. */
  Status Start();
  /** `Stop()`: Windows answers Stopped; a watcher not running gets Stopped queued here. */
  Status Stop();
  /** Unsubscribes everything and releases the watcher, stopping it if it runs. Idempotent. */
  void Close();

 private:
  explicit ModemsWatch(std::shared_ptr<RecordQueue> queue) : queue_(std::move(queue)) {}
  Status Subscribe();

  std::shared_ptr<RecordQueue> queue_;
  ComPtr<abi_netops::IMobileBroadbandAccountWatcher> watcher_;
  ComPtr<ABI::Windows::Networking::Connectivity::INetworkInformationStatics> network_;
  EventRegistration<abi_netops::IMobileBroadbandAccountWatcher> added_;
  EventRegistration<abi_netops::IMobileBroadbandAccountWatcher> updated_;
  EventRegistration<abi_netops::IMobileBroadbandAccountWatcher> removed_;
  EventRegistration<abi_netops::IMobileBroadbandAccountWatcher> enumerationCompleted_;
  EventRegistration<abi_netops::IMobileBroadbandAccountWatcher> stopped_;
  EventRegistration<ABI::Windows::Networking::Connectivity::INetworkInformationStatics>
      networkStatusChanged_;
};

}  // namespace wmbb
