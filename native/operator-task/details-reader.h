// Reads what Windows handed the task, right in Run (the objects are only promised to live that
// long): the instance id and every field of the trigger details, into the blob the hop carries,
// plus the interface the entitlement answer goes to. A getter that fails leaves its field out
// and names it in the blob's `issues`; nothing here fails as a whole.
#pragma once

#include <string>

#include <windows.applicationmodel.background.h>

#include "../winrt/core/winrt-abi.h"

namespace wmbb {

enum class TaskKind {
  /** Anything sent through Notify (DISPID 1): MessageType 0–12 but 10, or unreadable details. */
  Notification,
  /** MessageType 10 details: answered through INetworkOperatorTetheringEntitlementCheck. */
  EntitlementNotification,
  /** TetheringEntitlementCheckTriggerDetails: answered through Allow/DenyTethering. */
  EntitlementTrigger,
};

struct TaskWork {
  TaskKind kind = TaskKind::Notification;
  std::u16string blob;
  ComPtr<abi_netops::INetworkOperatorTetheringEntitlementCheck> check;
  ComPtr<abi_netops::ITetheringEntitlementCheckTriggerDetails> triggerCheck;

  bool IsEntitlement() const { return kind != TaskKind::Notification; }
};

/** The longest `message` the blob carries, in UTF-16 units. */
inline constexpr size_t kMaxMessageUnits = 16384;

TaskWork ReadTaskWork(ABI::Windows::ApplicationModel::Background::IBackgroundTaskInstance* instance);

}  // namespace wmbb
