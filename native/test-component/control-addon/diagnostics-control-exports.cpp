#include "diagnostics-control-exports.h"

#include <string>

#include "../diagnostics-control.h"
#include "control-exports-support.h"

namespace wmbb_test {
namespace {

using Microsoft::WRL::ComPtr;

void Check(Napi::Env env, HRESULT hr, const char* what) {
  CheckControlCall(env, hr, "diagnostics control: ", what);
}

ComPtr<IDiagnosticsTestControl> Control(Napi::Env env) {
  return ControlFactory<IDiagnosticsTestControl>(
      env, kDiagnosticsControlClass, "diagnostics control: ",
      "RoGetActivationFactory(WindowsMobileBroadband.Testing.DiagnosticsControl) — is it registered?");
}

Napi::Value Reset(const Napi::CallbackInfo& info) {
  Check(info.Env(), Control(info.Env())->Reset(), "Reset");
  return info.Env().Undefined();
}

Napi::Value SetRadios(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  Napi::Array list = info[0].As<Napi::Array>();
  std::wstring lines;
  for (uint32_t i = 0; i < list.Length(); ++i) {
    Napi::Object radio = list.Get(i).As<Napi::Object>();
    lines += std::to_wstring(radio.Get("kind").As<Napi::Number>().Int32Value()) + L" " +
             std::to_wstring(radio.Get("state").As<Napi::Number>().Int32Value()) + L"\n";
  }
  HSTRING text = nullptr;
  Check(env, WindowsCreateString(lines.c_str(), static_cast<UINT32>(lines.size()), &text),
        "WindowsCreateString");
  const HRESULT hr = Control(env)->SetRadios(text);
  WindowsDeleteString(text);
  Check(env, hr, "SetRadios");
  return env.Undefined();
}

Napi::Value SetRadiosError(const Napi::CallbackInfo& info) {
  const HRESULT hr = static_cast<HRESULT>(info[0].As<Napi::Number>().Uint32Value());
  Check(info.Env(), Control(info.Env())->SetRadiosError(hr), "SetRadiosError");
  return info.Env().Undefined();
}

Napi::Value SetInternetProfile(const Napi::CallbackInfo& info) {
  Check(info.Env(), Control(info.Env())->SetInternetProfile(info[0].ToBoolean().Value()),
        "SetInternetProfile");
  return info.Env().Undefined();
}

Napi::Value Counts(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  INT32 radioCalls = 0;
  INT32 profileCalls = 0;
  Check(env, Control(env)->Counts(&radioCalls, &profileCalls), "Counts");
  Napi::Object counts = Napi::Object::New(env);
  counts.Set("radioCalls", radioCalls);
  counts.Set("profileCalls", profileCalls);
  return counts;
}

}  // namespace

void DefineDiagnosticsControl(Napi::Env env, Napi::Object exports) {
  exports.Set("diagnosticsReset", Napi::Function::New(env, Reset, "diagnosticsReset"));
  exports.Set("diagnosticsSetRadios", Napi::Function::New(env, SetRadios, "diagnosticsSetRadios"));
  exports.Set("diagnosticsSetRadiosError",
              Napi::Function::New(env, SetRadiosError, "diagnosticsSetRadiosError"));
  exports.Set("diagnosticsSetInternetProfile",
              Napi::Function::New(env, SetInternetProfile, "diagnosticsSetInternetProfile"));
  exports.Set("diagnosticsCounts", Napi::Function::New(env, Counts, "diagnosticsCounts"));
}

}  // namespace wmbb_test
