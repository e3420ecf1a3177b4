#include "js-operation.h"

namespace wmbb {

void OperationRegistry::AbandonAll() {
  // Abandon() removes the side from the set: iterate over a copy.
  const std::set<JsOperationSide*> sides = sides_;
  for (JsOperationSide* side : sides) side->Abandon();
}

void SettleCallEnd(Napi::Env env, Napi::Promise::Deferred& deferred, CallEnd& end) {
  if (end.kind == AsyncEndKind::Completed) {
    deferred.Resolve(env.Undefined());
  } else {
    deferred.Reject(WinRtError(env, end.failure).Value());
  }
}

}  // namespace wmbb
