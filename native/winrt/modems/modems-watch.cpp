#include "modems-watch.h"

#include <memory>

#include "../core/activation.h"
#include "../core/agile-delegate.h"
#include "../core/control-record-handler.h"
#include "../core/hstring.h"
#include "../core/watcher-status.h"

namespace wmbb {
namespace {

namespace connectivity = ABI::Windows::Networking::Connectivity;
using abi_foundation::ITypedEventHandler;
using abi_netops::IMobileBroadbandAccountWatcher;
using abi_netops::MobileBroadbandAccountWatcher;

constexpr const wchar_t* kWatcherClass =
    L"Windows.Networking.NetworkOperators.MobileBroadbandAccountWatcher";
constexpr const wchar_t* kNetworkInformationClass =
    L"Windows.Networking.Connectivity.NetworkInformation";

/** AccountAdded / AccountRemoved: the account's id. */
class AccountHandler final
    : public AgileDelegate<ITypedEventHandler<MobileBroadbandAccountWatcher*,
                                              abi_netops::MobileBroadbandAccountEventArgs*>> {
 public:
  AccountHandler(std::shared_ptr<RecordQueue> queue, RecordKind kind, const char* call)
      : queue_(std::move(queue)), kind_(kind), call_(call) {}
  HRESULT STDMETHODCALLTYPE Invoke(IMobileBroadbandAccountWatcher*,
                                   abi_netops::IMobileBroadbandAccountEventArgs* args) override {
    try {
      queue_->Append(kind_, [&](RecordBatch& batch) -> Status {
        if (args == nullptr) return Failure{E_POINTER, call_};
        HString id;
        if (auto f = Check(args->get_NetworkAccountId(id.Put()), call_)) return f;
        batch.Text(id.View());
        return std::nullopt;
      });
    } catch (...) {
      queue_->NoteOutOfMemory(call_);
    }
    return S_OK;
  }

 private:
  std::shared_ptr<RecordQueue> queue_;
  RecordKind kind_;
  const char* call_;
};

/** AccountUpdated: the id and what changed. */
class UpdatedHandler final
    : public AgileDelegate<ITypedEventHandler<MobileBroadbandAccountWatcher*,
                                              abi_netops::MobileBroadbandAccountUpdatedEventArgs*>> {
 public:
  explicit UpdatedHandler(std::shared_ptr<RecordQueue> queue) : queue_(std::move(queue)) {}
  HRESULT STDMETHODCALLTYPE Invoke(
      IMobileBroadbandAccountWatcher*,
      abi_netops::IMobileBroadbandAccountUpdatedEventArgs* args) override {
    static constexpr const char* kCall = "MobileBroadbandAccountUpdatedEventArgs";
    try {
      queue_->Append(kAccountUpdated, [&](RecordBatch& batch) -> Status {
        if (args == nullptr) return Failure{E_POINTER, kCall};
        HString id;
        boolean device = 0, network = 0;
        if (auto f = Check(args->get_NetworkAccountId(id.Put()), kCall)) return f;
        if (auto f = Check(args->get_HasDeviceInformationChanged(&device), kCall)) return f;
        if (auto f = Check(args->get_HasNetworkChanged(&network), kCall)) return f;
        batch.Text(id.View());
        batch.Word(device ? 1 : 0);
        batch.Word(network ? 1 : 0);
        return std::nullopt;
      });
    } catch (...) {
      queue_->NoteOutOfMemory(kCall);
    }
    return S_OK;
  }

 private:
  std::shared_ptr<RecordQueue> queue_;
};

/** EnumerationCompleted / Stopped: a record without a body. */
using ControlHandler = ControlRecordHandler<
    ITypedEventHandler<MobileBroadbandAccountWatcher*, IInspectable*>,
    IMobileBroadbandAccountWatcher>;
constexpr const char* kControlEvent = "MobileBroadbandAccountWatcher event";

/** NetworkStatusChanged: nothing to read here; the reader reads the accounts again. */
class NetworkStatusHandler final
    : public AgileDelegate<connectivity::INetworkStatusChangedEventHandler> {
 public:
  explicit NetworkStatusHandler(std::shared_ptr<RecordQueue> queue) : queue_(std::move(queue)) {}
  HRESULT STDMETHODCALLTYPE Invoke(IInspectable*) override {
    try {
      queue_->Append(kNetworkStatusChanged, [](RecordBatch&) -> Status { return std::nullopt; });
    } catch (...) {
      queue_->NoteOutOfMemory("NetworkInformation.NetworkStatusChanged");
    }
    return S_OK;
  }

 private:
  std::shared_ptr<RecordQueue> queue_;
};


}  // namespace

Status ModemsWatch::Create(std::shared_ptr<RecordQueue> queue, std::unique_ptr<ModemsWatch>* out) {
  std::unique_ptr<ModemsWatch> watch(new ModemsWatch(std::move(queue)));
  ComPtr<IActivationFactory> factory;
  if (auto f = GetActivationFactory(kWatcherClass,
                                    "RoGetActivationFactory(MobileBroadbandAccountWatcher)",
                                    std::addressof(factory)))
    return f;
  ComPtr<IInspectable> instance;
  if (auto f = Check(factory->ActivateInstance(&instance), "MobileBroadbandAccountWatcher()")) return f;
  if (auto f = Check(instance.As(&watch->watcher_), "MobileBroadbandAccountWatcher()")) return f;
  if (auto f = GetActivationFactory(kNetworkInformationClass,
                                    "RoGetActivationFactory(NetworkInformation)",
                                    std::addressof(watch->network_)))
    return f;
  if (auto f = watch->Subscribe()) return f;  // the destructor removes what was added
  *out = std::move(watch);
  return std::nullopt;
}

Status ModemsWatch::Subscribe() {
  using W = IMobileBroadbandAccountWatcher;
  if (auto f = wmbb::Subscribe(watcher_, &W::add_AccountAdded, &W::remove_AccountAdded,
                               Adopt(new AccountHandler(queue_, kAccountAdded,
                                                        "MobileBroadbandAccountEventArgs")),
                               "MobileBroadbandAccountWatcher.add_AccountAdded", &added_))
    return f;
  if (auto f = wmbb::Subscribe(watcher_, &W::add_AccountUpdated, &W::remove_AccountUpdated,
                               Adopt(new UpdatedHandler(queue_)),
                               "MobileBroadbandAccountWatcher.add_AccountUpdated", &updated_))
    return f;
  if (auto f = wmbb::Subscribe(watcher_, &W::add_AccountRemoved, &W::remove_AccountRemoved,
                               Adopt(new AccountHandler(queue_, kAccountRemoved,
                                                        "MobileBroadbandAccountEventArgs")),
                               "MobileBroadbandAccountWatcher.add_AccountRemoved", &removed_))
    return f;
  if (auto f = wmbb::Subscribe(watcher_, &W::add_EnumerationCompleted,
                               &W::remove_EnumerationCompleted,
                               Adopt(new ControlHandler(queue_, RecordKind::EnumerationCompleted,
                                                        kControlEvent)),
                               "MobileBroadbandAccountWatcher.add_EnumerationCompleted",
                               &enumerationCompleted_))
    return f;
  if (auto f = wmbb::Subscribe(watcher_, &W::add_Stopped, &W::remove_Stopped,
                               Adopt(new ControlHandler(queue_, RecordKind::Stopped, kControlEvent)),
                               "MobileBroadbandAccountWatcher.add_Stopped", &stopped_))
    return f;
  using N = connectivity::INetworkInformationStatics;
  return wmbb::Subscribe(network_, &N::add_NetworkStatusChanged, &N::remove_NetworkStatusChanged,
                         Adopt(new NetworkStatusHandler(queue_)),
                         "NetworkInformation.add_NetworkStatusChanged", &networkStatusChanged_);
}

Status ModemsWatch::Start() {
  if (!watcher_) return Failure{RO_E_CLOSED, "MobileBroadbandAccountWatcher.Start"};
  return Check(watcher_->Start(), "MobileBroadbandAccountWatcher.Start");
}

Status ModemsWatch::Stop() {
  bool raisesStopped = false;
  if (auto f = StopWatcher(watcher_.Get(), kAccountWatcherStatuses,
                           "MobileBroadbandAccountWatcher.Status",
                           "MobileBroadbandAccountWatcher.Stop", &raisesStopped))
    return f;
  if (!raisesStopped) queue_->AppendControl(RecordKind::Stopped);
  return std::nullopt;
}

void ModemsWatch::Close() {
  networkStatusChanged_.Remove();
  if (!watcher_) return;
  StopIfRunning(watcher_.Get(), kAccountWatcherStatuses);
  added_.Remove();
  updated_.Remove();
  removed_.Remove();
  enumerationCompleted_.Remove();
  stopped_.Remove();
  watcher_.Reset();
  network_.Reset();
}

}  // namespace wmbb
