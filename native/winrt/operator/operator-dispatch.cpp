#include "operator-dispatch.h"

#include <oleauto.h>

#include <atomic>
#include <cwchar>
#include <new>

#include "operator-events.h"

namespace wmbb {
namespace {

/** IUnknown with an atomic count, for objects that RPC threads share. */
template <class Interface>
class ComObject : public Interface {
 public:
  virtual ~ComObject() = default;
  ULONG STDMETHODCALLTYPE AddRef() override { return ++references_; }
  ULONG STDMETHODCALLTYPE Release() override {
    const ULONG left = --references_;
    if (left == 0) delete this;
    return left;
  }
  HRESULT STDMETHODCALLTYPE QueryInterface(REFIID iid, void** out) override {
    if (out == nullptr) return E_POINTER;
    if (iid == __uuidof(IUnknown) || iid == __uuidof(Interface)) {
      *out = static_cast<Interface*>(this);
      AddRef();
      return S_OK;
    }
    *out = nullptr;
    return E_NOINTERFACE;
  }

 private:
  std::atomic<ULONG> references_{1};
};

/** The BSTR of an argument: VT_BSTR, or VT_BSTR | VT_BYREF (what some callers pass). */
bool ArgumentText(const VARIANT& argument, BSTR* text) {
  if (V_VT(&argument) == VT_BSTR) {
    *text = V_BSTR(&argument);
    return true;
  }
  if (V_VT(&argument) == (VT_BSTR | VT_BYREF) && V_BSTRREF(&argument) != nullptr) {
    *text = *V_BSTRREF(&argument);
    return true;
  }
  return false;
}

class OperatorEventsDispatch final : public ComObject<IDispatch> {
 public:
  explicit OperatorEventsDispatch(std::shared_ptr<OperatorEventsServer> server)
      : server_(std::move(server)) {}

  HRESULT STDMETHODCALLTYPE GetTypeInfoCount(UINT* count) override {
    if (count == nullptr) return E_POINTER;
    *count = 0;
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE GetTypeInfo(UINT, LCID, ITypeInfo** info) override {
    if (info != nullptr) *info = nullptr;
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE GetIDsOfNames(REFIID, LPOLESTR* names, UINT count, LCID,
                                          DISPID* ids) override {
    if (names == nullptr || ids == nullptr) return E_POINTER;
    if (count == 0) return S_OK;
    HRESULT hr = S_OK;
    // The first name is the method's; the others would name its parameters, which have none
    // by name (positional only).
    for (UINT i = 0; i < count; ++i) ids[i] = DISPID_UNKNOWN;
    if (names[0] != nullptr && _wcsicmp(names[0], L"Notify") == 0) {
      ids[0] = kNotifyDispId;
    } else if (names[0] != nullptr && _wcsicmp(names[0], L"CheckEntitlement") == 0) {
      ids[0] = kCheckEntitlementDispId;
    } else {
      hr = DISP_E_UNKNOWNNAME;
    }
    return count > 1 ? DISP_E_UNKNOWNNAME : hr;
  }

  HRESULT STDMETHODCALLTYPE Invoke(DISPID id, REFIID iid, LCID, WORD flags, DISPPARAMS* params,
                                   VARIANT* result, EXCEPINFO*, UINT* argumentError) override {
    if (iid != IID_NULL) return DISP_E_UNKNOWNINTERFACE;
    if (id != kNotifyDispId && id != kCheckEntitlementDispId) return DISP_E_MEMBERNOTFOUND;
    if ((flags & DISPATCH_METHOD) == 0) return DISP_E_MEMBERNOTFOUND;
    if (params == nullptr) return DISP_E_BADPARAMCOUNT;
    if (params->cNamedArgs != 0) return DISP_E_NONAMEDARGS;
    const UINT expected = id == kNotifyDispId ? 1 : 2;
    if (params->cArgs != expected || params->rgvarg == nullptr) return DISP_E_BADPARAMCOUNT;
    if (result != nullptr) VariantInit(result);
    // rgvarg[0] is the last argument.
    const UINT blobIndex = expected - 1;
    BSTR blob = nullptr;
    if (!ArgumentText(params->rgvarg[blobIndex], &blob)) {
      if (argumentError != nullptr) *argumentError = blobIndex;
      return DISP_E_TYPEMISMATCH;
    }
    const uint32_t length = SysStringLen(blob);  // a null BSTR is the empty string
    const wchar_t* text = blob == nullptr ? L"" : blob;
    if (id == kNotifyDispId) return server_->Notify(text, length, result);
    VARIANT deadline;
    VariantInit(&deadline);
    if (FAILED(VariantChangeType(&deadline, &params->rgvarg[0], 0, VT_I4))) {
      if (argumentError != nullptr) *argumentError = 0;
      return DISP_E_TYPEMISMATCH;
    }
    return server_->CheckEntitlement(text, length, V_I4(&deadline), result);
  }

 private:
  std::shared_ptr<OperatorEventsServer> server_;
};

class OperatorEventsFactory final : public ComObject<IClassFactory> {
 public:
  explicit OperatorEventsFactory(std::shared_ptr<OperatorEventsServer> server)
      : server_(std::move(server)) {}

  HRESULT STDMETHODCALLTYPE CreateInstance(IUnknown* outer, REFIID iid, void** out) override {
    if (out == nullptr) return E_POINTER;
    *out = nullptr;
    if (outer != nullptr) return CLASS_E_NOAGGREGATION;
    auto* object = new (std::nothrow) OperatorEventsDispatch(server_);
    if (object == nullptr) return E_OUTOFMEMORY;
    const HRESULT hr = object->QueryInterface(iid, out);
    object->Release();
    return hr;
  }
  HRESULT STDMETHODCALLTYPE LockServer(BOOL) override { return S_OK; }

 private:
  std::shared_ptr<OperatorEventsServer> server_;
};

}  // namespace

IClassFactory* NewOperatorEventsFactory(std::shared_ptr<OperatorEventsServer> server) noexcept {
  try {
    return new OperatorEventsFactory(std::move(server));
  } catch (...) {
    return nullptr;
  }
}

}  // namespace wmbb
