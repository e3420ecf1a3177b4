// The core export table (`addon.core`, typed in lib/native/addon-types.ts):
//
//   flush(): NativeOperation<void>
//     settles once the MTA thread has run every task posted before it: the releases of
//     close() calls included. NativeBackend.close() awaits it, so "closed" means released.
//   openUri(uri): NativeOperation<void>
//     ShellExecuteEx(uri, "open") on a thread of its own (winrt/core/open-uri.h); rejects when
//     no handler takes the scheme
#pragma once

#include <napi.h>

#include <memory>

#include "js-operation.h"

namespace wmbb {

class CoreExports {
 public:
  Napi::Object Define(Napi::Env env);
  /** Environment teardown: abandon what is pending. */
  void Close() { operations_->AbandonAll(); }

 private:
  static Napi::Value Flush(const Napi::CallbackInfo& info);
  static Napi::Value OpenUri(const Napi::CallbackInfo& info);

  std::shared_ptr<OperationRegistry> operations_ = std::make_shared<OperationRegistry>();
};

}  // namespace wmbb
