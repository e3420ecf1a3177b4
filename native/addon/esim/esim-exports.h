// The eSIM capability's export table (`addon.esim`, typed in lib/native/addon-types.ts):
//
//   serviceInfo(): NativeOperation<{ authenticationPreference: number, isEsimUiEnabled: boolean }>
//   createWatcher(onBatch, maxBatch, maxQueued): NativeOperation<NativeEsimWatcher | null>
//     null when TryCreateESimWatcher() returns null (the process lacks the eSIM capability).
//   findEsim(id): NativeOperation<NativeEsimRef | null | false>
//     a watcher run to EnumerationCompleted: the eSIM, null when none has the id, false when
//     TryCreateESimWatcher() returns null. The eSIM's operations are methods of the ref
//     (esim-refs.h).
//
// Every Windows call happens on the addon's MTA thread; each export returns at once.
#pragma once

#include <napi.h>

#include <memory>

#include "../core/js-operation.h"
#include "esim-refs.h"
#include "../../winrt/esim/esim-watcher.h"
#include "../core/watch-object.h"

namespace wmbb {

/** The eSIM part of one environment: its registries and JS classes. */
class EsimExports {
 public:
  /** Defines the classes and returns the export table. */
  Napi::Object Define(Napi::Env env);

  /** Environment teardown: close watchers, abandon operations, release every object. */
  void Close();

 private:
  static Napi::Value ServiceInfo(const Napi::CallbackInfo& info);
  static Napi::Value CreateWatcher(const Napi::CallbackInfo& info);
  static Napi::Value FindEsim(const Napi::CallbackInfo& info);

  EsimRefContext refs_;
  std::shared_ptr<WatchRegistry> watchers_ = std::make_shared<WatchRegistry>();
  Napi::FunctionReference watcherClass_;
};

}  // namespace wmbb
