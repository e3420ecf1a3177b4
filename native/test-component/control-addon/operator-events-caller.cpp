#include "operator-events-caller.h"

#include <oleauto.h>

namespace wmbb_test {

namespace {
// CLSID_OperatorEvents {45AEED8D-934E-4C22-8336-3DDB3EB844B2}
const CLSID kOperatorEventsClsid = {
    0x45aeed8d, 0x934e, 0x4c22, {0x83, 0x36, 0x3d, 0xdb, 0x3e, 0xb8, 0x44, 0xb2}};
}  // namespace

OperatorCallResult CallOperatorEvents(const wchar_t* method, const std::u16string& blob,
                                      int deadlineMs) {
  OperatorCallResult out;
  IDispatch* dispatch = nullptr;
  out.hr = CoCreateInstance(kOperatorEventsClsid, nullptr, CLSCTX_LOCAL_SERVER, IID_IDispatch,
                            reinterpret_cast<void**>(&dispatch));
  if (FAILED(out.hr)) {
    out.failedCall = "CoCreateInstance";
    return out;
  }
  DISPID id = DISPID_UNKNOWN;
  LPOLESTR name = const_cast<LPOLESTR>(method);
  out.hr = dispatch->GetIDsOfNames(IID_NULL, &name, 1, LOCALE_USER_DEFAULT, &id);
  if (FAILED(out.hr)) {
    out.failedCall = "GetIDsOfNames";
    dispatch->Release();
    return out;
  }
  const bool check = id == 2;
  VARIANT args[2];
  VariantInit(&args[0]);
  VariantInit(&args[1]);
  // Reverse order: rgvarg[0] is the last argument.
  VARIANT& blobArg = check ? args[1] : args[0];
  V_VT(&blobArg) = VT_BSTR;
  V_BSTR(&blobArg) = SysAllocStringLen(reinterpret_cast<const OLECHAR*>(blob.data()),
                                       static_cast<UINT>(blob.size()));
  if (check) {
    V_VT(&args[0]) = VT_I4;
    V_I4(&args[0]) = deadlineMs;
  }
  DISPPARAMS params{args, nullptr, check ? 2u : 1u, 0};
  VARIANT result;
  VariantInit(&result);
  UINT argumentError = 0;
  out.hr = dispatch->Invoke(id, IID_NULL, LOCALE_USER_DEFAULT, DISPATCH_METHOD, &params, &result,
                            nullptr, &argumentError);
  if (FAILED(out.hr)) out.failedCall = "Invoke";
  out.vt = V_VT(&result);
  if (V_VT(&result) == VT_BOOL) out.boolValue = V_BOOL(&result) != VARIANT_FALSE;
  if (V_VT(&result) == VT_BSTR && V_BSTR(&result) != nullptr) {
    out.text.assign(reinterpret_cast<const char16_t*>(V_BSTR(&result)),
                    SysStringLen(V_BSTR(&result)));
  }
  VariantClear(&result);
  VariantClear(&args[0]);
  VariantClear(&args[1]);
  dispatch->Release();
  return out;
}

}  // namespace wmbb_test
