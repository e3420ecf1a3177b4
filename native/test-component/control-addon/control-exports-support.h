// What every control's export table needs (test-only control addon): an HRESULT check that
// throws a JS Error naming the control and the call, the control's activation factory, and an
// HSTRING owned for a call.
#pragma once

#include <napi.h>
#include <roapi.h>
#include <winstring.h>
#include <wrl/client.h>

#include <cstdio>
#include <cwchar>
#include <string>

namespace wmbb_test {

/** Throws "<prefix><what> failed with 0x…" when `hr` failed. */
inline void CheckControlCall(Napi::Env env, HRESULT hr, const char* prefix, const char* what) {
  if (FAILED(hr)) {
    char hex[16];
    snprintf(hex, sizeof hex, "0x%08lX", static_cast<unsigned long>(hr));
    throw Napi::Error::New(env, std::string(prefix) + what + " failed with " + hex);
  }
}

/**
 * The activation factory of the test component's control class `classId`, as the control
 * interface `I`; `activation` names the call in the error when the class is not registered.
 */
template <typename I>
Microsoft::WRL::ComPtr<I> ControlFactory(Napi::Env env, const wchar_t* classId, const char* prefix,
                                         const char* activation) {
  HSTRING_HEADER header;
  HSTRING id = nullptr;
  CheckControlCall(env,
                   WindowsCreateStringReference(classId, static_cast<UINT32>(wcslen(classId)),
                                                &header, &id),
                   prefix, "WindowsCreateStringReference");
  Microsoft::WRL::ComPtr<I> control;
  CheckControlCall(
      env, RoGetActivationFactory(id, __uuidof(I), reinterpret_cast<void**>(control.GetAddressOf())),
      prefix, activation);
  return control;
}

/** An HSTRING owned for the length of a call. */
class OwnedHString {
 public:
  OwnedHString() = default;
  explicit OwnedHString(const std::u16string& text) {
    WindowsCreateString(reinterpret_cast<const wchar_t*>(text.c_str()),
                        static_cast<UINT32>(text.size()), &value_);
  }
  OwnedHString(const OwnedHString&) = delete;
  OwnedHString& operator=(const OwnedHString&) = delete;
  ~OwnedHString() { WindowsDeleteString(value_); }
  HSTRING get() const { return value_; }
  HSTRING* put() { return &value_; }
  /** The string as JS text. */
  Napi::String ToJs(Napi::Env env) const {
    UINT32 length = 0;
    const wchar_t* raw = WindowsGetStringRawBuffer(value_, &length);
    return Napi::String::New(env, reinterpret_cast<const char16_t*>(raw), length);
  }

 private:
  HSTRING value_ = nullptr;
};

}  // namespace wmbb_test
