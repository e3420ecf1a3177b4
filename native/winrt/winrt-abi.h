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
}  // namespace wmbb
