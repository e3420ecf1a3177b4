// The operator capability's export table (`addon.operator`, typed in lib/native/addon-types.ts):
//
//   hasPackageIdentity(): boolean
//     GetCurrentPackageFullName is not APPMODEL_ERROR_NO_PACKAGE (15700) (winrt/core/
//     package-identity.h); no COM, no wait; any other failure throws with its HRESULT
//   serve(onBatch, maxBatch, maxQueued): NativeOperation<NativeOperatorServer>
//     registers CLSID_OperatorEvents on the MTA thread (winrt/operator/operator-events.h); each
//     Notify/CheckEntitlement reaches onBatch as an OperatorEvent record (kind 0x201: check id,
//     blob). Rejects with CO_E_OBJISREG when this process serves the class already.
//
//   NativeOperatorServer:
//     answer(checkId, answer: string | null): boolean
//       the waiting CheckEntitlement returns `answer` (null: VT_EMPTY); false when no call
//       waits for that id (answered, past its deadline, closed)
//     close(): NativeOperation<void>
//       refuses further calls and releases every waiting one with VT_EMPTY at once, then
//       revokes the class on the MTA thread; settles once revoked
//     discarded(): number    Notify records lost to the bounded queue
#pragma once

#include <napi.h>

#include <memory>

#include "../core/js-operation.h"
#include "../core/watch-object.h"

namespace wmbb {

class OperatorExports {
 public:
  Napi::Object Define(Napi::Env env);
  /** Environment teardown: revoke the class, release waiting callers, abandon what is pending. */
  void Close() {
    servers_->CloseAll();
    operations_->AbandonAll();
  }

 private:
  static Napi::Value HasPackageIdentity(const Napi::CallbackInfo& info);
  static Napi::Value Serve(const Napi::CallbackInfo& info);

  std::shared_ptr<OperationRegistry> operations_ = std::make_shared<OperationRegistry>();
  // The servers of this environment (ClosableWatch: closed together at teardown).
  std::shared_ptr<WatchRegistry> servers_ = std::make_shared<WatchRegistry>();
  Napi::FunctionReference serverClass_;
};

}  // namespace wmbb
