#include "provisioning-exports.h"

#include <string>

#include "../../winrt/provisioning/provisioning-apply.h"
#include "../core/js-errors.h"
#include "../esim/esim-refs.h"

namespace wmbb {
namespace {

constexpr const char* kExpected =
    "(document: string, networkAccountId: string | null, ownerWindow: bigint | null)";

ProvisioningExports* Self(const Napi::CallbackInfo& info) {
  return static_cast<ProvisioningExports*>(info.Data());
}

/** Overwrites a copy of the document (it may hold passwords) before its memory is freed. */
void Wipe(std::u16string& text) {
  if (!text.empty()) SecureZeroMemory(&text[0], text.size() * sizeof(char16_t));
  text.clear();
}

/** The request the MTA thread runs; wiped when the task that holds it goes. */
struct WipedRequest {
  ProvisioningApplyRequest request;
  ~WipedRequest() { Wipe(request.document); }
};

void Settle(Napi::Env env, Napi::Promise::Deferred& deferred, ProvisioningApplyEnd& end) {
  switch (end.kind) {
    case AsyncEndKind::Completed: {
      Napi::Object result = Napi::Object::New(env);
      result.Set("allElementsProvisioned", end.allElementsProvisioned);
      result.Set("resultsXml", Napi::String::New(env, end.resultsXml));
      result.Set("ownerWindow", static_cast<int32_t>(end.ownerWindow));
      deferred.Resolve(result);
      break;
    }
    case AsyncEndKind::Canceled:
      deferred.Reject(CanceledError(env, "ProvisioningAgent.ProvisionFromXmlDocumentAsync").Value());
      break;
    case AsyncEndKind::Failed:
      deferred.Reject(WinRtError(env, end.failure).Value());
      break;
  }
}

}  // namespace

Napi::Object ProvisioningExports::Define(Napi::Env env) {
  Napi::Object table = Napi::Object::New(env);
  table.Set("apply", Napi::Function::New(env, Apply, "apply", this));
  return table;
}

Napi::Value ProvisioningExports::Apply(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 3 || !info[0].IsString() || !(info[1].IsString() || info[1].IsNull()) ||
      !(info[2].IsBigInt() || info[2].IsNull())) {
    ThrowTypeError(env, "apply", kExpected);
  }
  auto held = std::make_shared<WipedRequest>();
  ProvisioningApplyRequest& request = held->request;
  if (info[1].IsString()) {
    request.networkAccountId = info[1].As<Napi::String>().Utf16Value();
    request.hasNetworkAccountId = true;
  }
  if (info[2].IsBigInt()) {
    bool lossless = false;
    request.ownerWindow = info[2].As<Napi::BigInt>().Uint64Value(&lossless);
    // A negative or wider value is no window handle (the TypeScript side checks it first).
    if (!lossless || request.ownerWindow == 0) ThrowTypeError(env, "apply", kExpected);
  }
  request.document = info[0].As<Napi::String>().Utf16Value();
  using Operation = JsOperation<ProvisioningApplyEnd>;
  return Operation::Start(
      env, Self(info)->operations_,
      [held](Operation::EndSink onEnd, Operation::ProgressSink, std::shared_ptr<AsyncWork>* work) {
        Status started = ApplyProvisioningDocument(held->request, std::move(onEnd), work);
        // Windows has its own copy now (or never will): this one goes at once.
        Wipe(held->request.document);
        return started;
      },
      Settle);
}

}  // namespace wmbb
