#include "diagnostics-exports.h"

#include "../../winrt/tethering-diagnostics/diagnostics-read.h"
#include "../core/js-errors.h"
#include "../esim/esim-refs.h"

namespace wmbb {
namespace {

TetheringDiagnosticsExports* Self(const Napi::CallbackInfo& info) {
  return static_cast<TetheringDiagnosticsExports*>(info.Data());
}

void Settle(Napi::Env env, Napi::Promise::Deferred& deferred, TetheringDiagnosticsEnd& end) {
  switch (end.kind) {
    case AsyncEndKind::Completed: {
      Napi::Object result = Napi::Object::New(env);
      result.Set("mobileHotspotService", static_cast<int32_t>(end.mobileHotspotService));
      result.Set("wlanService", static_cast<int32_t>(end.wlanService));
      result.Set("wifiRadio", static_cast<int32_t>(end.wifiRadio));
      result.Set("wifiRadioError", static_cast<int32_t>(end.wifiRadioError));
      result.Set("internetProfile", end.internetProfile);
      Napi::Array policies = Napi::Array::New(env, end.blockingPolicies.size());
      for (uint32_t i = 0; i < end.blockingPolicies.size(); ++i)
        policies.Set(i, end.blockingPolicies[i]);
      result.Set("blockingPolicies", policies);
      deferred.Resolve(result);
      break;
    }
    case AsyncEndKind::Canceled:
      deferred.Reject(CanceledError(env, "Radio.GetRadiosAsync").Value());
      break;
    case AsyncEndKind::Failed:
      deferred.Reject(WinRtError(env, end.failure).Value());
      break;
  }
}

}  // namespace

Napi::Object TetheringDiagnosticsExports::Define(Napi::Env env) {
  Napi::Object table = Napi::Object::New(env);
  table.Set("read", Napi::Function::New(env, Read, "read", this));
  return table;
}

Napi::Value TetheringDiagnosticsExports::Read(const Napi::CallbackInfo& info) {
  using Operation = JsOperation<TetheringDiagnosticsEnd>;
  return Operation::Start(
      info.Env(), Self(info)->operations_,
      [](Operation::EndSink onEnd, Operation::ProgressSink, std::shared_ptr<AsyncWork>* work) {
        return ReadTetheringDiagnostics(std::move(onEnd), work);
      },
      Settle);
}

}  // namespace wmbb
