#include "account-watcher.h"

#include <atomic>
#include <mutex>
#include <set>
#include <thread>

#include "handler-table.h"
#include "radios.h"
#include "runtime-object.h"
#include "tethering-classes.h"

namespace test_component {
namespace {

namespace connectivity = ABI::Windows::Networking::Connectivity;
using Watcher = netops::MobileBroadbandAccountWatcher;
using AccountHandler =
    foundation::ITypedEventHandler<Watcher*, netops::MobileBroadbandAccountEventArgs*>;
using UpdatedHandler =
    foundation::ITypedEventHandler<Watcher*, netops::MobileBroadbandAccountUpdatedEventArgs*>;
using PlainHandler = foundation::ITypedEventHandler<Watcher*, IInspectable*>;

// MobileBroadbandAccountWatcherStatus: Stopped is 3 and Aborted 4 (unlike ESimWatcherStatus).
enum Status : INT32 { kCreated = 0, kStarted = 1, kEnumerationCompleted = 2, kStopped = 3 };

/** Runs `raise` on a thread of the component's own and waits: events in order, off the caller. */
template <class Raise>
void OnOwnThread(Raise&& raise) {
  std::thread thread(std::forward<Raise>(raise));
  thread.join();
}

class AccountEventArgs final
    : public RuntimeObject<AccountEventArgs, true, netops::IMobileBroadbandAccountEventArgs> {
 public:
  static constexpr const wchar_t* kClassName =
      L"Windows.Networking.NetworkOperators.MobileBroadbandAccountEventArgs";
  explicit AccountEventArgs(std::wstring id) : id_(std::move(id)) {}
  HRESULT STDMETHODCALLTYPE get_NetworkAccountId(HSTRING* v) override { return MakeHString(id_, v); }

 private:
  std::wstring id_;
};

class UpdatedEventArgs final
    : public RuntimeObject<UpdatedEventArgs, true, netops::IMobileBroadbandAccountUpdatedEventArgs> {
 public:
  static constexpr const wchar_t* kClassName =
      L"Windows.Networking.NetworkOperators.MobileBroadbandAccountUpdatedEventArgs";
  UpdatedEventArgs(std::wstring id, bool device, bool network)
      : id_(std::move(id)), device_(device), network_(network) {}
  HRESULT STDMETHODCALLTYPE get_NetworkAccountId(HSTRING* v) override { return MakeHString(id_, v); }
  HRESULT STDMETHODCALLTYPE get_HasDeviceInformationChanged(boolean* v) override {
    if (v == nullptr) return E_POINTER;
    *v = device_ ? 1 : 0;
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE get_HasNetworkChanged(boolean* v) override {
    if (v == nullptr) return E_POINTER;
    *v = network_ ? 1 : 0;
    return S_OK;
  }

 private:
  std::wstring id_;
  bool device_;
  bool network_;
};

class AccountWatcher;

/** The running watchers, told about account changes. */
struct Running {
  std::mutex mutex;
  std::set<AccountWatcher*> watchers;
};
Running& RunningWatchers() {
  static Running* running = new Running();
  return *running;
}

class AccountWatcher final
    : public RuntimeObject<AccountWatcher, true, netops::IMobileBroadbandAccountWatcher> {
 public:
  static constexpr const wchar_t* kClassName =
      L"Windows.Networking.NetworkOperators.MobileBroadbandAccountWatcher";
  ~AccountWatcher() override { Unlisten(); }

  HRESULT STDMETHODCALLTYPE add_AccountAdded(AccountHandler* h, EventRegistrationToken* t) override {
    return added_.Add(h, t);
  }
  HRESULT STDMETHODCALLTYPE remove_AccountAdded(EventRegistrationToken t) override {
    return added_.Remove(t);
  }
  HRESULT STDMETHODCALLTYPE add_AccountUpdated(UpdatedHandler* h, EventRegistrationToken* t) override {
    return updated_.Add(h, t);
  }
  HRESULT STDMETHODCALLTYPE remove_AccountUpdated(EventRegistrationToken t) override {
    return updated_.Remove(t);
  }
  HRESULT STDMETHODCALLTYPE add_AccountRemoved(AccountHandler* h, EventRegistrationToken* t) override {
    return removed_.Add(h, t);
  }
  HRESULT STDMETHODCALLTYPE remove_AccountRemoved(EventRegistrationToken t) override {
    return removed_.Remove(t);
  }
  HRESULT STDMETHODCALLTYPE add_EnumerationCompleted(PlainHandler* h, EventRegistrationToken* t) override {
    return completed_.Add(h, t);
  }
  HRESULT STDMETHODCALLTYPE remove_EnumerationCompleted(EventRegistrationToken t) override {
    return completed_.Remove(t);
  }
  HRESULT STDMETHODCALLTYPE add_Stopped(PlainHandler* h, EventRegistrationToken* t) override {
    return stopped_.Add(h, t);
  }
  HRESULT STDMETHODCALLTYPE remove_Stopped(EventRegistrationToken t) override {
    return stopped_.Remove(t);
  }
  HRESULT STDMETHODCALLTYPE get_Status(netops::MobileBroadbandAccountWatcherStatus* v) override {
    if (v == nullptr) return E_POINTER;
    *v = static_cast<netops::MobileBroadbandAccountWatcherStatus>(status_.load());
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE Start() override {
    if (HRESULT hr = Scenario::Get().FailureOf(L"MobileBroadbandAccountWatcher.Start"); FAILED(hr)) {
      return hr;
    }
    INT32 expected = kCreated;
    if (!status_.compare_exchange_strong(expected, kStarted)) return E_ILLEGAL_METHOD_CALL;
    {
      std::lock_guard<std::mutex> lock(RunningWatchers().mutex);
      RunningWatchers().watchers.insert(this);
    }
    ComPtr<AccountWatcher> self(this);
    OnOwnThread([self] {
      for (const AccountSnapshot& account : Scenario::Get().Accounts()) self->Added(account.first);
      self->status_ = kEnumerationCompleted;
      self->completed_.Raise([&](PlainHandler* h) { h->Invoke(self.Get(), nullptr); });
    });
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE Stop() override {
    INT32 status = status_.load();
    if (status != kStarted && status != kEnumerationCompleted) return E_ILLEGAL_METHOD_CALL;
    Unlisten();
    status_ = kStopped;
    ComPtr<AccountWatcher> self(this);
    OnOwnThread([self] { self->stopped_.Raise([&](PlainHandler* h) { h->Invoke(self.Get(), nullptr); }); });
    return S_OK;
  }

  void Added(const std::wstring& id) {
    ComPtr<AccountEventArgs> args(new AccountEventArgs(id));
    args->Release();  // the ComPtr's reference is the one `new` made
    added_.Raise([&](AccountHandler* h) { h->Invoke(this, args.Get()); });
  }
  void Updated(const std::wstring& id, bool device, bool network) {
    ComPtr<UpdatedEventArgs> args(new UpdatedEventArgs(id, device, network));
    args->Release();
    updated_.Raise([&](UpdatedHandler* h) { h->Invoke(this, args.Get()); });
  }
  void Removed(const std::wstring& id) {
    ComPtr<AccountEventArgs> args(new AccountEventArgs(id));
    args->Release();
    removed_.Raise([&](AccountHandler* h) { h->Invoke(this, args.Get()); });
  }

 private:
  void Unlisten() {
    std::lock_guard<std::mutex> lock(RunningWatchers().mutex);
    RunningWatchers().watchers.erase(this);
  }

  std::atomic<INT32> status_{kCreated};
  HandlerTable<AccountHandler> added_;
  HandlerTable<UpdatedHandler> updated_;
  HandlerTable<AccountHandler> removed_;
  HandlerTable<PlainHandler> completed_;
  HandlerTable<PlainHandler> stopped_;
};

class AccountWatcherFactory final
    : public RuntimeObject<AccountWatcherFactory, true, IActivationFactory> {
 public:
  static constexpr const wchar_t* kClassName =
      L"Windows.Networking.NetworkOperators.MobileBroadbandAccountWatcher";
  HRESULT STDMETHODCALLTYPE ActivateInstance(IInspectable** instance) override {
    if (instance == nullptr) return E_POINTER;
    *instance = static_cast<netops::IMobileBroadbandAccountWatcher*>(new AccountWatcher());
    return S_OK;
  }
};

HandlerTable<connectivity::INetworkStatusChangedEventHandler>& NetworkStatusHandlers() {
  static auto* handlers = new HandlerTable<connectivity::INetworkStatusChangedEventHandler>();
  return *handlers;
}

class NetworkInformationFactory final
    : public RuntimeObject<NetworkInformationFactory, true, IActivationFactory,
                           connectivity::INetworkInformationStatics> {
 public:
  static constexpr const wchar_t* kClassName = L"Windows.Networking.Connectivity.NetworkInformation";
  HRESULT STDMETHODCALLTYPE ActivateInstance(IInspectable** instance) override {
    if (instance != nullptr) *instance = nullptr;
    return E_NOTIMPL;
  }
  // The profiles the imitated hotspot may share (tethering-profiles.cpp).
  HRESULT STDMETHODCALLTYPE GetConnectionProfiles(
      collections::IVectorView<connectivity::ConnectionProfile*>** profiles) override {
    return TetheringConnectionProfiles(profiles);
  }
  HRESULT STDMETHODCALLTYPE GetInternetConnectionProfile(connectivity::IConnectionProfile** profile) override {
    // None when the diagnostics control says so (radios.h), else the hotspot's internet
    // profile (tethering-profiles.cpp), itself none when the hotspot's scenario has no internet.
    if (!InternetProfilePresent()) {
      if (profile == nullptr) return E_POINTER;
      *profile = nullptr;
      return S_OK;
    }
    return TetheringInternetProfile(profile);
  }
  HRESULT STDMETHODCALLTYPE GetLanIdentifiers(collections::IVectorView<IInspectable*>**) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE GetHostNames(collections::IVectorView<IInspectable*>**) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE GetProxyConfigurationAsync(IInspectable*, IInspectable**) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE GetSortedEndpointPairs(IInspectable*, INT32, IInspectable**) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE add_NetworkStatusChanged(
      connectivity::INetworkStatusChangedEventHandler* handler, EventRegistrationToken* token) override {
    return NetworkStatusHandlers().Add(handler, token);
  }
  HRESULT STDMETHODCALLTYPE remove_NetworkStatusChanged(EventRegistrationToken token) override {
    return NetworkStatusHandlers().Remove(token);
  }
};

bool Changed(const AccountFields& before, const AccountFields& after, const wchar_t* const* names) {
  for (; *names != nullptr; ++names) {
    auto a = before.find(*names);
    auto b = after.find(*names);
    const std::wstring x = a == before.end() ? std::wstring() : a->second;
    const std::wstring y = b == after.end() ? std::wstring() : b->second;
    if (x != y) return true;
  }
  return false;
}

// registrationSerial: a registration to the same state is announced too, as Windows does; a
// test changes the serial to say "the modem registered again".
constexpr const wchar_t* kNetworkFields[] = {
    L"networkRegistrationState", L"registrationSerial", L"registeredProviderId", L"registeredProviderName",
    L"registrationNetworkError", L"packetAttachNetworkError", L"activationNetworkError",
    L"accessPointName", L"registeredDataClass", nullptr};
constexpr const wchar_t* kDeviceFields[] = {
    L"deviceId", L"manufacturer", L"model", L"firmwareInformation", L"deviceType",
    L"cellularClass", L"dataClasses", L"mobileEquipmentId", L"subscriberId", L"simIccId",
    L"telephoneNumbers", L"currentRadioState", L"networkDeviceStatus", L"noDevice", nullptr};

}  // namespace

IActivationFactory* NewAccountWatcherFactory() { return new AccountWatcherFactory(); }
IActivationFactory* NewNetworkInformationFactory() { return new NetworkInformationFactory(); }

void AnnounceAccountChange(const std::wstring& id, const AccountFields* before,
                           const AccountFields* after) {
  std::vector<ComPtr<AccountWatcher>> watchers;
  {
    std::lock_guard<std::mutex> lock(RunningWatchers().mutex);
    for (AccountWatcher* watcher : RunningWatchers().watchers) watchers.emplace_back(watcher);
  }
  if (watchers.empty()) return;
  OnOwnThread([&] {
    for (const ComPtr<AccountWatcher>& watcher : watchers) {
      if (before == nullptr) {
        watcher->Added(id);
      } else if (after == nullptr) {
        watcher->Removed(id);
      } else {
        watcher->Updated(id, Changed(*before, *after, kDeviceFields),
                         Changed(*before, *after, kNetworkFields));
      }
    }
  });
}

void RaiseNetworkStatusChanged() {
  OnOwnThread([] {
    NetworkStatusHandlers().Raise(
        [](connectivity::INetworkStatusChangedEventHandler* h) { h->Invoke(nullptr); });
  });
}

}  // namespace test_component
