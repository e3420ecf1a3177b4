#include "esim-watcher.h"

#include "handler-table.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <map>
#include <cwchar>
#include <thread>

#include "esim-objects.h"

namespace test_component {
namespace {

using AddedHandler = foundation::ITypedEventHandler<netops::ESimWatcher*, netops::ESimAddedEventArgs*>;
using UpdatedHandler =
    foundation::ITypedEventHandler<netops::ESimWatcher*, netops::ESimUpdatedEventArgs*>;
using RemovedHandler =
    foundation::ITypedEventHandler<netops::ESimWatcher*, netops::ESimRemovedEventArgs*>;
using PlainHandler = foundation::ITypedEventHandler<netops::ESimWatcher*, IInspectable*>;

/** The event args interface each handler receives. */
template <class Handler>
struct ArgsOf;
template <>
struct ArgsOf<AddedHandler> {
  using type = netops::IESimAddedEventArgs;
};
template <>
struct ArgsOf<UpdatedHandler> {
  using type = netops::IESimUpdatedEventArgs;
};
template <>
struct ArgsOf<RemovedHandler> {
  using type = netops::IESimRemovedEventArgs;
};

enum Status : INT32 { kCreated = 0, kStarted = 1, kEnumerationCompleted = 2, kStopping = 3, kStopped = 4 };


class EsimWatcher final : public RuntimeObject<EsimWatcher, true, netops::IESimWatcher>,
                          public ScenarioListener {
 public:
  static constexpr const wchar_t* kClassName = L"Windows.Networking.NetworkOperators.ESimWatcher";

  HRESULT STDMETHODCALLTYPE get_Status(netops::ESimWatcherStatus* value) override {
    if (value == nullptr) return E_POINTER;
    *value = static_cast<netops::ESimWatcherStatus>(status_.load());
    return S_OK;
  }

  HRESULT STDMETHODCALLTYPE Start() override {
    if (HRESULT hr = Scenario::Get().FailureOf(L"ESimWatcher.Start"); FAILED(hr)) return hr;
    INT32 expected = kCreated;
    if (!status_.compare_exchange_strong(expected, kStarted)) return E_ILLEGAL_METHOD_CALL;
    std::vector<EsimSnapshot> present = Scenario::Get().Listen(this);
    Post(Task{Task::kEnumerate, nullptr, 0, std::move(present)});
    // The thread holds a reference: the watcher lives until its thread has raised Stopped. It
    // is released before the thread reports its end, so WaitIdle() then LiveObjects() is exact.
    AddRef();
    Scenario::Get().ThreadStarted();
    std::thread([this] {
      Run();
      Release();
      Scenario::Get().ThreadEnded();
    }).detach();
    return S_OK;
  }

  HRESULT STDMETHODCALLTYPE Stop() override {
    INT32 status = status_.load();
    if (status != kStarted && status != kEnumerationCompleted) return E_ILLEGAL_METHOD_CALL;
    status_ = kStopping;
    Scenario::Get().StopListening(this);
    Post(Task{Task::kStop, nullptr, 0, {}});
    return S_OK;
  }

  HRESULT STDMETHODCALLTYPE add_Added(AddedHandler* handler, EventRegistrationToken* token) override {
    return added_.Add(handler, token);
  }
  HRESULT STDMETHODCALLTYPE remove_Added(EventRegistrationToken token) override {
    return added_.Remove(token);
  }
  HRESULT STDMETHODCALLTYPE add_EnumerationCompleted(PlainHandler* handler,
                                                     EventRegistrationToken* token) override {
    return enumerationCompleted_.Add(handler, token);
  }
  HRESULT STDMETHODCALLTYPE remove_EnumerationCompleted(EventRegistrationToken token) override {
    return enumerationCompleted_.Remove(token);
  }
  HRESULT STDMETHODCALLTYPE add_Removed(RemovedHandler* handler, EventRegistrationToken* token) override {
    return removed_.Add(handler, token);
  }
  HRESULT STDMETHODCALLTYPE remove_Removed(EventRegistrationToken token) override {
    return removed_.Remove(token);
  }
  HRESULT STDMETHODCALLTYPE add_Stopped(PlainHandler* handler, EventRegistrationToken* token) override {
    return stopped_.Add(handler, token);
  }
  HRESULT STDMETHODCALLTYPE remove_Stopped(EventRegistrationToken token) override {
    return stopped_.Remove(token);
  }
  HRESULT STDMETHODCALLTYPE add_Updated(UpdatedHandler* handler, EventRegistrationToken* token) override {
    return updated_.Add(handler, token);
  }
  HRESULT STDMETHODCALLTYPE remove_Updated(EventRegistrationToken token) override {
    return updated_.Remove(token);
  }

  // ScenarioListener (called under the scenario's lock: only queue here).
  void OnChange(ChangeKind kind, EsimSnapshot esim) override {
    Post(Task{Task::kChange, std::move(esim), static_cast<UINT32>(kind), {}});
  }
  void OnBurst(EsimSnapshot esim, UINT32 count) override {
    Post(Task{Task::kBurst, std::move(esim), count, {}});
  }

 private:
  struct Task {
    enum Kind { kEnumerate, kChange, kBurst, kStop } kind;
    EsimSnapshot esim;
    UINT32 value;  // ChangeKind, or the burst's count
    std::vector<EsimSnapshot> present;
  };

  void Post(Task task) {
    std::lock_guard<std::mutex> lock(mutex_);
    tasks_.push_back(std::move(task));
    wake_.notify_one();
  }

  void Run() {
    for (;;) {
      Task task;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        wake_.wait(lock, [this] { return !tasks_.empty(); });
        task = std::move(tasks_.front());
        tasks_.pop_front();
      }
      if (task.kind == Task::kEnumerate) {
        for (const auto& esim : task.present) RaiseEsim(ChangeKind::Added, esim);
        INT32 started = kStarted;
        status_.compare_exchange_strong(started, kEnumerationCompleted);
        enumerationCompleted_.Raise([this](PlainHandler* h) { h->Invoke(this, nullptr); });
      } else if (task.kind == Task::kChange) {
        RaiseEsim(static_cast<ChangeKind>(task.value), task.esim);
      } else if (task.kind == Task::kBurst) {
        // One set of parts for the whole burst; each event is a new ESim object.
        Scenario::Get().BurstStarted();
        const auto started = std::chrono::steady_clock::now();
        std::shared_ptr<const EsimParts> parts = BuildEsimParts(task.esim);
        wchar_t firmware[32];
        for (UINT32 i = 1; i <= task.value; ++i) {
          const int length = swprintf(firmware, 32, L"burst-%u", i);
          RaiseEsim(ChangeKind::Updated, NewEsim(parts, std::wstring_view(firmware, length)));
        }
        const auto elapsed = std::chrono::duration_cast<std::chrono::microseconds>(
            std::chrono::steady_clock::now() - started);
        Scenario::Get().BurstFinished(static_cast<UINT32>(std::max<long long>(elapsed.count(), 1)));
      } else {
        status_ = kStopped;
        stopped_.Raise([this](PlainHandler* h) { h->Invoke(this, nullptr); });
        break;
      }
    }
  }

