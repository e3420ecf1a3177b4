// The JS object for one ESimWatcher: start(), stop(), close(). Events arrive in batches through
// the callback given at creation (see record-delivery.h).
#pragma once

#include <napi.h>

#include <memory>
#include <set>

#include "../winrt/esim-watcher.h"
#include "record-delivery.h"

namespace wmbb {

class EsimWatcherObject;

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

  /** JS: new (onBatch, maxBatch, maxQueued). Not exported: made by createEsimWatcher(). */
  explicit EsimWatcherObject(const Napi::CallbackInfo& info);
  ~EsimWatcherObject() override;

  /** Attaches the Windows watcher (subscribing its events) and the registry. */
  void Attach(ComPtr<abi_netops::IESimWatcher> watcher, std::shared_ptr<WatcherRegistry> registry);

  /** Releases everything; safe at any time, any number of times. JS thread. */
  void CloseNow();

 private:
  Napi::Value Start(const Napi::CallbackInfo& info);
  Napi::Value Stop(const Napi::CallbackInfo& info);
  Napi::Value Close(const Napi::CallbackInfo& info);
  Napi::Value Discarded(const Napi::CallbackInfo& info);

  std::unique_ptr<RecordDelivery> delivery_;
  std::unique_ptr<EsimWatcher> watcher_;
  std::shared_ptr<WatcherRegistry> registry_;
};

}  // namespace wmbb
