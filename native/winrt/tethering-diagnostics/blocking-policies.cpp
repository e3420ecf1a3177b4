#include "blocking-policies.h"

#include <windows.h>

namespace wmbb {
namespace {

struct KnownPolicy {
  const char* name;
  const wchar_t* key;
  const wchar_t* value;
  /** The DWORD that means "blocked". */
  DWORD blocking;
};

constexpr KnownPolicy kKnownPolicies[] = {
    {"NC_ShowSharedAccessUI", L"SOFTWARE\\Policies\\Microsoft\\Windows\\Network Connections",
     L"NC_ShowSharedAccessUI", 0},
    {"Wifi/AllowInternetSharing", L"SOFTWARE\\Microsoft\\PolicyManager\\current\\device\\Wifi",
     L"AllowInternetSharing", 0},
};

/** The DWORD value, if present and a DWORD. */
bool ReadDword(const wchar_t* key, const wchar_t* value, DWORD* out) {
  DWORD size = sizeof *out;
  // The 64-bit view: the policy keys live there whatever the process's bitness.
  return RegGetValueW(HKEY_LOCAL_MACHINE, key, value, RRF_RT_REG_DWORD | RRF_SUBKEY_WOW6464KEY,
                      nullptr, out, &size) == ERROR_SUCCESS;
}

}  // namespace

std::vector<std::string> ReadBlockingPolicies() {
  std::vector<std::string> names;
  for (const KnownPolicy& policy : kKnownPolicies) {
    DWORD value = 0;
    if (ReadDword(policy.key, policy.value, &value) && value == policy.blocking)
      names.emplace_back(policy.name);
  }
  return names;
}

}  // namespace wmbb
