// The entitlement default, read from wmbb-operator-task.ini beside the DLL on every Run (so an
// operator can change it without re-registering anything):
//
//   [entitlement]
//   default=deny            ; allow | deny
//   reason=The operator app could not check your plan; try again in a minute.
//   deadlineMs=20000        ; 1000..25000
//
// No file, or a bad value → that value's default (deny, the reason above, 20000).
// GetPrivateProfileString keeps inline comments, so `default` and `deadlineMs` end at their
// first ';'; `reason` is taken whole (it may itself hold a ';', as the default one does).
#pragma once

#include <string>

namespace wmbb {

struct TaskConfig {
  bool allow = false;
  std::u16string reason;
  int deadlineMs = 20000;
};

inline constexpr int kMinDeadlineMs = 1000;
inline constexpr int kMaxDeadlineMs = 25000;
inline constexpr char16_t kDefaultReason[] =
    u"The operator app could not check your plan; try again in a minute.";

/** Reads the configuration from `iniPath` (a missing file gives the defaults). */
TaskConfig ReadTaskConfig(const std::wstring& iniPath);

/** wmbb-operator-task.ini in the folder of the module that contains this code (the DLL). */
std::wstring ConfigPathBesideModule();

}  // namespace wmbb
