// A GUID as Windows prints it, for ids that cross to JavaScript as text (an adapter's id, a
// background task's TaskId).
#pragma once

#include <cstdio>
#include <string>

#include "winrt-abi.h"

namespace wmbb {

/** `{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}`, upper case. */
inline std::u16string GuidText(const GUID& guid) {
  char text[40];
  std::snprintf(text, sizeof text, "{%08lX-%04X-%04X-%02X%02X-%02X%02X%02X%02X%02X%02X}",
                static_cast<unsigned long>(guid.Data1), guid.Data2, guid.Data3, guid.Data4[0],
                guid.Data4[1], guid.Data4[2], guid.Data4[3], guid.Data4[4], guid.Data4[5],
                guid.Data4[6], guid.Data4[7]);
  return std::u16string(text, text + 38);
}

}  // namespace wmbb
