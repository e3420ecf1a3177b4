#include "provisioning-control-exports.h"

#include <string>

#include "../provisioning-control.h"
#include "control-exports-support.h"

namespace wmbb_test {
namespace {

using Microsoft::WRL::ComPtr;

void Check(Napi::Env env, HRESULT hr, const char* what) {
  CheckControlCall(env, hr, "provisioning control: ", what);
}

// An HSTRING owned for a call.
using Text = OwnedHString;

ComPtr<IProvisioningTestControl> Control(Napi::Env env) {
  return ControlFactory<IProvisioningTestControl>(
      env, kProvisioningControlClass, "provisioning control: ",
      "RoGetActivationFactory(WindowsMobileBroadband.Testing.ProvisioningControl) — is it registered?");
}

Napi::Value Reset(const Napi::CallbackInfo& info) {
  Check(info.Env(), Control(info.Env())->Reset(), "Reset");
  return info.Env().Undefined();
}

Napi::Value ScriptNext(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  Napi::Object script = info[0].As<Napi::Object>();
  std::u16string lines;
  Napi::Value failed = script.Get("failedElements");
  if (failed.IsArray()) {
    Napi::Array list = failed.As<Napi::Array>();
    for (uint32_t i = 0; i < list.Length(); ++i) {
      Napi::Object failure = list.Get(i).As<Napi::Object>();
      Napi::Value name = failure.Get("name");
      char hex[16];
      snprintf(hex, sizeof hex, "%08x", failure.Get("hresult").As<Napi::Number>().Uint32Value());
      lines += failure.Get("element").As<Napi::String>().Utf16Value() + u"|" +
               (name.IsString() ? name.As<Napi::String>().Utf16Value() : u"") + u"|";
      for (const char* c = hex; *c != '\0'; ++c) lines.push_back(static_cast<char16_t>(*c));
      lines += u"\n";
    }
  }
  Napi::Value error = script.Get("operationError");
  Napi::Value duration = script.Get("durationMs");
  Text text(lines);
  Check(env,
        Control(env)->ScriptNext(
            text.get(), static_cast<HRESULT>(error.IsNumber() ? error.As<Napi::Number>().Uint32Value() : 0),
            duration.IsNumber() ? duration.As<Napi::Number>().Uint32Value() : 0),
        "ScriptNext");
  return env.Undefined();
}

Napi::Value SetWindowInterface(const Napi::CallbackInfo& info) {
  Check(info.Env(), Control(info.Env())->SetWindowInterface(info[0].ToBoolean() ? 1 : 0),
        "SetWindowInterface");
  return info.Env().Undefined();
}

Napi::Value Applied(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  ComPtr<IProvisioningTestControl> control = Control(env);
  UINT32 count = 0;
  Check(env, control->AppliedCount(&count), "AppliedCount");
  Napi::Array list = Napi::Array::New(env, count);
  for (UINT32 i = 0; i < count; ++i) {
    Text document;
    Text account;
    UINT64 window = 0;
    Check(env, control->Applied(i, document.put(), account.put(), &window), "Applied");
    Napi::Object entry = Napi::Object::New(env);
    entry.Set("document", document.ToJs(env));
    entry.Set("networkAccountId", account.ToJs(env));
    entry.Set("ownerWindow", Napi::BigInt::New(env, static_cast<uint64_t>(window)));
    list.Set(i, entry);
  }
  return list;
}

Napi::Value Counts(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  INT32 agents = 0, initializeCalls = 0, foreignThreadCalls = 0;
  Check(env, Control(env)->Counts(&agents, &initializeCalls, &foreignThreadCalls), "Counts");
  Napi::Object counts = Napi::Object::New(env);
  counts.Set("agents", agents);
  counts.Set("initializeCalls", initializeCalls);
  counts.Set("foreignThreadCalls", foreignThreadCalls);
  return counts;
}

}  // namespace

void DefineProvisioningControl(Napi::Env env, Napi::Object exports) {
  exports.Set("provisioningReset", Napi::Function::New(env, Reset));
  exports.Set("provisioningScriptNext", Napi::Function::New(env, ScriptNext));
  exports.Set("provisioningSetWindowInterface", Napi::Function::New(env, SetWindowInterface));
  exports.Set("provisioningApplied", Napi::Function::New(env, Applied));
  exports.Set("provisioningCounts", Napi::Function::New(env, Counts));
}

}  // namespace wmbb_test
