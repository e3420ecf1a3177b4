// The USSD capability's export table (`addon.ussd`, typed in lib/native/addon-types.ts):
//
//   open(networkAccountId): NativeOperation<NativeUssdSessionRef>
//     UssdSession.CreateFromNetworkAccountId; rejects with its HRESULT
//   NativeUssdSessionRef.send(text):
//       NativeOperation<{ resultCode: number, message: string | null }>
//     UssdMessage(text) → SendMessageAndGetReplyAsync → UssdReply.ResultCode and
//     Message.PayloadAsText (null without a message); cancel() is IAsyncInfo.Cancel
//   NativeUssdSessionRef.close(): NativeOperation<void>
//     UssdSession.Close, then the release; the ref holds nothing afterwards (a second close
//     resolves at once, a send after it throws RO_E_CLOSED)
//
// UssdSession is [Threading(MTA)]: the ref holds it as an MtaObject (core/mta-object.h), so it
// is created, called and released on the addon's MTA thread only, never inside a completion
// (winrt/ussd/ussd-session.h). Garbage collection of the ref and the environment's teardown
// close and release the session there too.
#pragma once

#include <napi.h>

#include <memory>

#include "../core/js-operation.h"
#include "../esim/esim-refs.h"

namespace wmbb {

class UssdExports {
 public:
  Napi::Object Define(Napi::Env env);
  /** Environment teardown: abandon pending sends (Windows cancels them), then close and
   *  release every session, each on the MTA thread. */
  void Close() {
    operations_->AbandonAll();
    refs_->ReleaseAll();
  }

  /** The registries the session refs of this environment use. */
  const std::shared_ptr<OperationRegistry>& operations() const { return operations_; }
  const std::shared_ptr<RefRegistry>& refs() const { return refs_; }

 private:
  static Napi::Value Open(const Napi::CallbackInfo& info);

  std::shared_ptr<OperationRegistry> operations_ = std::make_shared<OperationRegistry>();
  // ComRef and RefRegistry are the eSIM refs' (esim-refs.h): the same release on teardown.
  std::shared_ptr<RefRegistry> refs_ = std::make_shared<RefRegistry>();
  Napi::FunctionReference sessionClass_;
};

}  // namespace wmbb
