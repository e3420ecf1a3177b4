// The addon's entry point. Context-aware: every environment (main thread, each worker thread)
// gets its own instance, and an environment's watchers are closed when it tears down.
//
// Exports (typed in lib/native/addon-types.ts, which must match):
//   esimServiceInfo(): { authenticationPreference: number, isEsimUiEnabled: boolean }
//   createEsimWatcher(onBatch, maxBatch, maxQueued): NativeEsimWatcher | null
//     null when TryCreateESimWatcher() returns null (the process lacks the eSIM capability).
// Failures throw an Error with `hresult` and `call` (js-errors.h).
#include <napi.h>

#include "../winrt/esim-manager.h"
#include "esim-watcher-object.h"
#include "js-errors.h"

namespace wmbb {

class Addon : public Napi::Addon<Addon> {
 public:
  Addon(Napi::Env env, Napi::Object exports) : registry_(std::make_shared<WatcherRegistry>()) {
    watcherClass_ = Napi::Persistent(EsimWatcherObject::DefineClass(env));
    DefineAddon(exports, {
                             InstanceMethod<&Addon::EsimServiceInfo>("esimServiceInfo"),
                             InstanceMethod<&Addon::CreateEsimWatcher>("createEsimWatcher"),
                         });
    // Before the environment's thread-safe functions are torn down: unsubscribe from Windows.
    env.AddCleanupHook([registry = registry_] { registry->CloseAll(); });
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

  std::shared_ptr<WatcherRegistry> registry_;
  Napi::FunctionReference watcherClass_;
};

}  // namespace wmbb

using WindowsMobileBroadbandAddon = wmbb::Addon;
NODE_API_ADDON(WindowsMobileBroadbandAddon)
