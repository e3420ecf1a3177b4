#include "background-tasks.h"

#include <windows.applicationmodel.background.h>

#include <cstdlib>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "../winrt/operator-tasks/task-map-abi.h"
#include "runtime-object.h"
#include "scenario.h"

namespace test_component {
namespace {

namespace background = ABI::Windows::ApplicationModel::Background;
using wmbb::task_map::ITaskRegistrationIterable;
using wmbb::task_map::ITaskRegistrationIterator;
using wmbb::task_map::ITaskRegistrationMap;
using wmbb::task_map::ITaskRegistrationPair;
using AccessOperation = foundation::IAsyncOperation<background::BackgroundAccessStatus>;
using AccessCompleted = foundation::IAsyncOperationCompletedHandler<background::BackgroundAccessStatus>;

constexpr const wchar_t* kEntitlementTriggerClass =
    L"Windows.ApplicationModel.Background.TetheringEntitlementCheckTrigger";

HRESULT Fails(const wchar_t* member) { return Scenario::Get().FailureOf(member); }

enum class TriggerKind { Notification, Entitlement };

/** One registration as "Windows" keeps it. */
struct Entry {
  GUID id{};
  std::wstring name;
  std::wstring entryPoint;
  TriggerKind trigger = TriggerKind::Notification;
  std::wstring networkAccountId;
};
using Snapshot = std::shared_ptr<const std::vector<Entry>>;

/** AllTasks: Windows' registrations, shared by every thread of the process. */
class Registry {
 public:
  static Registry& Get() {
    static Registry registry;
    return registry;
  }
  Snapshot All() {
    std::lock_guard<std::mutex> lock(mutex_);
    return std::make_shared<const std::vector<Entry>>(entries_);
  }
  void Add(Entry entry) {
    std::lock_guard<std::mutex> lock(mutex_);
    entries_.push_back(std::move(entry));
  }
  /** False when no registration has that id (unregistered already). */
  bool Remove(const GUID& id) {
    std::lock_guard<std::mutex> lock(mutex_);
    for (auto it = entries_.begin(); it != entries_.end(); ++it) {
      if (IsEqualGUID(it->id, id)) {
        entries_.erase(it);
        return true;
      }
    }
    return false;
  }
  void Clear() {
    std::lock_guard<std::mutex> lock(mutex_);
    entries_.clear();
  }

