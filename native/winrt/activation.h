// Getting WinRT activation factories and statics interfaces.
#pragma once

#include "hstring.h"
#include "status.h"

namespace wmbb {

/**
 * Makes sure the calling thread can use WinRT. Once per process it calls CoIncrementMTAUsage,
 * which keeps a multithreaded apartment alive so that every thread without an apartment of its
 * own (the Node main thread, worker threads) uses it implicitly. A library must not call
 * RoInitialize on threads it does not own: the host (Electron, for one) may have initialised the
 * thread differently, and RoUninitialize at the wrong time tears down the host's apartment.
 * The MTA usage is never released: the addon may be loaded by several environments
 * (worker threads) and WinRT objects may outlive any one of them.
 */
Status EnsureWinRt();

/**
 * RoGetActivationFactory for `classId`, asking for interface `Interface` (a statics interface or
 * IActivationFactory). `call` names the call for errors ("ESimManager").
 */
template <class Interface>
Status GetActivationFactory(const wchar_t* classId, const char* call, ComPtr<Interface>* out) {
  if (auto failure = EnsureWinRt()) return failure;
  HStringReference id(classId);
  return Check(RoGetActivationFactory(id.Get(), __uuidof(Interface),
                                      reinterpret_cast<void**>(out->ReleaseAndGetAddressOf())),
               call);
}

}  // namespace wmbb
