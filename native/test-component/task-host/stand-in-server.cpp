#include "stand-in-server.h"

#include <oleauto.h>

#include <atomic>
#include <cstdio>
#include <mutex>

#include "../../operator-task/forwarder.h"
#include "../../winrt/core/srw-mutex.h"

namespace task_host {
namespace {

StandInOptions options;
std::atomic<long> calls{0};
std::atomic<long> inFlight{0};
HANDLE callDone = CreateEventW(nullptr, FALSE, FALSE, nullptr);
HANDLE stopping = CreateEventW(nullptr, TRUE, FALSE, nullptr);
DWORD cookie = 0;
wmbb::SrwMutex recordLock;

constexpr UINT kMaxBlobUnits = 1048576;

std::string Utf8(const wchar_t* text, int length) {
  if (length == 0) return {};
  const int size = WideCharToMultiByte(CP_UTF8, 0, text, length, nullptr, 0, nullptr, nullptr);
  std::string out(size, '\0');
  WideCharToMultiByte(CP_UTF8, 0, text, length, out.data(), size, nullptr, nullptr);
  return out;
}

void Record(const char* method, long deadlineMs, BSTR blob) {
  std::lock_guard<wmbb::SrwMutex> guard(recordLock);
  FILE* file = _wfopen(options.recordPath.c_str(), L"ab");
  if (file == nullptr) return;
  std::fprintf(file, "{\"method\":\"%s\",\"deadlineMs\":%ld,\"blob\":%s}\n", method, deadlineMs,
               Utf8(blob, static_cast<int>(SysStringLen(blob))).c_str());
  std::fclose(file);
}

/** Counted when a call arrives (a held call is counted although it has not returned). */
void Received() {
  ++calls;
  SetEvent(callDone);
}

/** "never": until the server stops; else --hold-ms (0: none), cut short if the server stops. */
void Hold() {
  if (options.answer == L"never") {
    WaitForSingleObject(stopping, 30000);
  } else if (options.holdMs > 0) {
    WaitForSingleObject(stopping, options.holdMs);
  }
}

struct InFlight {
  InFlight() { ++inFlight; }
  ~InFlight() { --inFlight; }
};

class OperatorEventsStandIn final : public IDispatch {
 public:
  HRESULT STDMETHODCALLTYPE QueryInterface(REFIID iid, void** object) override {
    if (object == nullptr) return E_POINTER;
    *object = nullptr;
    if (iid != IID_IUnknown && iid != IID_IDispatch) return E_NOINTERFACE;
    *object = static_cast<IDispatch*>(this);
    AddRef();
    return S_OK;
  }
  ULONG STDMETHODCALLTYPE AddRef() override { return ++references_; }
  ULONG STDMETHODCALLTYPE Release() override {
    const ULONG left = --references_;
    if (left == 0) delete this;
    return left;
  }
  HRESULT STDMETHODCALLTYPE GetTypeInfoCount(UINT* count) override {
    if (count == nullptr) return E_POINTER;
    *count = 0;
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE GetTypeInfo(UINT, LCID, ITypeInfo**) override { return E_NOTIMPL; }
  HRESULT STDMETHODCALLTYPE GetIDsOfNames(REFIID, LPOLESTR* names, UINT count, LCID,
                                          DISPID* ids) override {
    HRESULT result = S_OK;
    for (UINT i = 0; i < count; ++i) {
      if (_wcsicmp(names[i], L"Notify") == 0) {
        ids[i] = wmbb::kDispidNotify;
      } else if (_wcsicmp(names[i], L"CheckEntitlement") == 0) {
        ids[i] = wmbb::kDispidCheckEntitlement;
      } else {
        ids[i] = DISPID_UNKNOWN;
        result = DISP_E_UNKNOWNNAME;
      }
    }
    return result;
  }
  HRESULT STDMETHODCALLTYPE Invoke(DISPID id, REFIID, LCID, WORD flags, DISPPARAMS* params,
                                   VARIANT* result, EXCEPINFO*, UINT* badArgument) override {
    InFlight counted;
    if (!(flags & DISPATCH_METHOD)) return DISP_E_MEMBERNOTFOUND;
    if (params == nullptr) return E_POINTER;
    const UINT expected = id == wmbb::kDispidNotify ? 1 : id == wmbb::kDispidCheckEntitlement ? 2 : 0;
    if (expected == 0) return DISP_E_MEMBERNOTFOUND;
    if (params->cArgs != expected || params->cNamedArgs != 0) return DISP_E_BADPARAMCOUNT;
    // Arguments come last first: the blob is the last of them.
    const VARIANT& blob = params->rgvarg[expected - 1];
    if (blob.vt != VT_BSTR) {
      if (badArgument != nullptr) *badArgument = expected - 1;
      return DISP_E_TYPEMISMATCH;
    }
    if (SysStringLen(blob.bstrVal) > kMaxBlobUnits) return E_INVALIDARG;
    HRESULT hr = S_OK;
    if (id == wmbb::kDispidNotify) {
      Record("Notify", 0, blob.bstrVal);
      Received();
      Hold();
      if (result != nullptr) {
        result->vt = VT_BOOL;
        result->boolVal = VARIANT_TRUE;
      }
    } else {
      const VARIANT& deadline = params->rgvarg[0];
      if (deadline.vt != VT_I4) {
        if (badArgument != nullptr) *badArgument = 0;
        hr = DISP_E_TYPEMISMATCH;
      } else {
        Record("CheckEntitlement", deadline.lVal, blob.bstrVal);
        Received();
        Hold();
        if (options.answer != L"never" && result != nullptr) {
          result->vt = VT_BSTR;
          result->bstrVal = SysAllocString(options.answer.c_str());
        }
      }
    }
    return hr;
  }

 private:
  std::atomic<ULONG> references_{1};
};

class StandInFactory final : public IClassFactory {
 public:
  HRESULT STDMETHODCALLTYPE QueryInterface(REFIID iid, void** object) override {
    if (object == nullptr) return E_POINTER;
    *object = nullptr;
    if (iid != IID_IUnknown && iid != IID_IClassFactory) return E_NOINTERFACE;
    *object = static_cast<IClassFactory*>(this);
    return S_OK;  // static object: no counting
  }
  ULONG STDMETHODCALLTYPE AddRef() override { return 2; }
  ULONG STDMETHODCALLTYPE Release() override { return 1; }
  HRESULT STDMETHODCALLTYPE CreateInstance(IUnknown* outer, REFIID iid, void** object) override {
    if (outer != nullptr) return CLASS_E_NOAGGREGATION;
    auto* created = new OperatorEventsStandIn();
    const HRESULT hr = created->QueryInterface(iid, object);
    created->Release();
    return hr;
  }
  HRESULT STDMETHODCALLTYPE LockServer(BOOL) override { return S_OK; }
};

StandInFactory factory;

}  // namespace

HRESULT StandInServer::Start(const StandInOptions& given) {
  options = given;
  return CoRegisterClassObject(wmbb::kClsidOperatorEvents, &factory, CLSCTX_LOCAL_SERVER,
                               REGCLS_MULTIPLEUSE, &cookie);
}

void StandInServer::Stop() {
  SetEvent(stopping);
  if (cookie != 0) CoRevokeClassObject(cookie);
  cookie = 0;
}

bool StandInServer::WaitForCalls(long count, DWORD ms) {
  const ULONGLONG end = GetTickCount64() + ms;
  while (calls.load() < count) {
    const ULONGLONG now = GetTickCount64();
    if (now >= end) return false;
    WaitForSingleObject(callDone, static_cast<DWORD>(end - now));
  }
  return true;
}

long StandInServer::Calls() { return calls.load(); }

bool StandInServer::WaitForIdle(DWORD ms) {
  const ULONGLONG end = GetTickCount64() + ms;
  while (inFlight.load() > 0) {
    if (GetTickCount64() >= end) return false;
    Sleep(10);
  }
  return true;
}

}  // namespace task_host