 private:
  std::mutex mutex_;
  std::vector<Entry> entries_;
};

// --- triggers ----------------------------------------------------------------------------------

class NotificationTrigger final
    : public RuntimeObject<NotificationTrigger, true, background::INetworkOperatorNotificationTrigger,
                           background::IBackgroundTrigger> {
 public:
  static constexpr const wchar_t* kClassName =
      L"Windows.ApplicationModel.Background.NetworkOperatorNotificationTrigger";
  explicit NotificationTrigger(std::wstring id) : id_(std::move(id)) {}
  HRESULT STDMETHODCALLTYPE get_NetworkAccountId(HSTRING* value) override {
    return MakeHString(id_, value);
  }
  const std::wstring& Id() const { return id_; }

 private:
  std::wstring id_;
};

class EntitlementTrigger final
    : public RuntimeObject<EntitlementTrigger, true, background::IBackgroundTrigger> {
 public:
  static constexpr const wchar_t* kClassName = kEntitlementTriggerClass;
};

// --- registrations -----------------------------------------------------------------------------

class Registration final
    : public RuntimeObject<Registration, true, background::IBackgroundTaskRegistration,
                           background::IBackgroundTaskRegistration2> {
 public:
  static constexpr const wchar_t* kClassName =
      L"Windows.ApplicationModel.Background.BackgroundTaskRegistration";
  explicit Registration(Entry entry) : entry_(std::move(entry)) {}

  HRESULT STDMETHODCALLTYPE get_TaskId(GUID* value) override {
    if (value == nullptr) return E_POINTER;
    *value = entry_.id;
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE get_Name(HSTRING* value) override {
    return MakeHString(entry_.name, value);
  }
  HRESULT STDMETHODCALLTYPE add_Progress(IUnknown*, EventRegistrationToken*) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE remove_Progress(EventRegistrationToken) override { return E_NOTIMPL; }
  HRESULT STDMETHODCALLTYPE add_Completed(IUnknown*, EventRegistrationToken*) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE remove_Completed(EventRegistrationToken) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE Unregister(boolean) override {
    if (HRESULT hr = Fails(L"BackgroundTaskRegistration.Unregister"); FAILED(hr)) return hr;
    Registry::Get().Remove(entry_.id);  // twice is harmless, as on Windows
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE get_Trigger(background::IBackgroundTrigger** value) override {
    if (value == nullptr) return E_POINTER;
    *value = nullptr;
    if (HRESULT hr = Fails(L"BackgroundTaskRegistration.Trigger"); FAILED(hr)) return hr;
    if (entry_.trigger == TriggerKind::Notification) {
      *value = new NotificationTrigger(entry_.networkAccountId);
    } else {
      *value = new EntitlementTrigger();
    }
    return S_OK;
  }

 private:
  Entry entry_;
};

// --- the AllTasks map --------------------------------------------------------------------------

class Pair final : public RuntimeObject<Pair, true, ITaskRegistrationPair> {
 public:
  static constexpr const wchar_t* kClassName =
      L"Windows.Foundation.Collections.IKeyValuePair`2<Guid, Windows.ApplicationModel.Background.BackgroundTaskRegistration>";
  explicit Pair(Entry entry) : entry_(std::move(entry)) {}
  HRESULT STDMETHODCALLTYPE get_Key(GUID* value) override {
    if (value == nullptr) return E_POINTER;
    *value = entry_.id;
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE get_Value(background::IBackgroundTaskRegistration** value) override {
    if (value == nullptr) return E_POINTER;
    *value = new Registration(entry_);
    return S_OK;
  }

 private:
  Entry entry_;
};

class Iterator final : public RuntimeObject<Iterator, true, ITaskRegistrationIterator> {
 public:
  static constexpr const wchar_t* kClassName =
      L"Windows.Foundation.Collections.IIterator`1<Windows.Foundation.Collections.IKeyValuePair`2<Guid, Windows.ApplicationModel.Background.BackgroundTaskRegistration>>";
  explicit Iterator(Snapshot entries) : entries_(std::move(entries)) {}
  HRESULT STDMETHODCALLTYPE get_Current(ITaskRegistrationPair** value) override {
    if (value == nullptr) return E_POINTER;
    *value = nullptr;
    if (index_ >= entries_->size()) return E_BOUNDS;
    *value = new Pair((*entries_)[index_]);
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE get_HasCurrent(boolean* value) override {
    if (value == nullptr) return E_POINTER;
    *value = index_ < entries_->size();
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE MoveNext(boolean* value) override {
    if (value == nullptr) return E_POINTER;
    if (index_ < entries_->size()) ++index_;
    *value = index_ < entries_->size();
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE GetMany(UINT32, ITaskRegistrationPair**, UINT32*) override {
    return E_NOTIMPL;
  }

 private:
  Snapshot entries_;
  size_t index_ = 0;
};

class TaskMap final
    : public RuntimeObject<TaskMap, true, ITaskRegistrationMap, ITaskRegistrationIterable> {
 public:
  static constexpr const wchar_t* kClassName =
      L"Windows.Foundation.Collections.IMapView`2<Guid, Windows.ApplicationModel.Background.BackgroundTaskRegistration>";
  explicit TaskMap(Snapshot entries) : entries_(std::move(entries)) {}
  HRESULT STDMETHODCALLTYPE Lookup(GUID key, background::IBackgroundTaskRegistration** value) override {
    if (value == nullptr) return E_POINTER;
    *value = nullptr;
    for (const Entry& entry : *entries_) {
      if (IsEqualGUID(entry.id, key)) {
        *value = new Registration(entry);
        return S_OK;
      }
    }
    return E_BOUNDS;
  }
  HRESULT STDMETHODCALLTYPE get_Size(UINT32* value) override {
    if (value == nullptr) return E_POINTER;
    *value = static_cast<UINT32>(entries_->size());
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE HasKey(GUID key, boolean* value) override {
    if (value == nullptr) return E_POINTER;
    *value = 0;
    for (const Entry& entry : *entries_) {
      if (IsEqualGUID(entry.id, key)) *value = 1;
    }
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE Split(ITaskRegistrationMap** first, ITaskRegistrationMap** second) override {
    if (first != nullptr) *first = nullptr;
    if (second != nullptr) *second = nullptr;
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE First(ITaskRegistrationIterator** value) override {
    if (value == nullptr) return E_POINTER;
    *value = new Iterator(entries_);
    return S_OK;
  }

 private:
  Snapshot entries_;
};

// --- BackgroundTaskBuilder ---------------------------------------------------------------------

class Builder final : public RuntimeObject<Builder, true, background::IBackgroundTaskBuilder> {
 public:
  static constexpr const wchar_t* kClassName =
      L"Windows.ApplicationModel.Background.BackgroundTaskBuilder";
  HRESULT STDMETHODCALLTYPE put_TaskEntryPoint(HSTRING value) override {
    entryPoint_ = ToWString(value);
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE get_TaskEntryPoint(HSTRING* value) override {
    return MakeHString(entryPoint_, value);
  }
  HRESULT STDMETHODCALLTYPE SetTrigger(background::IBackgroundTrigger* trigger) override {
    if (trigger == nullptr) return E_INVALIDARG;
    trigger_ = trigger;
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE AddCondition(IInspectable*) override { return E_NOTIMPL; }
  HRESULT STDMETHODCALLTYPE put_Name(HSTRING value) override {
    name_ = ToWString(value);
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE get_Name(HSTRING* value) override { return MakeHString(name_, value); }
  HRESULT STDMETHODCALLTYPE Register(background::IBackgroundTaskRegistration** value) override {
    if (value == nullptr) return E_POINTER;
    *value = nullptr;
    if (HRESULT hr = Fails(L"BackgroundTaskBuilder.Register"); FAILED(hr)) return hr;
    // Windows refuses a builder without a name, an entry point or a trigger.
    if (name_.empty() || entryPoint_.empty() || !trigger_) return E_INVALIDARG;
    Entry entry;
    if (HRESULT hr = CoCreateGuid(&entry.id); FAILED(hr)) return hr;
    entry.name = name_;
    entry.entryPoint = entryPoint_;
    // Only the component's own triggers can be told apart, as Windows knows its own classes.
    ComPtr<background::INetworkOperatorNotificationTrigger> notification;
    if (SUCCEEDED(trigger_.As(&notification))) {
      entry.trigger = TriggerKind::Notification;
      HSTRING id = nullptr;
      if (HRESULT hr = notification->get_NetworkAccountId(&id); FAILED(hr)) return hr;
      entry.networkAccountId = ToWString(id);
      WindowsDeleteString(id);
    } else {
      HSTRING name = nullptr;
      if (HRESULT hr = trigger_->GetRuntimeClassName(&name); FAILED(hr)) return hr;
      const bool entitlement = ToWString(name) == kEntitlementTriggerClass;
      WindowsDeleteString(name);
      if (!entitlement) return E_INVALIDARG;
      entry.trigger = TriggerKind::Entitlement;
    }
    Registry::Get().Add(entry);
    *value = new Registration(std::move(entry));
    return S_OK;
  }

 private:
  std::wstring name_;
  std::wstring entryPoint_;
  ComPtr<background::IBackgroundTrigger> trigger_;
};

// --- RequestAccessAsync ------------------------------------------------------------------------

/** An IAsyncOperation<BackgroundAccessStatus> that has its answer at once and delivers it on a
 *  thread of its own (or inside put_Completed, as ITestControl::SetCompletion says). */
class AccessRequest final
    : public RuntimeObject<AccessRequest, true, AccessOperation, IAsyncInfo> {
 public:
  static constexpr const wchar_t* kClassName = L"Windows.Foundation.IAsyncOperation";
  explicit AccessRequest(INT32 status) : result_(static_cast<background::BackgroundAccessStatus>(status)) {}
  ~AccessRequest() override {
    if (!closed_) Scenario::Get().CountUnclosed();
  }

  HRESULT STDMETHODCALLTYPE put_Completed(AccessCompleted* handler) override {
    if (handler == nullptr) return E_POINTER;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (assigned_) return static_cast<HRESULT>(0x80000018L);  // E_ILLEGAL_DELEGATE_ASSIGNMENT
      assigned_ = true;
    }
    if (Scenario::Get().Completion() == CompletionMode::Synchronous) {
      Scenario::Get().CountCompletion(true);
      return handler->Invoke(this, AsyncStatus::Completed);
    }
    ComPtr<AccessCompleted> held = handler;
    AddRef();  // the thread's
    Scenario::Get().ThreadStarted();
    std::thread([this, held] {
      Scenario::Get().CountCompletion(false);
      held->Invoke(this, AsyncStatus::Completed);
      Release();
      Scenario::Get().ThreadEnded();
    }).detach();
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE get_Completed(AccessCompleted** handler) override {
    if (handler != nullptr) *handler = nullptr;
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE GetResults(background::BackgroundAccessStatus* results) override {
    if (results == nullptr) return E_POINTER;
    std::lock_guard<std::mutex> lock(mutex_);
    if (closed_) return E_ILLEGAL_METHOD_CALL;
    *results = result_;
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE get_Id(UINT32* id) override {
    if (id == nullptr) return E_POINTER;
    *id = 1;
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE get_Status(AsyncStatus* status) override {
    if (status == nullptr) return E_POINTER;
    *status = AsyncStatus::Completed;
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE get_ErrorCode(HRESULT* code) override {
    if (code == nullptr) return E_POINTER;
    *code = S_OK;
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE Cancel() override {
    Scenario::Get().CountCancel();
    return S_OK;  // it has ended already
  }
  HRESULT STDMETHODCALLTYPE Close() override {
    std::lock_guard<std::mutex> lock(mutex_);
    closed_ = true;
    return S_OK;
  }

 private:
  std::mutex mutex_;
  const background::BackgroundAccessStatus result_;
  bool assigned_ = false;
  bool closed_ = false;
};

/** WMBB_TEST_BACKGROUND_ACCESS, or AlwaysAllowed (4). */
INT32 ConfiguredAccess() {
  wchar_t text[16] = {};
  const DWORD length = GetEnvironmentVariableW(L"WMBB_TEST_BACKGROUND_ACCESS", text, 16);
  if (length == 0 || length >= 16) return 4;
  return static_cast<INT32>(std::wcstol(text, nullptr, 10));
}

// --- activation factories ----------------------------------------------------------------------

class BuilderFactory final : public RuntimeObject<BuilderFactory, true, IActivationFactory> {
 public:
  static constexpr const wchar_t* kClassName =
      L"Windows.ApplicationModel.Background.BackgroundTaskBuilder";
  HRESULT STDMETHODCALLTYPE ActivateInstance(IInspectable** instance) override {
    if (instance == nullptr) return E_POINTER;
    *instance = static_cast<background::IBackgroundTaskBuilder*>(new Builder());
    return S_OK;
  }
};

class EntitlementTriggerFactory final
    : public RuntimeObject<EntitlementTriggerFactory, true, IActivationFactory> {
 public:
  static constexpr const wchar_t* kClassName = kEntitlementTriggerClass;
  HRESULT STDMETHODCALLTYPE ActivateInstance(IInspectable** instance) override {
    if (instance == nullptr) return E_POINTER;
    *instance = nullptr;
    if (HRESULT hr = Fails(L"TetheringEntitlementCheckTrigger()"); FAILED(hr)) return hr;
    *instance = static_cast<background::IBackgroundTrigger*>(new EntitlementTrigger());
    return S_OK;
  }
};

class NotificationTriggerFactory final
    : public RuntimeObject<NotificationTriggerFactory, true, IActivationFactory,
                           background::INetworkOperatorNotificationTriggerFactory> {
 public:
  static constexpr const wchar_t* kClassName =
      L"Windows.ApplicationModel.Background.NetworkOperatorNotificationTrigger";
  HRESULT STDMETHODCALLTYPE ActivateInstance(IInspectable** instance) override {
    if (instance != nullptr) *instance = nullptr;
    return E_NOTIMPL;  // the class has no default constructor
  }
  HRESULT STDMETHODCALLTYPE Create(HSTRING networkAccountId,
                                   background::INetworkOperatorNotificationTrigger** value) override {
    if (value == nullptr) return E_POINTER;
    *value = new NotificationTrigger(ToWString(networkAccountId));
    return S_OK;
  }
};

class RegistrationFactory final
    : public RuntimeObject<RegistrationFactory, true, IActivationFactory,
                           background::IBackgroundTaskRegistrationStatics> {
 public:
  static constexpr const wchar_t* kClassName =
      L"Windows.ApplicationModel.Background.BackgroundTaskRegistration";
  HRESULT STDMETHODCALLTYPE ActivateInstance(IInspectable** instance) override {
    if (instance != nullptr) *instance = nullptr;
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE get_AllTasks(IInspectable** value) override {
    if (value == nullptr) return E_POINTER;
    *value = nullptr;
    if (HRESULT hr = Fails(L"BackgroundTaskRegistration.AllTasks"); FAILED(hr)) return hr;
    *value = static_cast<ITaskRegistrationMap*>(new TaskMap(Registry::Get().All()));
    return S_OK;
  }
};

class ExecutionManagerFactory final
    : public RuntimeObject<ExecutionManagerFactory, true, IActivationFactory,
                           background::IBackgroundExecutionManagerStatics> {
 public:
  static constexpr const wchar_t* kClassName =
      L"Windows.ApplicationModel.Background.BackgroundExecutionManager";
  HRESULT STDMETHODCALLTYPE ActivateInstance(IInspectable** instance) override {
    if (instance != nullptr) *instance = nullptr;
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE RequestAccessAsync(AccessOperation** value) override {
    if (value == nullptr) return E_POINTER;
    *value = nullptr;
    if (HRESULT hr = Fails(L"BackgroundExecutionManager.RequestAccessAsync"); FAILED(hr)) return hr;
    *value = new AccessRequest(ConfiguredAccess());
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE RequestAccessForApplicationAsync(HSTRING, AccessOperation** value) override {
    if (value != nullptr) *value = nullptr;
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE RemoveAccess() override { return E_NOTIMPL; }
  HRESULT STDMETHODCALLTYPE RemoveAccessForApplication(HSTRING) override { return E_NOTIMPL; }
  HRESULT STDMETHODCALLTYPE GetAccessStatus(background::BackgroundAccessStatus* value) override {
    if (value == nullptr) return E_POINTER;
    *value = static_cast<background::BackgroundAccessStatus>(ConfiguredAccess());
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE GetAccessStatusForApplication(
      HSTRING, background::BackgroundAccessStatus* value) override {
    if (value != nullptr) *value = background::BackgroundAccessStatus_Unspecified;
    return E_NOTIMPL;
  }
};

}  // namespace

IActivationFactory* NewBackgroundTaskFactory(const wchar_t* classId) {
  const std::wstring name(classId);
  if (name == BuilderFactory::kClassName) return new BuilderFactory();
  if (name == EntitlementTriggerFactory::kClassName) return new EntitlementTriggerFactory();
  if (name == NotificationTriggerFactory::kClassName) return new NotificationTriggerFactory();
  if (name == RegistrationFactory::kClassName) return new RegistrationFactory();
  if (name == ExecutionManagerFactory::kClassName) return new ExecutionManagerFactory();
  return nullptr;
}

void ResetBackgroundTasks() { Registry::Get().Clear(); }

}  // namespace test_component
