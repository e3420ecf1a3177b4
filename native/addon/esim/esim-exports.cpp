#include "esim-exports.h"

#include "../../winrt/esim/esim-lookup.h"
#include "../../winrt/esim/esim-manager.h"
#include "../core/js-errors.h"

namespace wmbb {
namespace {

struct ServiceInfoEnd {
  AsyncEndKind kind = AsyncEndKind::Failed;
  EsimServiceInfoValues values;
  Failure failure{E_FAIL, ""};
};

/** createWatcher's end: whether Windows gave a watcher (subscribed into the cell). */
struct WatcherEnd {
  AsyncEndKind kind = AsyncEndKind::Failed;
  bool available = false;
  Failure failure{E_FAIL, ""};
};

/** Closes a watcher that no JS object claimed (the environment went away first). */
class UnclaimedWatcher final : public AsyncWork {
 public:
  explicit UnclaimedWatcher(std::shared_ptr<EsimWatcherCell> cell) : cell_(std::move(cell)) {}
  Status Cancel() override { return std::nullopt; }
  void Close() override {
    if (!cell_->claimed) cell_->watcher.reset();
  }

 private:
  std::shared_ptr<EsimWatcherCell> cell_;
};

EsimExports* Self(const Napi::CallbackInfo& info) { return static_cast<EsimExports*>(info.Data()); }

}  // namespace

Napi::Object EsimExports::Define(Napi::Env env) {
  refs_.DefineClasses(env);
  watcherClass_ = Napi::Persistent(EsimWatcherObject::DefineClass(env));
  Napi::Object table = Napi::Object::New(env);
  table.Set("serviceInfo", Napi::Function::New(env, ServiceInfo, "serviceInfo", this));
  table.Set("createWatcher", Napi::Function::New(env, CreateWatcher, "createWatcher", this));
  table.Set("findEsim", Napi::Function::New(env, FindEsim, "findEsim", this));
  return table;
}

void EsimExports::Close() {
  watchers_->CloseAll();
  refs_.operations->AbandonAll();
  refs_.refs->ReleaseAll();
}

Napi::Value EsimExports::ServiceInfo(const Napi::CallbackInfo& info) {
  return StartMtaCall<ServiceInfoEnd>(
      info.Env(), Self(info)->refs_.operations,
      [] {
        ServiceInfoEnd end;
        if (auto failure = ReadEsimServiceInfo(&end.values)) {
          end.failure = *failure;
        } else {
          end.kind = AsyncEndKind::Completed;
        }
        return end;
      },
      [](Napi::Env env, Napi::Promise::Deferred& deferred, ServiceInfoEnd& end) {
        if (end.kind != AsyncEndKind::Completed) {
          deferred.Reject(WinRtError(env, end.failure).Value());
          return;
        }
        Napi::Object result = Napi::Object::New(env);
        result.Set("authenticationPreference", end.values.authenticationPreference);
        result.Set("isEsimUiEnabled", end.values.isEsimUiEnabled);
        deferred.Resolve(result);
      });
}

Napi::Value EsimExports::CreateWatcher(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 3 || !info[0].IsFunction() || !info[1].IsNumber() || !info[2].IsNumber()) {
    ThrowTypeError(env, "createWatcher",
                   "(onBatch: function, maxBatch: number, maxQueued: number)");
  }
  const int64_t maxBatch = info[1].As<Napi::Number>().Int64Value();
  const int64_t maxQueued = info[2].As<Napi::Number>().Int64Value();
  if (maxBatch < 1 || maxBatch > (1 << 24) || maxQueued < 1 || maxQueued > (1 << 24)) {
    throw Napi::RangeError::New(env, "createWatcher: maxBatch and maxQueued must be 1 to 16777216");
  }
  RecordQueue::Limits limits;
  limits.maxBatch = static_cast<uint32_t>(maxBatch);
  limits.maxQueued = static_cast<uint32_t>(maxQueued);
  // The delivery exists before Windows' watcher does, so no event can come before it.
  auto delivery = std::make_shared<RecordDelivery>(env, info[0].As<Napi::Function>(), limits);
  auto cell = std::make_shared<EsimWatcherCell>();
  std::shared_ptr<RecordQueue> queue = delivery->queue();
  EsimExports* self = Self(info);
  using Create = JsOperation<WatcherEnd>;
  return Create::Start(
      env, self->refs_.operations,
      [cell, queue](Create::EndSink onEnd, Create::ProgressSink,
                    std::shared_ptr<AsyncWork>* work) -> Status {
        ComPtr<abi_netops::IESimWatcher> watcher;
        if (auto failure = TryCreateEsimWatcher(&watcher)) return failure;
        WatcherEnd end;
        end.kind = AsyncEndKind::Completed;
        if (watcher) {
          if (auto failure = EsimWatcher::Create(Take(watcher), queue, &cell->watcher)) {
            return failure;
          }
          end.available = true;
        }
        *work = std::make_shared<UnclaimedWatcher>(cell);
        onEnd(end);
        return std::nullopt;
      },
      [self, delivery, cell](Napi::Env env, Napi::Promise::Deferred& deferred, WatcherEnd& end) {
        if (end.kind != AsyncEndKind::Completed || !end.available) {
          delivery->Close();
          if (end.kind != AsyncEndKind::Completed) {
            deferred.Reject(WinRtError(env, end.failure).Value());
          } else {
            deferred.Resolve(env.Null());
          }
          return;
        }
        Napi::Object object = self->watcherClass_.New({});
        EsimWatcherObject::Unwrap(object)->Attach(delivery, cell, self->watchers_,
                                                  self->refs_.operations);
        deferred.Resolve(object);
      });
}

Napi::Value EsimExports::FindEsim(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1 || !info[0].IsString()) ThrowTypeError(env, "findEsim", "(id: string)");
  std::u16string id = info[0].As<Napi::String>().Utf16Value();
  EsimRefContext* context = &Self(info)->refs_;
  using Lookup = JsOperation<EsimLookup::End>;
  return Lookup::Start(
      env, context->operations,
      [id](Lookup::EndSink onEnd, Lookup::ProgressSink, std::shared_ptr<AsyncWork>* work) {
        std::shared_ptr<EsimLookup> lookup;
        Status failure = EsimLookup::Start(id, std::move(onEnd), &lookup);
        *work = std::move(lookup);
        return failure;
      },
      [context](Napi::Env env, Napi::Promise::Deferred& deferred, EsimLookup::End& end) {
        switch (end.kind) {
          case AsyncEndKind::Completed:
            deferred.Resolve(end.result ? Napi::Value(context->NewEsim(end.result)) : env.Null());
            break;
          case AsyncEndKind::Canceled:
            deferred.Reject(CanceledError(env, "ESimWatcher").Value());
            break;
          case AsyncEndKind::Failed:
            if (end.failure.call == EsimLookup::kNoWatcher) {
              deferred.Resolve(Napi::Boolean::New(env, false));
            } else {
              deferred.Reject(WinRtError(env, end.failure).Value());
            }
            break;
        }
      });
}

}  // namespace wmbb
