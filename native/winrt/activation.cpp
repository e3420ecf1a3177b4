#include "activation.h"

#include <mutex>

namespace wmbb {

Status EnsureWinRt() {
  static std::once_flag once;
  static HRESULT result = S_OK;
  std::call_once(once, [] {
    CO_MTA_USAGE_COOKIE cookie = nullptr;
    result = CoIncrementMTAUsage(&cookie);
  });
  return Check(result, "CoIncrementMTAUsage");
}

}  // namespace wmbb
