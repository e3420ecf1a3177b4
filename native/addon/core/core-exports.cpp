#include "core-exports.h"

namespace wmbb {

Napi::Object CoreExports::Define(Napi::Env env) {
  Napi::Object table = Napi::Object::New(env);
  table.Set("flush", Napi::Function::New(env, Flush, "flush", this));
  return table;
}

Napi::Value CoreExports::Flush(const Napi::CallbackInfo& info) {
  auto* self = static_cast<CoreExports*>(info.Data());
  // Tasks run in order: by the time this one runs, every earlier one has.
  return StartMtaCall<CallEnd>(info.Env(), self->operations_, [] { return CallEnd::Done(); },
                               SettleCallEnd);
}

}  // namespace wmbb
