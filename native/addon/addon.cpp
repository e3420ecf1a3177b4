// The addon's entry point. Context-aware: every environment (main thread, each worker thread)
// gets its own instance, and an environment's watchers are closed when it tears down.
//
// Exports (typed in lib/native/addon-types.ts, which must match):
//   esimServiceInfo(): { authenticationPreference: number, isEsimUiEnabled: boolean }
//   createEsimWatcher(onBatch, maxBatch, maxQueued): NativeEsimWatcher | null
//     null when TryCreateESimWatcher() returns null (the process lacks the eSIM capability).
//   findEsim(id): { promise: Promise<NativeEsimRef | null>, cancel, abandon } | null
//     a watcher run to EnumerationCompleted; null when TryCreateESimWatcher() returns null.
//     The eSIM's operations are methods of the ref (esim-refs.h).
// Failures throw an Error with `hresult` and `call` (js-errors.h).
#include <napi.h>

#include <string>

#include "../winrt/esim-lookup.h"
#include "../winrt/esim-manager.h"
#include "esim-refs.h"
#include "esim-watcher-object.h"
#include "js-errors.h"
#include "js-operation.h"

namespace wmbb {

class Addon : public Napi::Addon<Addon> {
 public:
  Addon(Napi::Env env, Napi::Object exports)
      : registry_(std::make_shared<WatcherRegistry>()), refs_(std::make_unique<EsimRefContext>()) {
    watcherClass_ = Napi::Persistent(EsimWatcherObject::DefineClass(env));
    refs_->DefineClasses(env);
    DefineAddon(exports, {
                             InstanceMethod<&Addon::EsimServiceInfo>("esimServiceInfo"),
                             InstanceMethod<&Addon::CreateEsimWatcher>("createEsimWatcher"),
                             InstanceMethod<&Addon::FindEsim>("findEsim"),
                         });
    // Before the environment's thread-safe functions are torn down: unsubscribe from Windows,
    // abandon pending operations (Windows cancels them; they are closed when they end) and
    // release every Windows object still held.
    env.AddCleanupHook([registry = registry_, operations = refs_->operations,
                        refs = refs_->refs] {
      registry->CloseAll();
      operations->AbandonAll();
      refs->ReleaseAll();
    });
  }

 private:
  Napi::Value EsimServiceInfo(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    EsimServiceInfoValues values;
    if (auto failure = ReadEsimServiceInfo(&values)) throw WinRtError(env, *failure);
    Napi::Object result = Napi::Object::New(env);
    result.Set("authenticationPreference", values.authenticationPreference);
    result.Set("isEsimUiEnabled", values.isEsimUiEnabled);
    return result;
  }

  Napi::Value CreateEsimWatcher(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    if (info.Length() < 3 || !info[0].IsFunction() || !info[1].IsNumber() || !info[2].IsNumber()) {
      ThrowTypeError(env, "createEsimWatcher",
                     "(onBatch: function, maxBatch: number, maxQueued: number)");
    }
    ComPtr<abi_netops::IESimWatcher> watcher;
    if (auto failure = TryCreateEsimWatcher(&watcher)) throw WinRtError(env, *failure);
    if (!watcher) return env.Null();
    Napi::Object object = watcherClass_.New({info[0], info[1], info[2]});
    EsimWatcherObject::Unwrap(object)->Attach(std::move(watcher), registry_);
    return object;
  }

  Napi::Value FindEsim(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    if (info.Length() < 1 || !info[0].IsString()) ThrowTypeError(env, "findEsim", "(id: string)");
    std::u16string id = info[0].As<Napi::String>().Utf16Value();
    EsimRefContext* context = refs_.get();
    using Lookup = JsOperation<EsimLookup::End>;
    Napi::Object operation = Lookup::Start(
        env, context->operations,
        [&id](Lookup::EndSink onEnd, Lookup::ProgressSink, std::shared_ptr<AsyncWork>* work) {
          std::shared_ptr<EsimLookup> lookup;
          Status failure = EsimLookup::Start(std::move(id), std::move(onEnd), &lookup);
          *work = std::move(lookup);
          return failure;
        },
        [context](Napi::Env env, Napi::Promise::Deferred& deferred, EsimLookup::End& end) {
          switch (end.kind) {
            case AsyncEndKind::Completed:
              deferred.Resolve(end.result ? Napi::Value(context->NewEsim(std::move(end.result)))
                                          : env.Null());
              break;
            case AsyncEndKind::Canceled:
              deferred.Reject(CanceledError(env, "ESimWatcher").Value());
              break;
            case AsyncEndKind::Failed:
              deferred.Reject(WinRtError(env, end.failure).Value());
              break;
          }
        });
    if (operation.IsEmpty()) return env.Null();
    return operation;
  }

  std::shared_ptr<WatcherRegistry> registry_;
  Napi::FunctionReference watcherClass_;
  std::unique_ptr<EsimRefContext> refs_;
};

}  // namespace wmbb

using WindowsMobileBroadbandAddon = wmbb::Addon;
NODE_API_ADDON(WindowsMobileBroadbandAddon)
