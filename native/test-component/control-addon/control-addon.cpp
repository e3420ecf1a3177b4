// Test-only Node-API addon: lets the Wine tests drive the test component through ITestControl.
// Built only with -DWMBB_TEST_COMPONENT=ON, never shipped, never loaded by the package itself.
//
// JS: reset(), setAccess(n), setServiceInfo(preference, uiEnabled), setFailure(member, hresult),
//     putEsim({ eid, firmwareVersion, modemDeviceId, availableMemoryBytes?, state, slotIndex?,
//               shouldEnableManagingUi }, notify), putProfile(eid, { id, class, nickname,
//               providerId, providerName, state, canDelete, canDisable, isManagedByEnterprise },
//               notify), publish(eid, added),
//     removeEsim(eid), burst(eid, count), liveObjects(), waitIdle(timeoutMs), runningWatchers(),
//     scriptCode(code, { download, install, decline, id, class, providerId, providerName,
//                        canDelete, canDisable, isManagedByEnterprise, confirmationRequired,
//                        confirmationCode, progressSteps, profileSizeBytes, durationMs }),
//     scriptProfile(iccid, { enable, disable, nickname, remove, durationMs }) (-1: the rules),
//     scriptEsim(eid, { reset, durationMs }), setCompletion(0 | 1),
//     operationCounts(): { cancelCalls, synchronous, otherThread }, lastBurstMicroseconds(),
//     makeSta() (the calling thread becomes an STA; returns "sta"), setCompletion(2) (late cancel),
//     putAccount(id, fields), removeAccount(id), setGhostAccount(id) (accounts.h),
//     raiseNetworkStatusChanged() (account-watcher.h), scriptDiscover(server, events, status, durationMs),
//     crash(onThread) (the lane's own check that a crashed process fails the lane),
//     collectAtTeardown() (garbage collections while Node tears the environment down),
//     callOperatorEvents(method, blob, deadlineMs): Promise<{ failedCall, hr, vt, value }>
//       (operator-events-caller.h, on a thread of its own in the MTA)
//     ussd.*: the USSD network (ussd-calls.h)
//     provisioning*(…): the provisioning control (provisioning-control-exports.h)
//     diagnostics*(…): the hotspot diagnosis control (diagnostics-control-exports.h)
//     tethering*(…): the hotspot control (tethering-control-exports.h)
#include <napi.h>

#include <cstdint>
#include <memory>
#include <string>
#include <thread>

#include "../test-control.h"
#include "operator-events-caller.h"
#include "ussd-calls.h"
#include "provisioning-control-exports.h"
#include "diagnostics-control-exports.h"
#include "tethering-control-exports.h"
#include "control-exports-support.h"

