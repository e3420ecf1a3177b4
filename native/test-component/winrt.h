// The component sees the same WinRT ABI headers as the addon (widl-generated under mingw).
#pragma once

#ifndef NOMINMAX
#define NOMINMAX
#endif
#include <windows.h>
#include <objidl.h>
#include <roapi.h>
#include <winstring.h>
#include <inspectable.h>
#include <activation.h>
#include <wrl/client.h>
#include <windows.foundation.h>
#include <windows.foundation.collections.h>
#include <windows.networking.networkoperators.h>

#include <cwchar>
#include <string>

// In the Windows SDK's winerror.h; mingw-w64 10 lacks them.
#ifndef E_BOUNDS
#define E_BOUNDS static_cast<HRESULT>(0x8000000BL)
#endif
#ifndef E_ILLEGAL_METHOD_CALL
#define E_ILLEGAL_METHOD_CALL static_cast<HRESULT>(0x8000000EL)
#endif

namespace test_component {
namespace foundation = ABI::Windows::Foundation;
namespace collections = ABI::Windows::Foundation::Collections;
namespace netops = ABI::Windows::Networking::NetworkOperators;
using Microsoft::WRL::ComPtr;

inline std::wstring ToWString(HSTRING value) {
  UINT32 length = 0;
  const wchar_t* raw = WindowsGetStringRawBuffer(value, &length);
  return std::wstring(raw, length);
}

inline HRESULT MakeHString(const std::wstring& text, HSTRING* out) {
  if (out == nullptr) return E_POINTER;
  return WindowsCreateString(text.c_str(), static_cast<UINT32>(text.size()), out);
}
}  // namespace test_component
