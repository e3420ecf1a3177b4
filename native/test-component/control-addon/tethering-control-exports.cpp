#include "tethering-control-exports.h"

#include <string>

#include "../tethering-control.h"
#include "control-exports-support.h"

namespace wmbb_test {
namespace {

using Microsoft::WRL::ComPtr;

void Check(Napi::Env env, HRESULT hr, const char* what) {
  CheckControlCall(env, hr, "tethering control: ", what);
}

// An HSTRING owned for a call.
using Text = OwnedHString;

ComPtr<ITetheringTestControl> Control(Napi::Env env) {
  return ControlFactory<ITetheringTestControl>(
      env, kTetheringControlClass, "tethering control: ",
      "RoGetActivationFactory(WindowsMobileBroadband.Testing.TetheringControl) — is it registered?");
}

std::u16string Utf16(const Napi::Value& value) {
  return value.IsString() ? value.As<Napi::String>().Utf16Value() : std::u16string();
}

/** A string array as "\n"-separated lines. */
std::u16string Lines(const Napi::Value& value) {
  std::u16string lines;
  if (!value.IsArray()) return lines;
  Napi::Array list = value.As<Napi::Array>();
  for (uint32_t i = 0; i < list.Length(); ++i) lines += Utf16(list.Get(i)) + u"\n";
  return lines;
}

int32_t Int(const Napi::Value& value) { return value.IsNumber() ? value.As<Napi::Number>().Int32Value() : 0; }

Napi::Value Reset(const Napi::CallbackInfo& info) {
  Check(info.Env(), Control(info.Env())->Reset(), "Reset");
  return info.Env().Undefined();
}

Napi::Value SetWindowsBuild(const Napi::CallbackInfo& info) {
  Check(info.Env(), Control(info.Env())->SetWindowsBuild(info[0].As<Napi::Number>().Uint32Value()),
        "SetWindowsBuild");
  return info.Env().Undefined();
}

Napi::Value SetProfiles(const Napi::CallbackInfo& info) {
  Text names(Lines(info[0]));
  Text internet(Utf16(info[1]));
  Check(info.Env(), Control(info.Env())->SetProfiles(names.get(), internet.get()), "SetProfiles");
  return info.Env().Undefined();
}

Napi::Value SetCapability(const Napi::CallbackInfo& info) {
  Check(info.Env(), Control(info.Env())->SetCapability(Int(info[0])), "SetCapability");
  return info.Env().Undefined();
}

Napi::Value SetOperationalState(const Napi::CallbackInfo& info) {
  Check(info.Env(), Control(info.Env())->SetOperationalState(Int(info[0])), "SetOperationalState");
  return info.Env().Undefined();
}

Napi::Value SetBandSupported(const Napi::CallbackInfo& info) {
  Check(info.Env(), Control(info.Env())->SetBandSupported(Int(info[0]), info[1].ToBoolean() ? 1 : 0),
        "SetBandSupported");
  return info.Env().Undefined();
}

Napi::Value SetAuthenticationKindSupported(const Napi::CallbackInfo& info) {
  Check(info.Env(),
        Control(info.Env())->SetAuthenticationKindSupported(Int(info[0]), info[1].ToBoolean() ? 1 : 0),
        "SetAuthenticationKindSupported");
  return info.Env().Undefined();
}

Napi::Value SetStoredAccessPoint(const Napi::CallbackInfo& info) {
  Napi::Object ap = info[0].As<Napi::Object>();
  Text ssid(Utf16(ap.Get("ssid")));
  Text passphrase(Utf16(ap.Get("passphrase")));
  Check(info.Env(),
        Control(info.Env())->SetStoredAccessPoint(ssid.get(), passphrase.get(), Int(ap.Get("band")),
                                                  Int(ap.Get("authenticationKind"))),
        "SetStoredAccessPoint");
  return info.Env().Undefined();
}

Napi::Value ScriptNext(const Napi::CallbackInfo& info) {
  const bool stop = Utf16(info[0]) == u"stop";
  Text message(Utf16(info[2]));
  const UINT32 duration = info[3].IsNumber() ? info[3].As<Napi::Number>().Uint32Value() : 0;
  Check(info.Env(), Control(info.Env())->ScriptNext(stop ? 1 : 0, Int(info[1]), message.get(), duration),
        "ScriptNext");
  return info.Env().Undefined();
}

Napi::Value ClientJoined(const Napi::CallbackInfo& info) {
  Text mac(Utf16(info[0]));
  Text names(Lines(info[1]));
  Check(info.Env(), Control(info.Env())->ClientJoined(mac.get(), names.get()), "ClientJoined");
  return info.Env().Undefined();
}

Napi::Value ClientLeft(const Napi::CallbackInfo& info) {
  Text mac(Utf16(info[0]));
  Check(info.Env(), Control(info.Env())->ClientLeft(mac.get()), "ClientLeft");
  return info.Env().Undefined();
}

Napi::Value ExpireIdleTimeout(const Napi::CallbackInfo& info) {
  boolean turnedOff = 0;
  Check(info.Env(), Control(info.Env())->ExpireIdleTimeout(&turnedOff), "ExpireIdleTimeout");
  return Napi::Boolean::New(info.Env(), turnedOff != 0);
}

Napi::Value Hotspot(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  INT32 state = 0;
  UINT32 clients = 0;
  boolean timeout = 0;
  Check(env, Control(env)->Hotspot(&state, &clients, &timeout), "Hotspot");
  Napi::Object result = Napi::Object::New(env);
  result.Set("state", state);
  result.Set("clientCount", clients);
  result.Set("noConnectionsTimeout", timeout != 0);
  return result;
}

Napi::Value AccessPoints(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  Text storedSsid;
  Text sessionSsid;
  INT32 storedBand = 0, sessionBand = 0, sessionKind = 0;
  boolean session = 0;
  UINT32 passphraseLength = 0;
  Check(env,
        Control(env)->AccessPoints(storedSsid.put(), &storedBand, &session, sessionSsid.put(),
                                   &sessionBand, &sessionKind, &passphraseLength),
        "AccessPoints");
  Napi::Object result = Napi::Object::New(env);
  result.Set("storedSsid", storedSsid.ToJs(env));
  result.Set("storedBand", storedBand);
  if (session != 0) {
    Napi::Object given = Napi::Object::New(env);
    given.Set("ssid", sessionSsid.ToJs(env));
    given.Set("band", sessionBand);
    given.Set("authenticationKind", sessionKind);
    given.Set("passphraseLength", passphraseLength);
    result.Set("session", given);
  } else {
    result.Set("session", env.Null());
  }
  return result;
}

Napi::Value Counts(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  INT32 managers = 0, foreign = 0;
  Check(env, Control(env)->Counts(&managers, &foreign), "Counts");
  Napi::Object counts = Napi::Object::New(env);
  counts.Set("managers", managers);
  counts.Set("foreignThreadCalls", foreign);
  return counts;
}

}  // namespace

void DefineTetheringControl(Napi::Env env, Napi::Object exports) {
  exports.Set("tetheringReset", Napi::Function::New(env, Reset));
  exports.Set("tetheringSetWindowsBuild", Napi::Function::New(env, SetWindowsBuild));
  exports.Set("tetheringSetProfiles", Napi::Function::New(env, SetProfiles));
  exports.Set("tetheringSetCapability", Napi::Function::New(env, SetCapability));
  exports.Set("tetheringSetOperationalState", Napi::Function::New(env, SetOperationalState));
  exports.Set("tetheringSetBandSupported", Napi::Function::New(env, SetBandSupported));
  exports.Set("tetheringSetAuthenticationKindSupported",
              Napi::Function::New(env, SetAuthenticationKindSupported));
  exports.Set("tetheringSetStoredAccessPoint", Napi::Function::New(env, SetStoredAccessPoint));
  exports.Set("tetheringScriptNext", Napi::Function::New(env, ScriptNext));
  exports.Set("tetheringClientJoined", Napi::Function::New(env, ClientJoined));
  exports.Set("tetheringClientLeft", Napi::Function::New(env, ClientLeft));
  exports.Set("tetheringExpireIdleTimeout", Napi::Function::New(env, ExpireIdleTimeout));
  exports.Set("tetheringHotspot", Napi::Function::New(env, Hotspot));
  exports.Set("tetheringAccessPoints", Napi::Function::New(env, AccessPoints));
  exports.Set("tetheringCounts", Napi::Function::New(env, Counts));
}

}  // namespace wmbb_test