  void RaiseEsim(ChangeKind kind, const EsimSnapshot& esim) { RaiseEsim(kind, NewEsim(esim)); }

  /** Raises one event carrying `esim` (whose reference this takes over) to every handler. */
  void RaiseEsim(ChangeKind kind, netops::IESim* esim) {
    ComPtr<netops::IESim> held;
    *held.GetAddressOf() = esim;  // not Attach: mingw-w64's Attach adds a reference
    switch (kind) {
      case ChangeKind::Added:
        added_.Raise([&](AddedHandler* h) { Invoke(h, held); });
        break;
      case ChangeKind::Updated:
        updated_.Raise([&](UpdatedHandler* h) { Invoke(h, held); });
        break;
      case ChangeKind::Removed:
        removed_.Raise([&](RemovedHandler* h) { Invoke(h, held); });
        break;
    }
  }

  template <class Handler>
  void Invoke(Handler* handler, const ComPtr<netops::IESim>& esim) {
    using Args = typename ArgsOf<Handler>::type;
    esim->AddRef();  // for the args
    // Not ComPtr::Attach: mingw-w64's Attach adds a reference, which would leak the args.
    ComPtr<Args> args;
    *args.GetAddressOf() = new EsimEventArgs<Args>(esim.Get());
    handler->Invoke(this, args.Get());
  }

  std::atomic<INT32> status_{kCreated};
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Task> tasks_;
  HandlerTable<AddedHandler> added_;
  HandlerTable<UpdatedHandler> updated_;
  HandlerTable<RemovedHandler> removed_;
  HandlerTable<PlainHandler> enumerationCompleted_;
  HandlerTable<PlainHandler> stopped_;
};

}  // namespace

netops::IESimWatcher* NewEsimWatcher() { return new EsimWatcher(); }

}  // namespace test_component
