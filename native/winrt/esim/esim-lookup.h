// Finding one eSIM by its id. Windows hands out ESim objects only through an ESimWatcher, so a
// lookup runs one until EnumerationCompleted and keeps the eSIM whose id matches: its EID, or
// "modem:<device id>" for an eSIM that reports no EID (the id lib/native/event-records.ts gives
// it). The watcher runs on Windows' threads; the lookup ends like an asynchronous operation, so
// the glue treats both alike (AsyncWork).
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include "../core/async-work.h"
#include "../core/event-registration.h"
#include "../core/srw-mutex.h"

namespace wmbb {

class EsimLookup final : public AsyncWork, public std::enable_shared_from_this<EsimLookup> {
 public:
  /** Completed with the eSIM, or with a null result when none has the id. */
  using End = AsyncEnd<abi_netops::IESim>;
  using OnEnd = std::function<void(End)>;

  /** The call of the failure `onEnd` receives when TryCreateESimWatcher() returns null (the
   *  process may not manage eSIMs); compare the pointer. */
  static constexpr char kNoWatcher[] = "ESimManager.TryCreateESimWatcher (null)";

  /**
   * Starts a watcher looking for `id`, on the MTA thread. When TryCreateESimWatcher() returns
   * null, `onEnd` receives a failure whose call is kNoWatcher, now, and `*out` stays null.
   */
  static Status Start(std::u16string id, OnEnd onEnd, std::shared_ptr<EsimLookup>* out);

  ~EsimLookup() override;

  /** Ends the lookup as Canceled, now. */
  Status Cancel() override;

  /** Stops the watcher, unsubscribes and releases it. Not from inside a watcher event. */
  void Close() override;

 private:
  class AddedHandler;
  class EndHandler;

  EsimLookup(std::u16string id, OnEnd onEnd);
  Status Subscribe();
  /** An eSIM arrived: keep it if it is the one. Watcher thread. */
  void Consider(abi_netops::IESim* esim);
  /** Delivers the end once. */
  void Finish(End end);

  const std::u16string id_;
  const OnEnd onEnd_;
  SrwMutex mutex_;
  ComPtr<abi_netops::IESimWatcher> watcher_;
  ComPtr<abi_netops::IESim> found_;
  bool ended_ = false;
  EventRegistration<abi_netops::IESimWatcher> added_;
  EventRegistration<abi_netops::IESimWatcher> enumerationCompleted_;
  EventRegistration<abi_netops::IESimWatcher> stopped_;
};

}  // namespace wmbb
