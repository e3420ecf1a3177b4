#include "task-registrations.h"

#include <algorithm>
#include <memory>
#include <type_traits>

#include "../core/activation.h"
#include "../core/guid-text.h"
#include "../core/hstring.h"
#include "task-map-abi.h"

namespace wmbb {
namespace {

namespace abi_background = ABI::Windows::ApplicationModel::Background;
using abi_background::IBackgroundTaskBuilder;
using abi_background::IBackgroundTaskRegistration;
using abi_background::IBackgroundTaskRegistration2;
using abi_background::IBackgroundTaskRegistrationStatics;
using abi_background::IBackgroundTrigger;
using abi_background::INetworkOperatorNotificationTrigger;
using abi_background::INetworkOperatorNotificationTriggerFactory;

constexpr const wchar_t* kBuilderClass = L"Windows.ApplicationModel.Background.BackgroundTaskBuilder";
constexpr const wchar_t* kRegistrationClass =
    L"Windows.ApplicationModel.Background.BackgroundTaskRegistration";
constexpr const wchar_t* kNotificationTriggerClass =
    L"Windows.ApplicationModel.Background.NetworkOperatorNotificationTrigger";
constexpr const wchar_t* kEntitlementTriggerClass =
    L"Windows.ApplicationModel.Background.TetheringEntitlementCheckTrigger";

/** The interface a getter `get_X(T**)` hands out: the SDK's IMapView<GUID, …> for AllTasks,
 *  IInspectable in native/abi (which cannot declare the map). */
template <class C, class T>
T* PointeeOf(HRESULT (STDMETHODCALLTYPE C::*)(T**));
using AllTasksMap =
    std::remove_pointer_t<decltype(PointeeOf(&IBackgroundTaskRegistrationStatics::get_AllTasks))>;

/** A default-constructible class activated by name (RoActivateInstance, on the MTA thread). */
template <class Interface>
Status Activate(const wchar_t* classId, const char* call, ComPtr<Interface>* out) {
  ComPtr<IActivationFactory> factory;
  if (auto f = GetActivationFactory(classId, call, std::addressof(factory))) return f;
  ComPtr<IInspectable> instance;
  if (auto f = Check(factory->ActivateInstance(&instance), call)) return f;
  if (!instance) return Failure{E_POINTER, call};
  return Check(instance.As(out), call);
}

bool StartsWith(std::u16string_view text, std::u16string_view prefix) {
  return text.size() >= prefix.size() && text.substr(0, prefix.size()) == prefix;
}

/** Which of the two operator triggers `trigger` is (and the account of the notification one). */
void ClassifyTrigger(IBackgroundTrigger* trigger, TaskInfo* task) {
  ComPtr<INetworkOperatorNotificationTrigger> notification;
  if (SUCCEEDED(trigger->QueryInterface(__uuidof(INetworkOperatorNotificationTrigger),
                                        reinterpret_cast<void**>(notification.GetAddressOf()))) &&
      notification) {
    task->trigger = kTaskTriggerNetworkOperatorNotification;
    HString id;
    if (SUCCEEDED(notification->get_NetworkAccountId(id.Put()))) {
      task->hasNetworkAccountId = true;
      task->networkAccountId = id.View();
    }
    return;
  }
  // TetheringEntitlementCheckTrigger has no interface of its own (its default interface is
  // IBackgroundTrigger): its class name tells.
  HString className;
  if (FAILED(trigger->GetRuntimeClassName(className.Put()))) return;  // unknown
  const std::u16string_view name = className.View();
  const std::u16string_view entitlement(reinterpret_cast<const char16_t*>(kEntitlementTriggerClass));
  task->trigger = name == entitlement ? kTaskTriggerTetheringEntitlementCheck : kTaskTriggerOther;
}

/** TaskId and Name; the trigger where Windows says (a failure there leaves it unknown). */
Status ReadTask(IBackgroundTaskRegistration* registration, TaskInfo* task) {
  GUID id{};
  if (auto f = Check(registration->get_TaskId(&id), "BackgroundTaskRegistration.TaskId"))
    return f;
  task->taskId = GuidText(id);
  HString name;
  if (auto f = Check(registration->get_Name(name.Put()), "BackgroundTaskRegistration.Name"))
    return f;
  task->name = name.View();
  task->trigger = kTaskTriggerUnknown;
  ComPtr<IBackgroundTaskRegistration2> registration2;
  if (FAILED(registration->QueryInterface(__uuidof(IBackgroundTaskRegistration2),
                                          reinterpret_cast<void**>(registration2.GetAddressOf()))) ||
      !registration2)
    return std::nullopt;  // before Windows 10: no Trigger property
  ComPtr<IBackgroundTrigger> trigger;
  if (FAILED(registration2->get_Trigger(&trigger)) || !trigger) return std::nullopt;
  ClassifyTrigger(trigger.Get(), task);
  return std::nullopt;
}

/** Calls `visit(registration)` for each registration in AllTasks, stopping at its failure. */
template <class Visit>
Status ForEachRegistration(Visit&& visit) {
  static constexpr const char* kAllTasks = "BackgroundTaskRegistration.AllTasks";
  ComPtr<IBackgroundTaskRegistrationStatics> statics;
  if (auto f = GetActivationFactory(kRegistrationClass,
                                    "RoGetActivationFactory(BackgroundTaskRegistration)",
                                    std::addressof(statics)))
    return f;
  ComPtr<AllTasksMap> map;
  if (auto f = Check(statics->get_AllTasks(&map), kAllTasks)) return f;
  if (!map) return Failure{E_POINTER, kAllTasks};
  // The map requires IIterable<IKeyValuePair<Guid, BackgroundTaskRegistration>>.
  ComPtr<task_map::ITaskRegistrationIterable> iterable;
  if (auto f = Check(map.As(&iterable), kAllTasks)) return f;
  ComPtr<task_map::ITaskRegistrationIterator> iterator;
  if (auto f = Check(iterable->First(&iterator), "AllTasks.First")) return f;
  if (!iterator) return Failure{E_POINTER, "AllTasks.First"};
  boolean hasCurrent = 0;
  if (auto f = Check(iterator->get_HasCurrent(&hasCurrent), "AllTasks.HasCurrent")) return f;
  while (hasCurrent) {
    ComPtr<task_map::ITaskRegistrationPair> pair;
    if (auto f = Check(iterator->get_Current(&pair), "AllTasks.Current")) return f;
    if (!pair) return Failure{E_POINTER, "AllTasks.Current"};
    ComPtr<IBackgroundTaskRegistration> registration;
    if (auto f = Check(pair->get_Value(&registration), "AllTasks.Current.Value")) return f;
    if (registration) {
      if (auto f = visit(registration.Get())) return f;
    }
    hasCurrent = 0;
    if (auto f = Check(iterator->MoveNext(&hasCurrent), "AllTasks.MoveNext")) return f;
  }
  return std::nullopt;
}

/** The trigger object for `kind`. */
Status MakeTrigger(int32_t kind, std::u16string_view networkAccountId,
                   ComPtr<IBackgroundTrigger>* out) {
  if (kind == kTaskTriggerNetworkOperatorNotification) {
    static constexpr const char* kCreate = "NetworkOperatorNotificationTrigger(networkAccountId)";
    ComPtr<INetworkOperatorNotificationTriggerFactory> factory;
    if (auto f = GetActivationFactory(kNotificationTriggerClass,
                                      "RoGetActivationFactory(NetworkOperatorNotificationTrigger)",
                                      std::addressof(factory)))
      return f;
    HString id;
    if (auto f = HString::Create(networkAccountId, &id)) return f;
    ComPtr<INetworkOperatorNotificationTrigger> trigger;
    if (auto f = Check(factory->Create(id.Get(), &trigger), kCreate)) return f;
    if (!trigger) return Failure{E_POINTER, kCreate};
    return Check(trigger.As(out), kCreate);
  }
  if (kind == kTaskTriggerTetheringEntitlementCheck) {
    return Activate(kEntitlementTriggerClass, "TetheringEntitlementCheckTrigger()", out);
  }
  return Failure{E_INVALIDARG, "BackgroundTaskBuilder.SetTrigger"};
}

}  // namespace

Status ListTasks(std::u16string_view namePrefix, std::vector<TaskInfo>* tasks) {
  return ForEachRegistration([&](IBackgroundTaskRegistration* registration) -> Status {
    HString name;
    if (auto f = Check(registration->get_Name(name.Put()), "BackgroundTaskRegistration.Name"))
      return f;
    if (!StartsWith(name.View(), namePrefix)) return std::nullopt;
    TaskInfo task;
    if (auto f = ReadTask(registration, &task)) return f;
    tasks->push_back(std::move(task));
    return std::nullopt;
  });
}

Status UnregisterTasks(const std::vector<std::u16string>& names, int32_t* count) {
  *count = 0;
  // Collected first, unregistered after: the map is not changed while it is iterated.
  std::vector<ComPtr<IBackgroundTaskRegistration>> matching;
  if (auto f = ForEachRegistration([&](IBackgroundTaskRegistration* registration) -> Status {
        HString name;
        if (auto f = Check(registration->get_Name(name.Put()), "BackgroundTaskRegistration.Name"))
          return f;
        if (std::find(names.begin(), names.end(), name.View()) != names.end())
          matching.emplace_back(registration);
        return std::nullopt;
      }))
    return f;
  for (const auto& registration : matching) {
    if (auto f = Check(registration->Unregister(true), "BackgroundTaskRegistration.Unregister"))
      return f;
    ++*count;
  }
  return std::nullopt;
}

Status RegisterTask(std::u16string_view name, std::u16string_view entryPoint, int32_t trigger,
                    std::u16string_view networkAccountId, TaskInfo* task) {
  ComPtr<IBackgroundTrigger> triggerObject;
  if (auto f = MakeTrigger(trigger, networkAccountId, &triggerObject)) return f;
  ComPtr<IBackgroundTaskBuilder> builder;
  if (auto f = Activate(kBuilderClass, "BackgroundTaskBuilder()", std::addressof(builder))) return f;
  HString text;
  if (auto f = HString::Create(name, &text)) return f;
  if (auto f = Check(builder->put_Name(text.Get()), "BackgroundTaskBuilder.Name")) return f;
  if (auto f = HString::Create(entryPoint, &text)) return f;
  if (auto f = Check(builder->put_TaskEntryPoint(text.Get()), "BackgroundTaskBuilder.TaskEntryPoint"))
    return f;
  if (auto f = Check(builder->SetTrigger(triggerObject.Get()), "BackgroundTaskBuilder.SetTrigger"))
    return f;
  ComPtr<IBackgroundTaskRegistration> registration;
  if (auto f = Check(builder->Register(&registration), "BackgroundTaskBuilder.Register")) return f;
  if (!registration) return Failure{E_POINTER, "BackgroundTaskBuilder.Register"};
  return ReadTask(registration.Get(), task);
}

}  // namespace wmbb
