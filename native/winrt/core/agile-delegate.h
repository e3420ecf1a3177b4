// Base for the delegates the addon hands to Windows (event handlers, completion and progress
// handlers). Delegates are IUnknown-based COM objects that Windows calls on whatever thread
// produced the event. They never touch thread-affine state, so they are free-threaded:
//
// - they aggregate the free-threaded marshaler (IMarshal), as C++/WinRT's delegates do. That is
//   what decides marshaling: when Windows hands the delegate to another apartment or process,
//   the FTM passes the raw pointer within the process instead of a proxy that would send every
//   call back to the apartment that registered it (which, for an STA that nothing pumps, would
//   never run it);
// - they also answer IAgileObject, which says the same to code that asks (it changes nothing
//   about marshaling by itself).
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
    if (iid == __uuidof(IMarshal)) {
      IUnknown* marshaler = FreeThreadedMarshaler();
      if (marshaler != nullptr) return marshaler->QueryInterface(iid, object);
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
  virtual ~AgileDelegate() {
    if (IUnknown* marshaler = marshaler_.load()) marshaler->Release();
  }

 private:
  /** The FTM aggregated by this delegate (its inner unknown), made on first request. */
  IUnknown* FreeThreadedMarshaler() {
    IUnknown* existing = marshaler_.load();
    if (existing != nullptr) return existing;
    IUnknown* made = nullptr;
    if (FAILED(CoCreateFreeThreadedMarshaler(static_cast<Delegate*>(this), &made))) return nullptr;
    if (!marshaler_.compare_exchange_strong(existing, made)) {
      made->Release();  // another thread made one first
      return existing;
    }
    return made;
  }

  std::atomic<ULONG> references_{1};
  std::atomic<IUnknown*> marshaler_{nullptr};
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
