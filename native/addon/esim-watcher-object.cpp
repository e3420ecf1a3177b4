#include "esim-watcher-object.h"

#include "js-errors.h"

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
    : Napi::ObjectWrap<EsimWatcherObject>(info) {
  Napi::Env env = info.Env();
  if (info.Length() < 3 || !info[0].IsFunction() || !info[1].IsNumber() || !info[2].IsNumber()) {
    ThrowTypeError(env, "NativeEsimWatcher", "(onBatch: function, maxBatch: number, maxQueued: number)");
  }
  const int64_t maxBatch = info[1].As<Napi::Number>().Int64Value();
  const int64_t maxQueued = info[2].As<Napi::Number>().Int64Value();
  if (maxBatch < 1 || maxBatch > (1 << 24) || maxQueued < 1 || maxQueued > (1 << 24)) {
    throw Napi::RangeError::New(env, "NativeEsimWatcher: maxBatch and maxQueued must be 1 to 16777216");
  }
  RecordQueue::Limits limits;
  limits.maxBatch = static_cast<uint32_t>(maxBatch);
  limits.maxQueued = static_cast<uint32_t>(maxQueued);
  delivery_ = std::make_unique<RecordDelivery>(env, info[0].As<Napi::Function>(), limits);
}

EsimWatcherObject::~EsimWatcherObject() { CloseNow(); }

void EsimWatcherObject::Attach(ComPtr<abi_netops::IESimWatcher> watcher,
                               std::shared_ptr<WatcherRegistry> registry) {
  registry_ = std::move(registry);
  registry_->Add(this);
  if (auto failure = EsimWatcher::Create(std::move(watcher), delivery_->queue(), &watcher_)) {
    CloseNow();
    throw WinRtError(Env(), *failure);
  }
}

void EsimWatcherObject::CloseNow() {
  // Windows first (no new events), then the queue and its thread-safe function.
  if (watcher_) watcher_->Close();
  watcher_.reset();
  if (delivery_) delivery_->Close();
  if (registry_) registry_->Remove(this);
  registry_.reset();
}

Napi::Value EsimWatcherObject::Start(const Napi::CallbackInfo& info) {
  if (!watcher_) throw WinRtError(info.Env(), Failure{RO_E_CLOSED, "ESimWatcher.Start"});
  if (auto failure = watcher_->Start()) throw WinRtError(info.Env(), *failure);
  return info.Env().Undefined();
}

Napi::Value EsimWatcherObject::Stop(const Napi::CallbackInfo& info) {
  if (!watcher_) throw WinRtError(info.Env(), Failure{RO_E_CLOSED, "ESimWatcher.Stop"});
  if (auto failure = watcher_->Stop()) throw WinRtError(info.Env(), *failure);
  return info.Env().Undefined();
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
