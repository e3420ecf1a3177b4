#include "core-exports.h"

#include <string>

#include "../../winrt/core/open-uri.h"
#include "js-errors.h"

namespace wmbb {

Napi::Object CoreExports::Define(Napi::Env env) {
  Napi::Object table = Napi::Object::New(env);
  table.Set("flush", Napi::Function::New(env, Flush, "flush", this));
  table.Set("openUri", Napi::Function::New(env, OpenUri, "openUri", this));
  return table;
}

Napi::Value CoreExports::Flush(const Napi::CallbackInfo& info) {
  auto* self = static_cast<CoreExports*>(info.Data());
  // Tasks run in order: by the time this one runs, every earlier one has.
  return StartMtaCall<CallEnd>(info.Env(), self->operations_, [] { return CallEnd::Done(); },
                               SettleCallEnd);
}

Napi::Value CoreExports::OpenUri(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1 || !info[0].IsString()) ThrowTypeError(env, "openUri", "(uri: string)");
  auto* self = static_cast<CoreExports*>(info.Data());
  // An activation code in the URI is a secret: it lives in this string only, and no error
  // repeats it (failures name the call, not the URI).
  std::u16string uri = info[0].As<Napi::String>().Utf16Value();
  using Launch = JsOperation<CallEnd>;
  return Launch::Start(
      env, self->operations_,
      [uri = std::move(uri)](Launch::EndSink onEnd, Launch::ProgressSink,
                             std::shared_ptr<AsyncWork>* work) -> Status {
        if (auto failure = wmbb::OpenUri(uri, [onEnd](Status failure) {
              onEnd(failure ? FailedEnd<CallEnd>(*failure) : CallEnd::Done());
            })) {
          return failure;
        }
        // Started: the end comes from the launch's own thread.
        *work = std::make_shared<UncancellableWork>();
        return std::nullopt;
      },
      SettleCallEnd);
}

}  // namespace wmbb
