// Plays the forwarding component's side of the hop, for tests: CoCreateInstance(
// CLSID_OperatorEvents, CLSCTX_LOCAL_SERVER, IID_IDispatch), then IDispatch::Invoke of Notify or
// CheckEntitlement with a blob, exactly as the brief's hop says (GetIDsOfNames, reverse-order
// arguments, DISPATCH_METHOD). No N-API: a test host can use it as is.
#pragma once

#include <windows.h>

#include <string>

namespace wmbb_test {

struct OperatorCallResult {
  /** Where it stopped: "CoCreateInstance", "GetIDsOfNames", "Invoke", or "" when it returned. */
  const char* failedCall = "";
  HRESULT hr = S_OK;
  /** The result's VARTYPE (VT_EMPTY, VT_BOOL, VT_BSTR). */
  VARTYPE vt = VT_EMPTY;
  bool boolValue = false;
  std::u16string text;
};

/**
 * Calls `method` ("Notify", or "CheckEntitlement" with `deadlineMs`) with `blob`. The calling
 * thread must be in the MTA (CoInitializeEx(COINIT_MULTITHREADED)); the call blocks it.
 */
OperatorCallResult CallOperatorEvents(const wchar_t* method, const std::u16string& blob,
                                      int deadlineMs);

}  // namespace wmbb_test
