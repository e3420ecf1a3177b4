// The app's background-task registrations: BackgroundTaskRegistration.AllTasks read and
// unregistered, and BackgroundTaskBuilder registering a task with one of the two operator
// triggers. Every function runs on the addon's MTA thread (activation refuses any other).
// Windows refuses all of it to a process without package identity; the caller checks that
// first (package-identity.h) to say so plainly.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "../core/status.h"

namespace wmbb {

/** A registration's trigger, as lib/native/addon-types.ts documents it. */
enum TaskTriggerKind : int32_t {
  /** No trigger, or it could not be read (IBackgroundTaskRegistration2 missing or failing). */
  kTaskTriggerUnknown = -1,
  kTaskTriggerOther = 0,
  kTaskTriggerNetworkOperatorNotification = 1,
  kTaskTriggerTetheringEntitlementCheck = 2,
};

/** One registration, read. */
struct TaskInfo {
  /** TaskId as {XXXXXXXX-…}. */
  std::u16string taskId;
  std::u16string name;
  int32_t trigger = kTaskTriggerUnknown;
  /** NetworkOperatorNotificationTrigger.NetworkAccountId, when `hasNetworkAccountId`. */
  bool hasNetworkAccountId = false;
  std::u16string networkAccountId;
};

/** The registrations whose name starts with `namePrefix`. */
Status ListTasks(std::u16string_view namePrefix, std::vector<TaskInfo>* tasks);

/**
 * Unregister(true) of every registration whose name is one of `names` (a running instance is
 * cancelled); `*count` says how many were unregistered, also when one fails part way.
 */
Status UnregisterTasks(const std::vector<std::u16string>& names, int32_t* count);

/**
 * BackgroundTaskBuilder: Name, TaskEntryPoint, SetTrigger with `trigger`
 * (kTaskTriggerNetworkOperatorNotification: NetworkOperatorNotificationTrigger(networkAccountId);
 * kTaskTriggerTetheringEntitlementCheck: TetheringEntitlementCheckTrigger), then Register().
 * `*task` is the new registration, read.
 */
Status RegisterTask(std::u16string_view name, std::u16string_view entryPoint, int32_t trigger,
                    std::u16string_view networkAccountId, TaskInfo* task);

}  // namespace wmbb
