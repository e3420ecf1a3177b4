// The one include for the WinRT ABI. MSVC reads the Windows SDK's headers; mingw-w64 reads the
// headers widl generates from native/abi at build time (their folder is first on the include
// path). Both spell every type the same way (ABI::Windows::…), so the code that includes this
// file is one code path for both compilers.
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

namespace wmbb {
namespace abi_foundation = ABI::Windows::Foundation;
namespace abi_collections = ABI::Windows::Foundation::Collections;
namespace abi_netops = ABI::Windows::Networking::NetworkOperators;
using Microsoft::WRL::ComPtr;

// IAsyncInfo and AsyncStatus are in ABI::Windows::Foundation in the Windows SDK and in the
// global namespace in mingw-w64's asyncinfo.h. Ordinary lookup through a using-directive finds
// whichever exists, so the rest of the code names them wmbb::IAsyncInfo / wmbb::AsyncStatus.
// (AsyncStatus::Completed works for the SDK's enum class and mingw's plain enum alike.)
namespace foundation_lookup {
using namespace ABI::Windows::Foundation;
using AsyncInfoInterface = IAsyncInfo;
using AsyncStatusEnum = AsyncStatus;
}  // namespace foundation_lookup
using IAsyncInfo = foundation_lookup::AsyncInfoInterface;
using AsyncStatus = foundation_lookup::AsyncStatusEnum;

/**
 * Moves the reference out of `from`, leaving it null. Not `to = std::move(from)`: mingw-w64's
 * ComPtr move assignment copies (AddRef) and leaves the source holding its reference, which
 * leaks whatever the source's owner keeps alive (MSVC's clears it).
 */
template <class T>
ComPtr<T> Take(ComPtr<T>& from) {
  ComPtr<T> taken;
  taken.Swap(from);
  return taken;
}
}  // namespace wmbb
