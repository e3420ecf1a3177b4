// What the test objects saw Windows' side of the task do: deferral completions and entitlement
// answers, with the milliseconds since Run was called. Written from any thread (the component
// answers from its forwarding thread, a thread-pool timer or the Canceled callback).
#pragma once

#include <windows.h>

#include <string>

#include "../../winrt/core/srw-mutex.h"

namespace task_host {

struct Answer {
  std::u16string method;  // AuthorizeTethering | AllowTethering | DenyTethering
  bool allow = false;
  std::u16string reason;
  long long atMs = -1;
};

class Observed {
 public:
  static Observed& Get();

  void StartClock() { start_ = GetTickCount64(); }
  long long Now() const { return static_cast<long long>(GetTickCount64() - start_); }

  void DeferralCompleted();
  void Answered(const wchar_t* method, bool allow, std::u16string reason);
  void Canceled() { canceledAtMs_ = Now(); }
  /** Waits up to `ms` for the first deferral completion. */
  bool WaitForCompletion(DWORD ms) { return WaitForSingleObject(completed_, ms) == WAIT_OBJECT_0; }

  /** The outcome so far as one JSON object. */
  std::u16string Json(const char* details, HRESULT activation, HRESULT run, long long runMs,
                      int canceledHandlersLeft) const;

 private:
  Observed() : completed_(CreateEventW(nullptr, TRUE, FALSE, nullptr)) {}
  mutable wmbb::SrwMutex lock_;
  ULONGLONG start_ = 0;
  HANDLE completed_;
  int completions_ = 0;
  long long completedAtMs_ = -1;
  int answers_ = 0;
  Answer first_;
  long long canceledAtMs_ = -1;
};

}  // namespace task_host
