// The JS object for one ESimWatcher: start() (an operation), stop(), close(), discarded().
// Events arrive in batches through the callback given to createWatcher (core/record-delivery.h).
//
// The Windows watcher lives in an EsimWatcherCell that only the MTA thread touches: start, stop
// and close are tasks posted there; the JS object holds the cell and the delivery.
#pragma once

#include <napi.h>

#include <atomic>
#include <memory>
#include <set>

#include "../../winrt/esim/esim-watcher.h"
#include "../core/js-operation.h"
#include "../core/record-delivery.h"

namespace wmbb {

class EsimWatcherObject;

/** The Windows side of one watcher. `watcher` is made, used and released on the MTA thread. */
struct EsimWatcherCell {
  std::unique_ptr<EsimWatcher> watcher;
  /** Set on the JS thread once a JS object owns the cell (createWatcher's settle). */
  std::atomic<bool> claimed{false};
};

/** The watchers of one environment, closed together when it tears down (worker exit). */
class WatcherRegistry {
 public:
  void Add(EsimWatcherObject* watcher) { watchers_.insert(watcher); }
  void Remove(EsimWatcherObject* watcher) { watchers_.erase(watcher); }
  void CloseAll();

 private:
  std::set<EsimWatcherObject*> watchers_;
};

class EsimWatcherObject : public Napi::ObjectWrap<EsimWatcherObject> {
 public:
  static Napi::Function DefineClass(Napi::Env env);

  /** JS: not constructible by users; made by createWatcher() once Windows made the watcher. */
  explicit EsimWatcherObject(const Napi::CallbackInfo& info);
  ~EsimWatcherObject() override;

  void Attach(std::shared_ptr<RecordDelivery> delivery, std::shared_ptr<EsimWatcherCell> cell,
              std::shared_ptr<WatcherRegistry> registry,
              std::shared_ptr<OperationRegistry> operations);

  /** Stops delivery and has the MTA thread close the watcher; any time, any number of times.
   *  JS thread. */
  void CloseNow();

 private:
  Napi::Value Start(const Napi::CallbackInfo& info);
  Napi::Value Stop(const Napi::CallbackInfo& info);
  Napi::Value Close(const Napi::CallbackInfo& info);
  Napi::Value Discarded(const Napi::CallbackInfo& info);

  std::shared_ptr<RecordDelivery> delivery_;
  std::shared_ptr<EsimWatcherCell> cell_;
  std::shared_ptr<WatcherRegistry> registry_;
  std::shared_ptr<OperationRegistry> operations_;
};

}  // namespace wmbb
