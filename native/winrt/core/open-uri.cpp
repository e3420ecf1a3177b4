#include "open-uri.h"

#include <windows.h>
#include <objbase.h>
#include <shellapi.h>

#include <memory>

namespace wmbb {
namespace {

struct Launch {
  std::u16string uri;
  std::function<void(Status)> onEnd;
};

DWORD WINAPI Run(void* parameter) {
  std::unique_ptr<Launch> launch(static_cast<Launch*>(parameter));
  // The shell's documented requirement for ShellExecuteEx: COM initialized, apartment-threaded.
  const HRESULT init = CoInitializeEx(nullptr, COINIT_APARTMENTTHREADED | COINIT_DISABLE_OLE1DDE);
  SHELLEXECUTEINFOW info{};
  info.cbSize = sizeof info;
  // NOASYNC: this thread ends right after; FLAG_NO_UI: no error dialog, the caller reports it.
  info.fMask = SEE_MASK_NOASYNC | SEE_MASK_FLAG_NO_UI;
  info.lpVerb = L"open";
  info.lpFile = reinterpret_cast<const wchar_t*>(launch->uri.c_str());
  info.nShow = SW_SHOWNORMAL;
  Status result;
  if (!ShellExecuteExW(&info)) {
    result = Failure{HRESULT_FROM_WIN32(GetLastError()), "ShellExecuteEx"};
  }
  if (SUCCEEDED(init)) CoUninitialize();
  try {
    launch->onEnd(result);
  } catch (...) {
    // onEnd only queues for the JS thread.
  }
  return 0;
}

}  // namespace

Status OpenUri(std::u16string uri, std::function<void(Status)> onEnd) {
  auto launch = std::make_unique<Launch>(Launch{std::move(uri), std::move(onEnd)});
  HANDLE thread = CreateThread(nullptr, 0, Run, launch.get(), 0, nullptr);
  if (thread == nullptr) return Failure{HRESULT_FROM_WIN32(GetLastError()), "CreateThread (open a URI)"};
  launch.release();  // the thread owns it now
  CloseHandle(thread);
  return std::nullopt;
}

}  // namespace wmbb
