#include "task-run.h"

#include <cstdarg>
#include <cwchar>

#include "../winrt/core/hstring.h"

namespace wmbb {

TaskRun::TaskRun(TaskWork work, TaskConfig config,
                 ComPtr<ABI::Windows::ApplicationModel::Background::IBackgroundTaskDeferral> deferral)
    : work_(std::move(work)), config_(std::move(config)), deferral_(std::move(deferral)) {}

void TaskRun::Answer(bool allow, std::u16string_view reason, const wchar_t* source) {
  if (!work_.IsEntitlement() || answered_.exchange(true)) return;
  HString text;
  // Allowing takes no reason; a deny's reason is shown to the user by Windows.
  if (!allow) HString::Create(reason, &text);
  HRESULT hr = E_UNEXPECTED;
  if (work_.check) {
    hr = work_.check->AuthorizeTethering(allow, text.Get());
  } else if (work_.triggerCheck) {
    hr = allow ? work_.triggerCheck->AllowTethering()
               : work_.triggerCheck->DenyTethering(text.Get());
  }
  LogTask(L"entitlement %ls (%ls): 0x%08X", allow ? L"allowed" : L"denied", source,
          static_cast<unsigned>(hr));
  CompleteDeferral();
}

void TaskRun::Cancel() {
  if (work_.IsEntitlement()) {
    AnswerDefault(L"canceled");
  } else {
    if (!completed_.load()) LogTask(L"canceled before Node took the notification");
    CompleteDeferral();
  }
}

void TaskRun::CompleteDeferral() {
  if (completed_.exchange(true)) return;
  if (deferral_) deferral_->Complete();
}

void LogTask(const wchar_t* format, ...) {
  wchar_t text[512] = L"wmbb-operator-task: ";
  const size_t prefix = wcslen(text);
  va_list args;
  va_start(args, format);
  _vsnwprintf(text + prefix, 512 - prefix - 2, format, args);
  va_end(args);
  text[510] = L'\0';
  wcscat(text, L"\n");
  OutputDebugStringW(text);
}

}  // namespace wmbb
