// How WinRT failures travel through the native layer: an HRESULT plus the name of the call that
// returned it ("ESimManager.TryCreateESimWatcher"). The glue turns it into a JS error carrying
// both, and lib/native/hresult.ts turns that into a MobileBroadbandError with a stable code.
// No exceptions: this code runs inside Windows callbacks, where an exception must never escape.
#pragma once

#include <optional>

#include "winrt-abi.h"

// The object has been closed. In the Windows SDK's winerror.h; mingw-w64 10 lacks it.
#ifndef RO_E_CLOSED
#define RO_E_CLOSED static_cast<HRESULT>(0x80000013L)
#endif
// A method was called in a state that does not allow it. Also missing from mingw-w64 10.
#ifndef E_ILLEGAL_STATE_CHANGE
#define E_ILLEGAL_STATE_CHANGE static_cast<HRESULT>(0x8000000DL)
#endif

namespace wmbb {

/** A failed WinRT call. `call` is a string literal naming the class member that failed. */
struct Failure {
  HRESULT hr;
  const char* call;
};

/** Success (empty) or the first failure. */
using Status = std::optional<Failure>;

/** Turns an HRESULT into a Status; use as `if (auto f = Check(x->Foo(), "Class.Foo")) return f;`. */
inline Status Check(HRESULT hr, const char* call) {
  if (FAILED(hr)) return Failure{hr, call};
  return std::nullopt;
}

}  // namespace wmbb
