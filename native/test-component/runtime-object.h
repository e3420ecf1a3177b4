// IUnknown + IInspectable for the component's runtime objects. Agile (answers IAgileObject):
// the real eSIM classes are agile, and the addon calls them from any thread.
#pragma once

#include <atomic>
#include <type_traits>

#include "live-objects.h"
#include "winrt.h"

namespace test_component {

/** `counted`: whether the object takes part in LiveObjects (everything but the control). */
template <class Derived, bool counted, class Primary, class... Others>
class RuntimeObject : public Primary, public Others..., protected Counter<counted> {
 public:
  HRESULT STDMETHODCALLTYPE QueryInterface(REFIID iid, void** object) override {
    if (object == nullptr) return E_POINTER;
    *object = nullptr;
    if (iid == __uuidof(IUnknown) || iid == __uuidof(IInspectable) ||
        iid == __uuidof(IAgileObject) || iid == __uuidof(Primary)) {
      *object = static_cast<Primary*>(this);
    } else {
      (void)((iid == __uuidof(Others) ? (*object = static_cast<Others*>(this), true) : false) ||
             ...);
    }
    if (*object == nullptr) return E_NOINTERFACE;
    AddRef();
    return S_OK;
  }
  ULONG STDMETHODCALLTYPE AddRef() override { return ++references_; }
  ULONG STDMETHODCALLTYPE Release() override {
    const ULONG left = --references_;
    if (left == 0) delete static_cast<Derived*>(this);
    return left;
  }
  HRESULT STDMETHODCALLTYPE GetIids(ULONG* count, IID** iids) override {
    const IID all[] = {__uuidof(Primary), __uuidof(Others)...};
    const ULONG n = static_cast<ULONG>(sizeof(all) / sizeof(all[0]));
    *iids = static_cast<IID*>(CoTaskMemAlloc(sizeof(all)));
    if (*iids == nullptr) return E_OUTOFMEMORY;
    for (ULONG i = 0; i < n; ++i) (*iids)[i] = all[i];
    *count = n;
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE GetRuntimeClassName(HSTRING* name) override {
    const wchar_t* text = Derived::kClassName;
    return WindowsCreateString(text, static_cast<UINT32>(wcslen(text)), name);
  }
  HRESULT STDMETHODCALLTYPE GetTrustLevel(TrustLevel* level) override {
    *level = BaseTrust;
    return S_OK;
  }

 protected:
  RuntimeObject() = default;
  virtual ~RuntimeObject() = default;

 private:
  std::atomic<ULONG> references_{1};
};

/** Hands out a new object's first reference through an out-parameter of interface type. */
template <class Interface, class Object>
HRESULT Return(Object* created, Interface** out) {
  if (out == nullptr) {
    created->Release();
    return E_POINTER;
  }
  *out = static_cast<Interface*>(created);
  return S_OK;
}

}  // namespace test_component