namespace {

using Microsoft::WRL::ComPtr;

// An HSTRING owned for a call.
using OwnedString = wmbb_test::OwnedHString;

void Check(Napi::Env env, HRESULT hr, const char* what) {
  wmbb_test::CheckControlCall(env, hr, "test control: ", what);
}

ComPtr<ITestControl> Control(Napi::Env env) {
  return wmbb_test::ControlFactory<ITestControl>(
      env, kTestControlClass, "test control: ",
      "RoGetActivationFactory(WindowsMobileBroadband.Testing.Control) — is the test component registered?");
}

std::u16string Text(const Napi::Object& object, const char* key) {
  Napi::Value value = object.Get(key);
  return value.IsString() ? value.As<Napi::String>().Utf16Value() : std::u16string();
}

int32_t Int(const Napi::Object& object, const char* key, int32_t fallback) {
  Napi::Value value = object.Get(key);
  return value.IsNumber() ? value.As<Napi::Number>().Int32Value() : fallback;
}

bool Bool(const Napi::Object& object, const char* key) { return object.Get(key).ToBoolean(); }

Napi::Value Reset(const Napi::CallbackInfo& info) {
  Check(info.Env(), Control(info.Env())->Reset(), "Reset");
  return info.Env().Undefined();
}

Napi::Value SetAccess(const Napi::CallbackInfo& info) {
  Check(info.Env(), Control(info.Env())->SetAccess(info[0].As<Napi::Number>().Int32Value()), "SetAccess");
  return info.Env().Undefined();
}

Napi::Value SetServiceInfo(const Napi::CallbackInfo& info) {
  Check(info.Env(),
        Control(info.Env())->SetServiceInfo(info[0].As<Napi::Number>().Int32Value(), info[1].ToBoolean() ? 1 : 0),
        "SetServiceInfo");
  return info.Env().Undefined();
}

Napi::Value SetFailure(const Napi::CallbackInfo& info) {
  OwnedString member(info[0].As<Napi::String>().Utf16Value());
  const HRESULT hr = static_cast<HRESULT>(info[1].As<Napi::Number>().Uint32Value());
  Check(info.Env(), Control(info.Env())->SetFailure(member.get(), hr), "SetFailure");
  return info.Env().Undefined();
}

Napi::Value PutEsim(const Napi::CallbackInfo& info) {
  Napi::Object esim = info[0].As<Napi::Object>();
  OwnedString eid(Text(esim, "eid"));
  OwnedString firmware(Text(esim, "firmwareVersion"));
  OwnedString modem(Text(esim, "modemDeviceId"));
  Check(info.Env(),
        Control(info.Env())->PutEsim(eid.get(), firmware.get(), modem.get(), Int(esim, "availableMemoryBytes", -1),
                                     Int(esim, "state", 1), Int(esim, "slotIndex", -1),
                                     Bool(esim, "shouldEnableManagingUi") ? 1 : 0, info[1].ToBoolean() ? 1 : 0),
        "PutEsim");
  return info.Env().Undefined();
}

Napi::Value PutProfile(const Napi::CallbackInfo& info) {
  OwnedString eid(info[0].As<Napi::String>().Utf16Value());
  Napi::Object profile = info[1].As<Napi::Object>();
  OwnedString iccid(Text(profile, "id"));
  OwnedString nickname(Text(profile, "nickname"));
  OwnedString providerId(Text(profile, "providerId"));
  OwnedString providerName(Text(profile, "providerName"));
  Check(info.Env(),
        Control(info.Env())->PutProfile(eid.get(), iccid.get(), Int(profile, "class", 0), nickname.get(),
                                        providerId.get(), providerName.get(), Int(profile, "state", 0),
                                        Bool(profile, "canDelete") ? 1 : 0, Bool(profile, "canDisable") ? 1 : 0,
                                        Bool(profile, "isManagedByEnterprise") ? 1 : 0, info[2].ToBoolean() ? 1 : 0),
        "PutProfile");
  return info.Env().Undefined();
}

Napi::Value Publish(const Napi::CallbackInfo& info) {
  OwnedString eid(info[0].As<Napi::String>().Utf16Value());
  Check(info.Env(), Control(info.Env())->Publish(eid.get(), info[1].ToBoolean() ? 1 : 0), "Publish");
  return info.Env().Undefined();
}

Napi::Value RemoveEsim(const Napi::CallbackInfo& info) {
  OwnedString eid(info[0].As<Napi::String>().Utf16Value());
  Check(info.Env(), Control(info.Env())->RemoveEsim(eid.get()), "RemoveEsim");
  return info.Env().Undefined();
}

Napi::Value Burst(const Napi::CallbackInfo& info) {
  OwnedString eid(info[0].As<Napi::String>().Utf16Value());
  Check(info.Env(), Control(info.Env())->Burst(eid.get(), info[1].As<Napi::Number>().Uint32Value()), "Burst");
  return info.Env().Undefined();
}

Napi::Value LiveObjects(const Napi::CallbackInfo& info) {
  INT32 count = 0;
  Check(info.Env(), Control(info.Env())->LiveObjects(&count), "LiveObjects");
  return Napi::Number::New(info.Env(), count);
}

Napi::Value WaitIdle(const Napi::CallbackInfo& info) {
  boolean idle = 0;
  Check(info.Env(), Control(info.Env())->WaitIdle(info[0].As<Napi::Number>().Uint32Value(), &idle), "WaitIdle");
  return Napi::Boolean::New(info.Env(), idle != 0);
}

Napi::Value RunningWatchers(const Napi::CallbackInfo& info) {
  INT32 count = 0;
  Check(info.Env(), Control(info.Env())->RunningWatchers(&count), "RunningWatchers");
  return Napi::Number::New(info.Env(), count);
}

uint32_t Uint(const Napi::Object& object, const char* key, uint32_t fallback) {
  Napi::Value value = object.Get(key);
  return value.IsNumber() ? value.As<Napi::Number>().Uint32Value() : fallback;
}

Napi::Value ScriptCode(const Napi::CallbackInfo& info) {
  OwnedString code(info[0].As<Napi::String>().Utf16Value());
  Napi::Object script = info[1].As<Napi::Object>();
  OwnedString iccid(Text(script, "id"));
  OwnedString providerId(Text(script, "providerId"));
  OwnedString providerName(Text(script, "providerName"));
  OwnedString confirmationCode(Text(script, "confirmationCode"));
  Check(info.Env(),
        Control(info.Env())->ScriptCode(
            code.get(), Int(script, "download", 0), Int(script, "install", 0),
            Int(script, "decline", 0), iccid.get(), Int(script, "class", 0), providerId.get(),
            providerName.get(), Bool(script, "canDelete") ? 1 : 0,
            Bool(script, "canDisable") ? 1 : 0, Bool(script, "isManagedByEnterprise") ? 1 : 0,
            Bool(script, "confirmationRequired") ? 1 : 0, confirmationCode.get(),
            Uint(script, "progressSteps", 4), Int(script, "profileSizeBytes", 262144),
            Uint(script, "durationMs", 0)),
        "ScriptCode");
  return info.Env().Undefined();
}

Napi::Value ScriptProfile(const Napi::CallbackInfo& info) {
  OwnedString iccid(info[0].As<Napi::String>().Utf16Value());
  Napi::Object script = info[1].As<Napi::Object>();
  Check(info.Env(),
        Control(info.Env())->ScriptProfile(iccid.get(), Int(script, "enable", -1),
                                           Int(script, "disable", -1), Int(script, "nickname", -1),
                                           Int(script, "remove", -1), Uint(script, "durationMs", 0)),
        "ScriptProfile");
  return info.Env().Undefined();
}

Napi::Value ScriptEsim(const Napi::CallbackInfo& info) {
  OwnedString eid(info[0].As<Napi::String>().Utf16Value());
  Napi::Object script = info[1].As<Napi::Object>();
  Check(info.Env(),
        Control(info.Env())->ScriptEsim(eid.get(), Int(script, "reset", -1),
                                        Uint(script, "durationMs", 0)),
        "ScriptEsim");
  return info.Env().Undefined();
}

// Makes the calling thread a single-threaded apartment, as Electron's main process is after
// `ready` (or a host where another addon did so): the addon must not depend on the JS thread's
// apartment. Returns the HRESULT of CoInitializeEx (S_OK, or S_FALSE if it was one already).
Napi::Value MakeSta(const Napi::CallbackInfo& info) {
  const HRESULT hr = CoInitializeEx(nullptr, COINIT_APARTMENTTHREADED);
  Check(info.Env(), hr, "CoInitializeEx(COINIT_APARTMENTTHREADED)");
  APTTYPE type{};
  APTTYPEQUALIFIER qualifier{};
  Check(info.Env(), CoGetApartmentType(&type, &qualifier), "CoGetApartmentType");
  return Napi::String::New(info.Env(), type == APTTYPE_STA || type == APTTYPE_MAINSTA ? "sta" : "other");
}

// putAccount(id, { field: value, … }): the fields as "name=value" lines (accounts.cpp's names;
// numbers as decimal text, telephoneNumbers comma-separated).
Napi::Value PutAccount(const Napi::CallbackInfo& info) {
  OwnedString id(info[0].As<Napi::String>().Utf16Value());
  std::u16string lines;
  Napi::Object fields = info[1].As<Napi::Object>();
  Napi::Array names = fields.GetPropertyNames();
  for (uint32_t i = 0; i < names.Length(); ++i) {
    Napi::Value name = names.Get(i);
    lines += name.ToString().Utf16Value() + u"=" + fields.Get(name).ToString().Utf16Value() + u"\n";
  }
  OwnedString text(lines);
  Check(info.Env(), Control(info.Env())->PutAccount(id.get(), text.get()), "PutAccount");
  return info.Env().Undefined();
}

Napi::Value RemoveAccount(const Napi::CallbackInfo& info) {
  OwnedString id(info[0].As<Napi::String>().Utf16Value());
  Check(info.Env(), Control(info.Env())->RemoveAccount(id.get()), "RemoveAccount");
  return info.Env().Undefined();
}

Napi::Value SetGhostAccount(const Napi::CallbackInfo& info) {
  OwnedString id(info[0].As<Napi::String>().Utf16Value());
  Check(info.Env(), Control(info.Env())->SetGhostAccount(id.get()), "SetGhostAccount");
  return info.Env().Undefined();
}

// scriptDiscover(server ('' for the default SM-DS), [{ matchingId, smdpAddress }], status, durationMs)
Napi::Value ScriptDiscover(const Napi::CallbackInfo& info) {
  OwnedString server(info[0].As<Napi::String>().Utf16Value());
  std::u16string lines;
  Napi::Array events = info[1].As<Napi::Array>();
  for (uint32_t i = 0; i < events.Length(); ++i) {
    Napi::Object event = events.Get(i).As<Napi::Object>();
    lines += Text(event, "matchingId") + u"|" + Text(event, "smdpAddress") + u"\n";
  }
  OwnedString text(lines);
  Check(info.Env(),
        Control(info.Env())->ScriptDiscover(server.get(), text.get(), info[2].As<Napi::Number>().Int32Value(),
                                            info[3].As<Napi::Number>().Uint32Value()),
        "ScriptDiscover");
  return info.Env().Undefined();
}

Napi::Value RaiseNetworkStatusChanged(const Napi::CallbackInfo& info) {
  Check(info.Env(), Control(info.Env())->RaiseNetworkStatusChanged(), "RaiseNetworkStatusChanged");
  return info.Env().Undefined();
}

Napi::Value SetCompletion(const Napi::CallbackInfo& info) {
  Check(info.Env(), Control(info.Env())->SetCompletion(info[0].As<Napi::Number>().Int32Value()),
        "SetCompletion");
  return info.Env().Undefined();
}

Napi::Value OperationCounts(const Napi::CallbackInfo& info) {
  INT32 cancelCalls = 0, synchronous = 0, otherThread = 0;
  Check(info.Env(), Control(info.Env())->OperationCounts(&cancelCalls, &synchronous, &otherThread),
        "OperationCounts");
  Napi::Object counts = Napi::Object::New(info.Env());
  counts.Set("cancelCalls", cancelCalls);
  counts.Set("synchronous", synchronous);
  counts.Set("otherThread", otherThread);
  return counts;
}

Napi::Value LastBurstMicroseconds(const Napi::CallbackInfo& info) {
  UINT32 microseconds = 0;
  Check(info.Env(), Control(info.Env())->LastBurstMicroseconds(&microseconds), "LastBurstMicroseconds");
  return Napi::Number::New(info.Env(), microseconds);
}

// For test/windows/run.sh only: an access violation like a native bug's (a read through a
// pointer whose upper half is set), so the lane can prove that it reports a crashed process as
// failed however Wine ends it. `onThread`: on a thread of its own, as a Windows thread would
// crash; otherwise on the JS thread.
Napi::Value Crash(const Napi::CallbackInfo& info) {
  auto fault = [] {
    const uintptr_t address = 0xFFFFFFFF00000048ULL;
    (void)*reinterpret_cast<volatile const int*>(address);
  };
  if (info.Length() > 0 && info[0].ToBoolean()) {
    std::thread(fault).join();
  } else {
    fault();
  }
  return info.Env().Undefined();
}

// For test/windows/teardown-collection.cjs: while Node tears the environment down (this hook runs
// before the hooks of every addon loaded earlier), allocate enough to collect the young
// generation many times over, so that garbage the package's addon left queues its Node-API
// finalizers then — what a collection at exit does by chance (core/teardown-hold.h).
void AllocateAtTeardown(void* data) {
  napi_env env = static_cast<napi_env>(data);
  const std::string text(1024, 'x');
  // Kept alive in one scope, so that they are promoted and the old generation grows too; then
  // external memory pressure, which has V8 collect everything.
  napi_handle_scope scope = nullptr;
  if (napi_open_handle_scope(env, &scope) != napi_ok) return;
  napi_value value = nullptr;
  for (int i = 0; i < 64 * 1024; i++) napi_create_string_utf8(env, text.data(), text.size(), &value);
  int64_t total = 0;
  napi_adjust_external_memory(env, int64_t{1} << 30, &total);
  napi_adjust_external_memory(env, -(int64_t{1} << 30), &total);
  napi_close_handle_scope(env, scope);
}

Napi::Value CollectAtTeardown(const Napi::CallbackInfo& info) {
  napi_env env = info.Env();
  Check(info.Env(), napi_add_env_cleanup_hook(env, AllocateAtTeardown, env) == napi_ok ? S_OK : E_FAIL,
        "napi_add_env_cleanup_hook");
  return info.Env().Undefined();
}

// The forwarding component's call, on a thread of its own (a CheckEntitlement blocks it until
// JavaScript on this very thread answers): resolves with what the caller got back. A plain
// CreateThread, not std::thread: winpthreads' thread start and exit (and their TLS callbacks)
// have no place in a check of COM.
struct OperatorCall {
  std::u16string method;
  std::u16string blob;
  int deadlineMs = 0;
  wmbb_test::OperatorCallResult result;
  Napi::Promise::Deferred deferred;
  Napi::ThreadSafeFunction done;
  explicit OperatorCall(Napi::Env env) : deferred(env) {}
};

DWORD WINAPI RunOperatorCall(void* parameter) {
  auto* call = static_cast<OperatorCall*>(parameter);
  CoInitializeEx(nullptr, COINIT_MULTITHREADED);
  call->result = wmbb_test::CallOperatorEvents(reinterpret_cast<const wchar_t*>(call->method.c_str()),
                                               call->blob, call->deadlineMs);
  CoUninitialize();
  Napi::ThreadSafeFunction done = call->done;
  // The JS thread settles the promise and deletes the call.
  done.BlockingCall([call](Napi::Env env, Napi::Function) {
    const wmbb_test::OperatorCallResult& result = call->result;
    Napi::Object out = Napi::Object::New(env);
    out.Set("failedCall", result.failedCall);
    out.Set("hr", Napi::Number::New(env, static_cast<uint32_t>(result.hr)));
    out.Set("vt", Napi::Number::New(env, result.vt));
    if (result.vt == VT_BOOL) out.Set("value", Napi::Boolean::New(env, result.boolValue));
    if (result.vt == VT_BSTR) out.Set("value", Napi::String::New(env, result.text.data(), result.text.size()));
    call->deferred.Resolve(out);
    delete call;
  });
  done.Release();
  return 0;
}

Napi::Value CallOperatorEvents(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  auto* call = new OperatorCall(env);
  call->method = info[0].As<Napi::String>().Utf16Value();
  call->blob = info[1].As<Napi::String>().Utf16Value();
  call->deadlineMs = info.Length() > 2 && info[2].IsNumber() ? info[2].As<Napi::Number>().Int32Value() : 0;
  call->done = Napi::ThreadSafeFunction::New(env, Napi::Function(),
                                             "callOperatorEvents", 0, 1);
  Napi::Promise promise = call->deferred.Promise();
  HANDLE thread = CreateThread(nullptr, 0, RunOperatorCall, call, 0, nullptr);
  if (thread == nullptr) {
    call->done.Release();
    delete call;
    Check(env, HRESULT_FROM_WIN32(GetLastError()), "CreateThread");
  }
  CloseHandle(thread);
  return promise;
}

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  exports.Set("reset", Napi::Function::New(env, Reset));
  exports.Set("setAccess", Napi::Function::New(env, SetAccess));
  exports.Set("setServiceInfo", Napi::Function::New(env, SetServiceInfo));
  exports.Set("setFailure", Napi::Function::New(env, SetFailure));
  exports.Set("putEsim", Napi::Function::New(env, PutEsim));
  exports.Set("putProfile", Napi::Function::New(env, PutProfile));
  exports.Set("publish", Napi::Function::New(env, Publish));
  exports.Set("removeEsim", Napi::Function::New(env, RemoveEsim));
  exports.Set("burst", Napi::Function::New(env, Burst));
  exports.Set("liveObjects", Napi::Function::New(env, LiveObjects));
  exports.Set("waitIdle", Napi::Function::New(env, WaitIdle));
  exports.Set("runningWatchers", Napi::Function::New(env, RunningWatchers));
  exports.Set("scriptCode", Napi::Function::New(env, ScriptCode));
  exports.Set("scriptProfile", Napi::Function::New(env, ScriptProfile));
  exports.Set("scriptEsim", Napi::Function::New(env, ScriptEsim));
  exports.Set("setCompletion", Napi::Function::New(env, SetCompletion));
  exports.Set("makeSta", Napi::Function::New(env, MakeSta));
  exports.Set("putAccount", Napi::Function::New(env, PutAccount));
  exports.Set("removeAccount", Napi::Function::New(env, RemoveAccount));
  exports.Set("setGhostAccount", Napi::Function::New(env, SetGhostAccount));
  exports.Set("raiseNetworkStatusChanged", Napi::Function::New(env, RaiseNetworkStatusChanged));
  exports.Set("scriptDiscover", Napi::Function::New(env, ScriptDiscover));
  exports.Set("operationCounts", Napi::Function::New(env, OperationCounts));
  exports.Set("lastBurstMicroseconds", Napi::Function::New(env, LastBurstMicroseconds));
  exports.Set("crash", Napi::Function::New(env, Crash));
  exports.Set("callOperatorEvents", Napi::Function::New(env, CallOperatorEvents));
  exports.Set("collectAtTeardown", Napi::Function::New(env, CollectAtTeardown));
  wmbb_test::DefineUssdCalls(env, exports);
  wmbb_test::DefineProvisioningControl(env, exports);
  wmbb_test::DefineDiagnosticsControl(env, exports);
  wmbb_test::DefineTetheringControl(env, exports);
  return exports;
}

}  // namespace

NODE_API_MODULE(wmbb_test_control, Init)
