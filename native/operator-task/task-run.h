// One Run's outcome, shared by the three threads that may decide it: the forwarding thread
// (Node answered, or could not be reached), the deadline timer and Windows' Canceled callback.
// Each decision is taken once: the first answer wins and is the only one Windows sees, and the
// deferral is completed once, after the answer.
#pragma once

#include <atomic>
#include <string>

#include "details-reader.h"
#include "task-config.h"

namespace wmbb {

class TaskRun {
 public:
  TaskRun(TaskWork work, TaskConfig config,
          ComPtr<ABI::Windows::ApplicationModel::Background::IBackgroundTaskDeferral> deferral);

  const TaskWork& Work() const { return work_; }
  const TaskConfig& Config() const { return config_; }

  /** Node's answer (or the default): AuthorizeTethering / Allow / Deny, once; then Complete. */
  void Answer(bool allow, std::u16string_view reason, const wchar_t* source);
  /** The configured default, once, with `why` ("deadline", "canceled", "unreachable") logged. */
  void AnswerDefault(const wchar_t* why) { Answer(config_.allow, config_.reason, why); }
  /** Windows' Canceled: the default for a check, else just the deferral. */
  void Cancel();
  /** Completes the deferral, once. */
  void CompleteDeferral();
  /** Whether an answer has been given (a check) or the deferral completed. */
  bool Settled() const { return answered_.load() || completed_.load(); }

 private:
  TaskWork work_;
  TaskConfig config_;
  ComPtr<ABI::Windows::ApplicationModel::Background::IBackgroundTaskDeferral> deferral_;
  std::atomic<bool> answered_{false};
  std::atomic<bool> completed_{false};
};

/** OutputDebugStringW with the component's prefix: what backgroundtaskhost lets a task log. */
void LogTask(const wchar_t* format, ...);

}  // namespace wmbb
