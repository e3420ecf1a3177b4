// The operator-tasks capability's export table (`addon.operatorTasks`, typed in
// lib/native/addon-types.ts as NativeOperatorTasksExports):
//
//   requestAccess(): NativeOperation<number>             BackgroundExecutionManager.RequestAccessAsync
//   list(namePrefix): NativeOperation<NativeOperatorTask[]>
//   unregister(names): NativeOperation<number>
//   register(name, entryPoint, trigger, networkAccountId): NativeOperation<NativeOperatorTask>
//
// Every Windows call happens on the addon's MTA thread (winrt/operator-tasks); each export
// returns at once. The order of the calls (identity, access, replace, register) is the
// TypeScript side's (lib/native/native-operator-tasks.ts).
#pragma once

#include <napi.h>

#include <memory>

#include "../core/js-operation.h"

namespace wmbb {

class OperatorTasksExports {
 public:
  Napi::Object Define(Napi::Env env);
  /** Environment teardown: abandon what is pending. */
  void Close() { operations_->AbandonAll(); }

 private:
  static Napi::Value RequestAccess(const Napi::CallbackInfo& info);
  static Napi::Value List(const Napi::CallbackInfo& info);
  static Napi::Value Unregister(const Napi::CallbackInfo& info);
  static Napi::Value Register(const Napi::CallbackInfo& info);

  std::shared_ptr<OperationRegistry> operations_ = std::make_shared<OperationRegistry>();
};

}  // namespace wmbb
