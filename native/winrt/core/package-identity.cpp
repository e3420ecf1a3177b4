#include "package-identity.h"

#if defined(__has_include)
#if __has_include(<appmodel.h>)
#include <appmodel.h>
#define WMBB_HAVE_APPMODEL_H 1
#endif
#endif

#ifndef WMBB_HAVE_APPMODEL_H
// mingw-w64 10 has no appmodel.h; kernel32 (and its import library) has the function since
// Windows 8.
extern "C" LONG WINAPI GetCurrentPackageFullName(UINT32* packageFullNameLength,
                                                 PWSTR packageFullName);
#endif

#ifndef APPMODEL_ERROR_NO_PACKAGE
#define APPMODEL_ERROR_NO_PACKAGE 15700L
#endif

namespace wmbb {

Status HasPackageIdentity(bool* hasIdentity) {
  // A zero-length buffer: a packaged process answers ERROR_INSUFFICIENT_BUFFER with the length
  // it needs; the name itself is not wanted.
  UINT32 length = 0;
  const LONG result = GetCurrentPackageFullName(&length, nullptr);
  if (result == APPMODEL_ERROR_NO_PACKAGE) {
    *hasIdentity = false;
    return std::nullopt;
  }
  if (result == ERROR_INSUFFICIENT_BUFFER || result == ERROR_SUCCESS) {
    *hasIdentity = true;
    return std::nullopt;
  }
  return Failure{HRESULT_FROM_WIN32(static_cast<DWORD>(result)), "GetCurrentPackageFullName"};
}

}  // namespace wmbb
