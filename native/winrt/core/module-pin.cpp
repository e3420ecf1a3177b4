#include "module-pin.h"

#include <windows.h>

namespace wmbb {

Status PinModule() noexcept {
  static INIT_ONCE once = INIT_ONCE_STATIC_INIT;
  static HRESULT result = S_OK;
  InitOnceExecuteOnce(
      &once,
      [](INIT_ONCE*, void*, void**) -> BOOL {
        HMODULE module = nullptr;
        // FROM_ADDRESS: the module that contains this function, whatever its file name.
        if (!GetModuleHandleExW(
                GET_MODULE_HANDLE_EX_FLAG_PIN | GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS,
                reinterpret_cast<LPCWSTR>(&PinModule), &module)) {
          result = HRESULT_FROM_WIN32(GetLastError());
        }
        return TRUE;
      },
      nullptr, nullptr);
  return Check(result, "GetModuleHandleExW (pinning the addon)");
}

}  // namespace wmbb
