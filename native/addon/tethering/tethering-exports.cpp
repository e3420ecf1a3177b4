#include "tethering-exports.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "../../winrt/tethering/tethering-manager.h"
#include "../../winrt/tethering/tethering-operations.h"
#include "../../winrt/tethering/tethering-reads.h"
#include "../core/js-errors.h"
#include "../esim/esim-refs.h"

namespace wmbb {
namespace {

constexpr const char* kTarget = "(target: string | null, …)";
constexpr const char* kAccessPointShape =
    "(target: string | null, { ssid: string, passphrase: string, band: number | null, "
    "authenticationKind: number | null })";

TetheringExports* Self(const Napi::CallbackInfo& info) {
  return static_cast<TetheringExports*>(info.Data());
}

/** Overwrites a copy of a passphrase before its memory is freed. */
void Wipe(std::u16string& text) {
  if (!text.empty()) SecureZeroMemory(&text[0], text.size() * sizeof(char16_t));
  text.clear();
}

/** An access point the MTA thread hands to Windows; its passphrase wiped when it goes. */
struct WipedAccessPoint {
  AccessPoint value;
  ~WipedAccessPoint() { Wipe(value.passphrase); }
};

TetheringTarget TargetOf(const Napi::CallbackInfo& info, const char* function) {
  TetheringTarget target;
  if (info.Length() < 1 || !(info[0].IsString() || info[0].IsNull()))
    ThrowTypeError(info.Env(), function, kTarget);
  if (info[0].IsString()) {
    target.profileName = info[0].As<Napi::String>().Utf16Value();
    target.named = true;
  }
  return target;
}

int32_t OptionalEnum(Napi::Env env, const Napi::Object& object, const char* key, const char* function) {
  Napi::Value value = object.Get(key);
  if (value.IsNull() || value.IsUndefined()) return kAbsent;
  if (!value.IsNumber()) ThrowTypeError(env, function, kAccessPointShape);
  const int32_t number = value.As<Napi::Number>().Int32Value();
  if (number < 0) ThrowTypeError(env, function, kAccessPointShape);
  return number;
}

std::shared_ptr<WipedAccessPoint> AccessPointOf(Napi::Env env, const Napi::Value& value,
                                                const char* function) {
  if (!value.IsObject()) ThrowTypeError(env, function, kAccessPointShape);
  Napi::Object object = value.As<Napi::Object>();
  Napi::Value ssid = object.Get("ssid");
  Napi::Value passphrase = object.Get("passphrase");
  if (!ssid.IsString() || !passphrase.IsString()) ThrowTypeError(env, function, kAccessPointShape);
  auto held = std::make_shared<WipedAccessPoint>();
  held->value.band = OptionalEnum(env, object, "band", function);
  held->value.authenticationKind = OptionalEnum(env, object, "authenticationKind", function);
  held->value.ssid = ssid.As<Napi::String>().Utf16Value();
  held->value.passphrase = passphrase.As<Napi::String>().Utf16Value();
  return held;
}

/** Rejects with the failure or the cancellation; true when it did. */
template <class T>
bool RejectUnlessCompleted(Napi::Env env, Napi::Promise::Deferred& deferred, TetheringEnd<T>& end,
                           const char* call) {
  if (end.kind == AsyncEndKind::Completed) return false;
  deferred.Reject(end.kind == AsyncEndKind::Canceled ? CanceledError(env, call).Value()
                                                     : WinRtError(env, end.failure).Value());
  return true;
}

Napi::Value EnumOrNull(Napi::Env env, int32_t value) {
  return value == kAbsent ? env.Null() : Napi::Number::New(env, value);
}

/** A read made in one task on the MTA thread. */
template <class T>
Napi::Value Read(const Napi::CallbackInfo& info, std::function<Status(T*)> read,
                 std::function<Napi::Value(Napi::Env, T&)> toJs, const char* call) {
  using End = TetheringEnd<T>;
  return StartMtaCall<End>(
      info.Env(), Self(info)->operations(),
      [read = std::move(read)]() -> End {
        T value{};
        if (Status failure = read(&value)) return FailedEnd<End>(*failure);
        return End::Done(std::move(value));
      },
      [toJs = std::move(toJs), call](Napi::Env env, Napi::Promise::Deferred& deferred, End& end) {
        if (RejectUnlessCompleted(env, deferred, end, call)) return;
        deferred.Resolve(toJs(env, end.value));
      });
}

/** An operation Windows runs (`begin` starts it on the MTA thread). */
template <class T>
Napi::Value Run(const Napi::CallbackInfo& info,
                std::function<Status(TetheringOnEnd<T>, std::shared_ptr<AsyncWork>*)> begin,
                std::function<Napi::Value(Napi::Env, T&)> toJs, const char* call) {
  using Operation = JsOperation<TetheringEnd<T>>;
  return Operation::Start(
      info.Env(), Self(info)->operations(),
      [begin = std::move(begin)](typename Operation::EndSink onEnd, typename Operation::ProgressSink,
                                 std::shared_ptr<AsyncWork>* work) {
        return begin(std::move(onEnd), work);
      },
      [toJs = std::move(toJs), call](Napi::Env env, Napi::Promise::Deferred& deferred,
                                     TetheringEnd<T>& end) {
        if (RejectUnlessCompleted(env, deferred, end, call)) return;
        deferred.Resolve(toJs(env, end.value));
      });
}

Napi::Value ResultToJs(Napi::Env env, TetheringResultRead& result) {
  Napi::Object object = Napi::Object::New(env);
  object.Set("status", result.status);
  object.Set("additionalErrorMessage", Napi::String::New(env, result.additionalErrorMessage));
  return object;
}

Napi::Value Nothing(Napi::Env env, NoResult&) { return env.Undefined(); }
Napi::Value Boolean(Napi::Env env, bool& value) { return Napi::Boolean::New(env, value); }

}  // namespace

Napi::Object TetheringExports::Define(Napi::Env env) {
  Napi::Object table = Napi::Object::New(env);
  table.Set("status", Napi::Function::New(env, GetStatus, "status", this));
  table.Set("accessPoint", Napi::Function::New(env, GetAccessPoint, "accessPoint", this));
  table.Set("clients", Napi::Function::New(env, GetClients, "clients", this));
  table.Set("profileNames", Napi::Function::New(env, GetProfileNames, "profileNames", this));
  table.Set("isNoConnectionsTimeoutEnabled",
            Napi::Function::New(env, GetNoConnectionsTimeout, "isNoConnectionsTimeoutEnabled", this));
  table.Set("start", Napi::Function::New(env, StartHotspot, "start", this));
  table.Set("stop", Napi::Function::New(env, StopHotspot, "stop", this));
  table.Set("configureAccessPoint",
            Napi::Function::New(env, Configure, "configureAccessPoint", this));
  table.Set("isBandSupported", Napi::Function::New(env, BandSupported, "isBandSupported", this));
  table.Set("isAuthenticationKindSupported",
            Napi::Function::New(env, KindSupported, "isAuthenticationKindSupported", this));
  table.Set("setNoConnectionsTimeout",
            Napi::Function::New(env, SetTimeout, "setNoConnectionsTimeout", this));
  return table;
}

Napi::Value TetheringExports::GetStatus(const Napi::CallbackInfo& info) {
  TetheringTarget target = TargetOf(info, "status");
  return Read<TetheringStatusRead>(
      info, [target](TetheringStatusRead* out) { return ReadTetheringStatus(target, out); },
      [](Napi::Env env, TetheringStatusRead& status) -> Napi::Value {
        Napi::Object object = Napi::Object::New(env);
        object.Set("capability", status.capability);
        object.Set("state", status.state);
        object.Set("clientCount", status.clientCount);
        object.Set("maxClientCount", status.maxClientCount);
        return object;
      },
      "NetworkOperatorTetheringManager");
}

Napi::Value TetheringExports::GetAccessPoint(const Napi::CallbackInfo& info) {
  TetheringTarget target = TargetOf(info, "accessPoint");
  return Read<wmbb::AccessPoint>(
      info, [target](wmbb::AccessPoint* out) { return ReadAccessPoint(target, out); },
      [](Napi::Env env, wmbb::AccessPoint& read) -> Napi::Value {
        Napi::Object object = Napi::Object::New(env);
        object.Set("ssid", Napi::String::New(env, read.ssid));
        object.Set("passphrase", Napi::String::New(env, read.passphrase));
        object.Set("band", EnumOrNull(env, read.band));
        object.Set("authenticationKind", EnumOrNull(env, read.authenticationKind));
        // JS has its own copy now.
        Wipe(read.passphrase);
        return object;
      },
      "NetworkOperatorTetheringManager.GetCurrentAccessPointConfiguration");
}

Napi::Value TetheringExports::GetClients(const Napi::CallbackInfo& info) {
  TetheringTarget target = TargetOf(info, "clients");
  using List = std::vector<TetheringClientRead>;
  return Read<List>(
      info, [target](List* out) { return ReadTetheringClients(target, out); },
      [](Napi::Env env, List& clients) -> Napi::Value {
        Napi::Array array = Napi::Array::New(env, clients.size());
        for (uint32_t i = 0; i < clients.size(); ++i) {
          Napi::Object client = Napi::Object::New(env);
          client.Set("macAddress", Napi::String::New(env, clients[i].macAddress));
          Napi::Array names = Napi::Array::New(env, clients[i].hostNames.size());
          for (uint32_t j = 0; j < clients[i].hostNames.size(); ++j)
            names.Set(j, Napi::String::New(env, clients[i].hostNames[j]));
          client.Set("hostNames", names);
          array.Set(i, client);
        }
        return array;
      },
      "NetworkOperatorTetheringManager.GetTetheringClients");
}

Napi::Value TetheringExports::GetProfileNames(const Napi::CallbackInfo& info) {
  using List = std::vector<std::u16string>;
  return Read<List>(
      info, [](List* out) { return ReadConnectionProfileNames(out); },
      [](Napi::Env env, List& names) -> Napi::Value {
        Napi::Array array = Napi::Array::New(env, names.size());
        for (uint32_t i = 0; i < names.size(); ++i) array.Set(i, Napi::String::New(env, names[i]));
        return array;
      },
      kConnectionProfilesCall);
}

Napi::Value TetheringExports::GetNoConnectionsTimeout(const Napi::CallbackInfo& info) {
  return Read<bool>(info, [](bool* out) { return ReadNoConnectionsTimeout(out); }, Boolean,
                    "NetworkOperatorTetheringManager.IsNoConnectionsTimeoutEnabled");
}

Napi::Value TetheringExports::StartHotspot(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  TetheringTarget target = TargetOf(info, "start");
  std::shared_ptr<WipedAccessPoint> session;
  if (info.Length() < 2 || !(info[1].IsNull() || info[1].IsObject()))
    ThrowTypeError(env, "start", "(target: string | null, session: object | null)");
  if (info[1].IsObject()) session = AccessPointOf(env, info[1], "start");
  return Run<TetheringResultRead>(
      info,
      [target, session](TetheringOnEnd<TetheringResultRead> onEnd, std::shared_ptr<AsyncWork>* work) {
        std::optional<wmbb::AccessPoint> given;
        if (session) given = session->value;
        Status started = StartTethering(target, given, std::move(onEnd), work);
        if (given) Wipe(given->passphrase);
        // Windows has its own copy now (or never will).
        if (session) Wipe(session->value.passphrase);
        return started;
      },
      ResultToJs, "NetworkOperatorTetheringManager.StartTetheringAsync");
}

Napi::Value TetheringExports::StopHotspot(const Napi::CallbackInfo& info) {
  TetheringTarget target = TargetOf(info, "stop");
  return Run<TetheringResultRead>(
      info,
      [target](TetheringOnEnd<TetheringResultRead> onEnd, std::shared_ptr<AsyncWork>* work) {
        return StopTethering(target, std::move(onEnd), work);
      },
      ResultToJs, "NetworkOperatorTetheringManager.StopTetheringAsync");
}

Napi::Value TetheringExports::Configure(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  TetheringTarget target = TargetOf(info, "configureAccessPoint");
  if (info.Length() < 2) ThrowTypeError(env, "configureAccessPoint", kAccessPointShape);
  std::shared_ptr<WipedAccessPoint> accessPoint = AccessPointOf(env, info[1], "configureAccessPoint");
  return Run<NoResult>(
      info,
      [target, accessPoint](TetheringOnEnd<NoResult> onEnd, std::shared_ptr<AsyncWork>* work) {
        Status started = wmbb::ConfigureAccessPoint(target, accessPoint->value, std::move(onEnd), work);
        Wipe(accessPoint->value.passphrase);
        return started;
      },
      Nothing, "NetworkOperatorTetheringManager.ConfigureAccessPointAsync");
}

Napi::Value TetheringExports::BandSupported(const Napi::CallbackInfo& info) {
  TetheringTarget target = TargetOf(info, "isBandSupported");
  if (info.Length() < 2 || !info[1].IsNumber())
    ThrowTypeError(info.Env(), "isBandSupported", "(target: string | null, band: number)");
  const int32_t band = info[1].As<Napi::Number>().Int32Value();
  return Run<bool>(
      info,
      [target, band](TetheringOnEnd<bool> onEnd, std::shared_ptr<AsyncWork>* work) {
        return wmbb::IsBandSupported(target, band, std::move(onEnd), work);
      },
      Boolean, "NetworkOperatorTetheringAccessPointConfiguration.IsBandSupportedAsync");
}

Napi::Value TetheringExports::KindSupported(const Napi::CallbackInfo& info) {
  TetheringTarget target = TargetOf(info, "isAuthenticationKindSupported");
  if (info.Length() < 2 || !info[1].IsNumber())
    ThrowTypeError(info.Env(), "isAuthenticationKindSupported", "(target: string | null, kind: number)");
  const int32_t kind = info[1].As<Napi::Number>().Int32Value();
  return Run<bool>(
      info,
      [target, kind](TetheringOnEnd<bool> onEnd, std::shared_ptr<AsyncWork>* work) {
        return wmbb::IsAuthenticationKindSupported(target, kind, std::move(onEnd), work);
      },
      Boolean, "NetworkOperatorTetheringAccessPointConfiguration.IsAuthenticationKindSupportedAsync");
}

Napi::Value TetheringExports::SetTimeout(const Napi::CallbackInfo& info) {
  if (info.Length() < 1 || !info[0].IsBoolean())
    ThrowTypeError(info.Env(), "setNoConnectionsTimeout", "(enabled: boolean)");
  const bool enabled = info[0].As<Napi::Boolean>().Value();
  return Run<NoResult>(
      info,
      [enabled](TetheringOnEnd<NoResult> onEnd, std::shared_ptr<AsyncWork>* work) {
        return wmbb::SetNoConnectionsTimeout(enabled, std::move(onEnd), work);
      },
      Nothing, "NetworkOperatorTetheringManager.NoConnectionsTimeout");
}

}  // namespace wmbb
