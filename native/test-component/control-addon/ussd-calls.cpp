#include "ussd-calls.h"

#include <string>

#include "../ussd-control.h"
#include "control-exports-support.h"

namespace wmbb_test {
namespace {

using Microsoft::WRL::ComPtr;

void Check(Napi::Env env, HRESULT hr, const char* what) {
  CheckControlCall(env, hr, "test control: ussd.", what);
}

ComPtr<IUssdTestControl> Control(Napi::Env env) {
  return ControlFactory<IUssdTestControl>(
      env, kUssdTestControlClass, "test control: ussd.",
      "RoGetActivationFactory(WindowsMobileBroadband.Testing.UssdControl) — is it registered?");
}

Napi::Value Reset(const Napi::CallbackInfo& info) {
  Check(info.Env(), Control(info.Env())->Reset(), "reset");
  return info.Env().Undefined();
}

// scriptReply({ resultCode, message?, hresult?, delayMs? })
Napi::Value ScriptReply(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  Napi::Object reply = info[0].As<Napi::Object>();
  Napi::Value message = reply.Get("message");
  const bool hasMessage = message.IsString();
  const std::u16string text = hasMessage ? message.As<Napi::String>().Utf16Value() : u"";
  HSTRING value = nullptr;
  Check(env,
        WindowsCreateString(reinterpret_cast<const wchar_t*>(text.c_str()),
                            static_cast<UINT32>(text.size()), &value),
        "WindowsCreateString");
  Napi::Value hresult = reply.Get("hresult");
  Napi::Value delay = reply.Get("delayMs");
  const HRESULT hr = Control(env)->ScriptReply(
      reply.Get("resultCode").As<Napi::Number>().Int32Value(), hasMessage ? 1 : 0, value,
      hresult.IsNumber() ? static_cast<HRESULT>(hresult.As<Napi::Number>().Uint32Value()) : S_OK,
      delay.IsNumber() ? delay.As<Napi::Number>().Uint32Value() : 0);
  WindowsDeleteString(value);
  Check(env, hr, "scriptReply");
  return env.Undefined();
}

Napi::Value Sent(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  ComPtr<IUssdTestControl> control = Control(env);
  UINT32 count = 0;
  Check(env, control->SentCount(&count), "sent");
  Napi::Array sent = Napi::Array::New(env, count);
  for (UINT32 i = 0; i < count; ++i) {
    HSTRING text = nullptr;
    Check(env, control->SentAt(i, &text), "sent");
    UINT32 length = 0;
    const wchar_t* raw = WindowsGetStringRawBuffer(text, &length);
    sent.Set(i, Napi::String::New(env, reinterpret_cast<const char16_t*>(raw), length));
    WindowsDeleteString(text);
  }
  return sent;
}

Napi::Value Counts(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  INT32 created = 0, destroyed = 0, releasedInCompletion = 0, offThreadCalls = 0;
  Check(env, Control(env)->Counts(&created, &destroyed, &releasedInCompletion, &offThreadCalls),
        "counts");
  Napi::Object counts = Napi::Object::New(env);
  counts.Set("created", created);
  counts.Set("destroyed", destroyed);
  counts.Set("releasedInCompletion", releasedInCompletion);
  counts.Set("offThreadCalls", offThreadCalls);
  return counts;
}

// Blocks the JS thread while the component's own thread runs the self-test (about 50 ms):
// test-only, never in the package.
Napi::Value SelfTestReleaseInCompletion(const Napi::CallbackInfo& info) {
  INT32 detected = 0;
  Check(info.Env(), Control(info.Env())->SelfTestReleaseInCompletion(&detected),
        "selfTestReleaseInCompletion");
  return Napi::Number::New(info.Env(), detected);
}

}  // namespace

void DefineUssdCalls(Napi::Env env, Napi::Object exports) {
  Napi::Object ussd = Napi::Object::New(env);
  ussd.Set("reset", Napi::Function::New(env, Reset));
  ussd.Set("scriptReply", Napi::Function::New(env, ScriptReply));
  ussd.Set("sent", Napi::Function::New(env, Sent));
  ussd.Set("counts", Napi::Function::New(env, Counts));
  ussd.Set("selfTestReleaseInCompletion", Napi::Function::New(env, SelfTestReleaseInCompletion));
  exports.Set("ussd", ussd);
}

}  // namespace wmbb_test
