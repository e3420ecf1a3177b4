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

EsimExports* Self(const Napi::CallbackInfo& info) { return static_cast<EsimExports*>(info.Data()); }

}  // namespace

Napi::Object EsimExports::Define(Napi::Env env) {
  refs_.DefineClasses(env);
  watcherClass_ = Napi::Persistent(WatchObject<EsimWatcher>::DefineClass(env, "NativeEsimWatcher"));
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
  EsimExports* self = Self(info);
  return StartWatchCreation<EsimWatcher>(
      info, "createWatcher", self->refs_.operations, self->watchers_, &self->watcherClass_,
      [](std::shared_ptr<RecordQueue> queue, std::unique_ptr<EsimWatcher>* out) -> Status {
        ComPtr<abi_netops::IESimWatcher> watcher;
        if (auto failure = TryCreateEsimWatcher(&watcher)) return failure;
        // Null: the process lacks the eSIM capability; the promise resolves null.
        if (!watcher) return std::nullopt;
        return EsimWatcher::Create(Take(watcher), std::move(queue), out);
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
