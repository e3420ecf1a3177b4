#include "task-config.h"

#include <windows.h>

#include <cwctype>

namespace wmbb {
namespace {

constexpr wchar_t kSection[] = L"entitlement";

std::wstring ReadValue(const std::wstring& iniPath, const wchar_t* key) {
  wchar_t buffer[1024] = {};
  GetPrivateProfileStringW(kSection, key, L"", buffer, 1024, iniPath.c_str());
  return buffer;
}

std::wstring Trim(std::wstring text) {
  while (!text.empty() && iswspace(text.back())) text.pop_back();
  size_t start = 0;
  while (start < text.size() && iswspace(text[start])) ++start;
  return text.substr(start);
}

/** The value up to an inline comment, trimmed. */
std::wstring Setting(const std::wstring& raw) { return Trim(raw.substr(0, raw.find(L';'))); }

}  // namespace

TaskConfig ReadTaskConfig(const std::wstring& iniPath) {
  TaskConfig config;
  config.reason = kDefaultReason;
  if (iniPath.empty()) return config;  // "" would make Windows read win.ini

  const std::wstring mode = Setting(ReadValue(iniPath, L"default"));
  if (_wcsicmp(mode.c_str(), L"allow") == 0) config.allow = true;

  const std::wstring reason = Trim(ReadValue(iniPath, L"reason"));
  if (!reason.empty()) config.reason.assign(reason.begin(), reason.end());

  // Digits only: "5000ms" or "-1" is a bad value, not 5000 or a wrap-around.
  const std::wstring deadline = Setting(ReadValue(iniPath, L"deadlineMs"));
  if (!deadline.empty() && deadline.size() <= 6 &&
      deadline.find_first_not_of(L"0123456789") == std::wstring::npos) {
    const int value = std::stoi(deadline);
    if (value >= kMinDeadlineMs && value <= kMaxDeadlineMs) config.deadlineMs = value;
  }
  return config;
}

std::wstring ConfigPathBesideModule() {
  HMODULE module = nullptr;
  // FROM_ADDRESS + UNCHANGED_REFCOUNT: this DLL, whatever its name, without a reference.
  if (!GetModuleHandleExW(
          GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS | GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT,
          reinterpret_cast<LPCWSTR>(&ConfigPathBesideModule), &module)) {
    return L"";
  }
  wchar_t path[MAX_PATH * 4] = {};
  const DWORD length = GetModuleFileNameW(module, path, MAX_PATH * 4);
  if (length == 0 || length >= MAX_PATH * 4) return L"";
  std::wstring folder(path, length);
  const size_t slash = folder.find_last_of(L"\\/");
  folder.erase(slash == std::wstring::npos ? 0 : slash + 1);
  return folder + L"wmbb-operator-task.ini";
}

}  // namespace wmbb
