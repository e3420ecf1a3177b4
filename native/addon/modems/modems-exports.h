// The modems capability's export table (`addon.modems`, typed in lib/native/addon-types.ts):
//
//   accounts(): NativeOperation<{ words: Int32Array, text: string }>
//     one account record per mobile broadband account (winrt/modems/account-records.h), and an
//     Error record for an account that went away while it was read
//   account(networkAccountId): NativeOperation<{ words: Int32Array, text: string }>
//     that account's record; rejects with the HRESULT of CreateFromNetworkAccountId when the
//     id is unknown
//
// Every Windows call happens on the addon's MTA thread (MobileBroadbandAccount is not agile:
// made, read and released there); each export returns at once.
#pragma once

#include <napi.h>

#include <memory>

#include "../core/js-operation.h"

namespace wmbb {

class ModemsExports {
 public:
  Napi::Object Define(Napi::Env env);
  /** Environment teardown: abandon what is pending. */
  void Close() { operations_->AbandonAll(); }

 private:
  static Napi::Value Accounts(const Napi::CallbackInfo& info);
  static Napi::Value Account(const Napi::CallbackInfo& info);

  std::shared_ptr<OperationRegistry> operations_ = std::make_shared<OperationRegistry>();
};

}  // namespace wmbb
