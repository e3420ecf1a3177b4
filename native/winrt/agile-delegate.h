// Base for the delegates the addon hands to Windows (event handlers, completion and progress
// handlers). Delegates are IUnknown-based COM objects; Windows calls them on whatever thread
// produced the event, so they answer IAgileObject (no marshaling proxy is wrapped around them,
// and they never touch thread-affine state).
#pragma once

#include <atomic>

#include "winrt-abi.h"

namespace wmbb {

template <class Delegate>
class AgileDelegate : public Delegate {
 public:
  HRESULT STDMETHODCALLTYPE QueryInterface(REFIID iid, void** object) override {
    if (object == nullptr) return E_POINTER;
    if (iid == __uuidof(IUnknown) || iid == __uuidof(Delegate) || iid == __uuidof(IAgileObject)) {
      *object = static_cast<Delegate*>(this);
      AddRef();
      return S_OK;
    }
    *object = nullptr;
    return E_NOINTERFACE;
  }
  ULONG STDMETHODCALLTYPE AddRef() override { return ++references_; }
  ULONG STDMETHODCALLTYPE Release() override {
    const ULONG left = --references_;
    if (left == 0) delete this;
    return left;
  }

 protected:
  AgileDelegate() = default;
  virtual ~AgileDelegate() = default;

 private:
  std::atomic<ULONG> references_{1};
};

/**
 * Takes over the reference a `new` object starts with. Not ComPtr::Attach: mingw-w64's Attach
 * adds a reference (MSVC's does not), which would leak every object made this way.
 */
template <class T>
ComPtr<T> Adopt(T* created) {
  ComPtr<T> pointer;
  *pointer.GetAddressOf() = created;
  return pointer;
}

}  // namespace wmbb
