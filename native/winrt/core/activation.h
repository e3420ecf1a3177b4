// Getting WinRT activation factories and statics interfaces, on the addon's MTA thread only.
#pragma once

#include "hstring.h"
#include "mta-thread.h"
#include "status.h"

// The call was made on the wrong thread. In winerror.h of both SDKs; kept for clarity.
#ifndef RPC_E_WRONG_THREAD
#define RPC_E_WRONG_THREAD static_cast<HRESULT>(0x8001010EL)
#endif

namespace wmbb {

/**
 * RoGetActivationFactory for `classId`, asking for interface `Interface` (a statics interface or
 * IActivationFactory). `call` names the call for errors ("ESimManager"). Only on the MTA thread
 * (mta-thread.h): anywhere else it fails with RPC_E_WRONG_THREAD, so a call that slipped onto
 * the JS thread shows up in every test instead of only in an STA host.
 */
template <class Interface>
Status GetActivationFactory(const wchar_t* classId, const char* call, ComPtr<Interface>* out) {
  if (!MtaThread::IsCurrent()) return Failure{RPC_E_WRONG_THREAD, call};
  HStringReference id(classId);
  return Check(RoGetActivationFactory(id.Get(), __uuidof(Interface),
                                      reinterpret_cast<void**>(out->ReleaseAndGetAddressOf())),
               call);
}

}  // namespace wmbb
