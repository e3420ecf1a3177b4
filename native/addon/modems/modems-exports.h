// The modems capability's export table (`addon.modems`, typed in lib/native/addon-types.ts):
//
//   accounts(): NativeOperation<{ words: Int32Array, text: string }>
//     one account record per mobile broadband account (winrt/modems/account-records.h), and an
//     Error record for an account that went away while it was read
//   account(networkAccountId): NativeOperation<{ words: Int32Array, text: string }>
//     that account's record; rejects with the HRESULT of CreateFromNetworkAccountId when the
//     id is unknown
//   createWatcher(onBatch, maxBatch, maxQueued): NativeOperation<NativeModemsWatcher>
//     the MobileBroadbandAccountWatcher and NetworkStatusChanged, subscribed and ready to start
//     (winrt/modems/modems-watch.h): what derived notifications are made from
//
// Every Windows call happens on the addon's MTA thread (MobileBroadbandAccount is not agile:
// made, read and released there); each export returns at once.
#pragma once

#include <napi.h>

#include <memory>

#include "../core/js-operation.h"
#include "../core/watch-object.h"

namespace wmbb {

class ModemsExports {
 public:
  Napi::Object Define(Napi::Env env);
  /** Environment teardown: close the watchers, abandon what is pending. */
  void Close() {
    watches_->CloseAll();
    operations_->AbandonAll();
  }

 private:
  static Napi::Value Accounts(const Napi::CallbackInfo& info);
  static Napi::Value Account(const Napi::CallbackInfo& info);
  static Napi::Value CreateWatcher(const Napi::CallbackInfo& info);

  std::shared_ptr<OperationRegistry> operations_ = std::make_shared<OperationRegistry>();
  std::shared_ptr<WatchRegistry> watches_ = std::make_shared<WatchRegistry>();
  Napi::FunctionReference watchClass_;
};

}  // namespace wmbb
