#include "esim-watcher-object.h"

#include "../../winrt/core/mta-thread.h"
#include "../core/js-errors.h"

namespace wmbb {

void WatcherRegistry::CloseAll() {
  // CloseNow() removes the watcher from the set: iterate over a copy.
  const std::set<EsimWatcherObject*> watchers = watchers_;
  for (EsimWatcherObject* watcher : watchers) watcher->CloseNow();
}

Napi::Function EsimWatcherObject::DefineClass(Napi::Env env) {
  return ObjectWrap<EsimWatcherObject>::DefineClass(
      env, "NativeEsimWatcher",
      {
          InstanceMethod<&EsimWatcherObject::Start>("start"),
          InstanceMethod<&EsimWatcherObject::Stop>("stop"),
          InstanceMethod<&EsimWatcherObject::Close>("close"),
          InstanceMethod<&EsimWatcherObject::Discarded>("discarded"),
      });
}

EsimWatcherObject::EsimWatcherObject(const Napi::CallbackInfo& info)
    : Napi::ObjectWrap<EsimWatcherObject>(info) {}

EsimWatcherObject::~EsimWatcherObject() { CloseNow(); }

void EsimWatcherObject::Attach(std::shared_ptr<RecordDelivery> delivery,
                               std::shared_ptr<EsimWatcherCell> cell,
                               std::shared_ptr<WatcherRegistry> registry,
                               std::shared_ptr<OperationRegistry> operations) {
  delivery_ = std::move(delivery);
  cell_ = std::move(cell);
  cell_->claimed = true;
  registry_ = std::move(registry);
  operations_ = std::move(operations);
  registry_->Add(this);
}

void EsimWatcherObject::CloseNow() {
  // The queue first (nothing more reaches JS), then Windows, on its thread: stop if running,
  // unsubscribe, release.
  if (delivery_) delivery_->Close();
  if (cell_) {
    MtaThread::Post([cell = std::move(cell_)] { cell->watcher.reset(); });
    cell_.reset();
  }
  if (registry_) registry_->Remove(this);
  registry_.reset();
}

Napi::Value EsimWatcherObject::Start(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!cell_) throw WinRtError(env, Failure{RO_E_CLOSED, "ESimWatcher.Start"});
  return StartMtaCall<CallEnd>(
      env, operations_,
      [cell = cell_] {
        if (!cell->watcher) return FailedEnd<CallEnd>(Failure{RO_E_CLOSED, "ESimWatcher.Start"});
        if (auto failure = cell->watcher->Start()) return FailedEnd<CallEnd>(*failure);
        return CallEnd::Done();
      },
      SettleCallEnd);
}

Napi::Value EsimWatcherObject::Stop(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!cell_) throw WinRtError(env, Failure{RO_E_CLOSED, "ESimWatcher.Stop"});
  std::shared_ptr<RecordQueue> queue = delivery_->queue();
  // Windows answers with the Stopped event; a failure to stop ends the watch all the same, so
  // that the JS side never waits for a Stopped that will not come.
  Status posted = MtaThread::Post([cell = cell_, queue] {
    Status failure = cell->watcher ? cell->watcher->Stop()
                                   : Status(Failure{RO_E_CLOSED, "ESimWatcher.Stop"});
    if (failure) {
      queue->AppendError(*failure);
      queue->AppendControl(RecordKind::Stopped);
    }
  });
  if (posted) throw WinRtError(env, *posted);
  return env.Undefined();
}

Napi::Value EsimWatcherObject::Close(const Napi::CallbackInfo& info) {
  CloseNow();
  return info.Env().Undefined();
}

Napi::Value EsimWatcherObject::Discarded(const Napi::CallbackInfo& info) {
  const uint64_t discarded = delivery_ ? delivery_->queue()->TotalDiscarded() : 0;
  return Napi::Number::New(info.Env(), static_cast<double>(discarded));
}

}  // namespace wmbb
