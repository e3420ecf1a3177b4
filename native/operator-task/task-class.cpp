#include "task-class.h"

#include <cwchar>
#include <memory>
#include <new>

#include "../winrt/core/agile-delegate.h"
#include "../winrt/core/module-pin.h"
#include "details-reader.h"
#include "forwarder.h"
#include "task-config.h"
#include "task-run.h"

namespace wmbb {
namespace {

namespace background = ABI::Windows::ApplicationModel::Background;

/** Counts itself in LiveTaskObjects while it lives. */
struct Counted {
  Counted() { ++LiveTaskObjects(); }
  ~Counted() { --LiveTaskObjects(); }
};

/**
 * IInspectable on top of AgileDelegate's IUnknown, free-threaded marshaler and IAgileObject: the
 * task and its factory are free-threaded like the delegates (the manifest registers the class
 * with ThreadingModel "both", and nothing in them is tied to a thread).
 */
template <class Interface>
class AgileInspectable : public AgileDelegate<Interface>, private Counted {
 public:
  HRESULT STDMETHODCALLTYPE QueryInterface(REFIID iid, void** object) override {
    if (object != nullptr && iid == __uuidof(IInspectable)) {
      *object = static_cast<Interface*>(this);
      this->AddRef();
      return S_OK;
    }
    return AgileDelegate<Interface>::QueryInterface(iid, object);
  }
  HRESULT STDMETHODCALLTYPE GetIids(ULONG* count, IID** iids) override {
    if (count == nullptr || iids == nullptr) return E_POINTER;
    *iids = static_cast<IID*>(CoTaskMemAlloc(sizeof(IID)));
    if (*iids == nullptr) return E_OUTOFMEMORY;
    **iids = __uuidof(Interface);
    *count = 1;
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE GetRuntimeClassName(HSTRING* name) override {
    if (name == nullptr) return E_POINTER;
    return WindowsCreateString(kOperatorTaskClass,
                               static_cast<UINT32>(wcslen(kOperatorTaskClass)), name);
  }
  HRESULT STDMETHODCALLTYPE GetTrustLevel(TrustLevel* level) override {
    if (level == nullptr) return E_POINTER;
    *level = BaseTrust;
    return S_OK;
  }
};

/** Windows' Canceled: settles the run at once (the default answer for a check). */
class CanceledHandler final : public AgileDelegate<background::IBackgroundTaskCanceledEventHandler> {
 public:
  explicit CanceledHandler(std::shared_ptr<TaskRun> run) : run_(std::move(run)) {}
  HRESULT STDMETHODCALLTYPE Invoke(background::IBackgroundTaskInstance*,
                                   background::BackgroundTaskCancellationReason reason) override {
    LogTask(L"canceled (reason %d)", static_cast<int>(reason));
    run_->Cancel();
    return S_OK;
  }

 private:
  std::shared_ptr<TaskRun> run_;
};

class OperatorTask final : public AgileInspectable<background::IBackgroundTask> {
 public:
  HRESULT STDMETHODCALLTYPE Run(background::IBackgroundTaskInstance* instance) override {
    if (instance == nullptr) return E_INVALIDARG;
    // The deferral first: without it Windows may end the host as soon as Run returns.
    ComPtr<background::IBackgroundTaskDeferral> deferral;
    HRESULT hr = instance->GetDeferral(deferral.GetAddressOf());
    if (FAILED(hr)) LogTask(L"GetDeferral: 0x%08X", static_cast<unsigned>(hr));
    // The forwarding thread and Windows' late callbacks must find this DLL's code.
    if (auto failure = PinModule()) LogTask(L"pinning: 0x%08X", static_cast<unsigned>(failure->hr));
    // Only allocation can throw here; no exception may reach backgroundtaskhost.
    try {
      Start(instance, deferral);
      return S_OK;
    } catch (...) {
      LogTask(L"out of memory in Run: the event is lost");
      if (deferral) deferral->Complete();
      return E_OUTOFMEMORY;
    }
  }

 private:
  static void Start(background::IBackgroundTaskInstance* instance,
                    const ComPtr<background::IBackgroundTaskDeferral>& deferral) {
    auto run = std::make_shared<TaskRun>(ReadTaskWork(instance),
                                         ReadTaskConfig(ConfigPathBesideModule()), deferral);
    ComPtr<background::IBackgroundTaskCanceledEventHandler> handler =
        Adopt<background::IBackgroundTaskCanceledEventHandler>(new CanceledHandler(run));
    EventRegistrationToken token{};
    const HRESULT hr = instance->add_Canceled(handler.Get(), &token);
    if (FAILED(hr)) LogTask(L"add_Canceled: 0x%08X", static_cast<unsigned>(hr));
    const bool registered = SUCCEEDED(hr);
    ComPtr<background::IBackgroundTaskInstance> kept(instance);
    StartForwarding(run, [kept, token, registered] {
      if (registered) kept->remove_Canceled(token);
    });
  }
};

class OperatorTaskFactory final : public AgileInspectable<IActivationFactory> {
 public:
  HRESULT STDMETHODCALLTYPE ActivateInstance(IInspectable** instance) override {
    if (instance == nullptr) return E_POINTER;
    *instance = static_cast<background::IBackgroundTask*>(new (std::nothrow) OperatorTask());
    return *instance != nullptr ? S_OK : E_OUTOFMEMORY;
  }
};

}  // namespace

IActivationFactory* NewOperatorTaskFactory() { return new (std::nothrow) OperatorTaskFactory(); }

std::atomic<long>& LiveTaskObjects() {
  static std::atomic<long> count{0};
  return count;
}

}  // namespace wmbb
