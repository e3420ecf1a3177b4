// The imitated NetworkOperatorTetheringManager: its statics (1–4), the manager (with its client
// manager and INetworkOperatorTetheringManager2), operation results, clients and HostName
// objects. Start and stop take their script (tethering-state.h) when called and apply it when
// their operation ends, so a cancelled or failed one changes nothing; ConfigureAccessPointAsync
// stores the configuration when it ends. Every manager call on a thread other than the one that
// made the manager is counted (the real class is not agile).
#include "../winrt/tethering/host-name-abi.h"
#include "hotspot-async.h"
#include "runtime-object.h"
#include "scenario.h"
#include "tethering-classes.h"
#include "tethering-control.h"

namespace test_component {
namespace {

namespace connectivity = ABI::Windows::Networking::Connectivity;
using netops::INetworkOperatorTetheringAccessPointConfiguration;
using netops::INetworkOperatorTetheringClient;
using netops::INetworkOperatorTetheringClientManager;
using netops::INetworkOperatorTetheringManager;
using netops::INetworkOperatorTetheringManager2;
using netops::INetworkOperatorTetheringManagerStatics;
using netops::INetworkOperatorTetheringManagerStatics2;
using netops::INetworkOperatorTetheringManagerStatics3;
using netops::INetworkOperatorTetheringManagerStatics4;
using netops::INetworkOperatorTetheringOperationResult;
using netops::INetworkOperatorTetheringSessionAccessPointConfiguration;

constexpr const wchar_t* kManagerClass =
    L"Windows.Networking.NetworkOperators.NetworkOperatorTetheringManager";

HRESULT Fails(const wchar_t* member) { return Scenario::Get().FailureOf(member); }

class OperationResult final
    : public RuntimeObject<OperationResult, true, INetworkOperatorTetheringOperationResult> {
 public:
  static constexpr const wchar_t* kClassName =
      L"Windows.Networking.NetworkOperators.NetworkOperatorTetheringOperationResult";
  OperationResult(INT32 status, std::wstring message) : status_(status), message_(std::move(message)) {}
  HRESULT STDMETHODCALLTYPE get_Status(netops::TetheringOperationStatus* v) override {
    if (v == nullptr) return E_POINTER;
    *v = static_cast<netops::TetheringOperationStatus>(status_);
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE get_AdditionalErrorMessage(HSTRING* v) override {
    return MakeHString(message_, v);
  }

 private:
  const INT32 status_;
  const std::wstring message_;
};

class HostName final : public RuntimeObject<HostName, true, wmbb::host_name::IHostName> {
 public:
  static constexpr const wchar_t* kClassName = L"Windows.Networking.HostName";
  explicit HostName(std::wstring name) : name_(std::move(name)) {}
  HRESULT STDMETHODCALLTYPE get_IPInformation(IInspectable** v) override {
    if (v == nullptr) return E_POINTER;
    *v = nullptr;  // a DomainName has none
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE get_RawName(HSTRING* v) override { return MakeHString(name_, v); }
  HRESULT STDMETHODCALLTYPE get_DisplayName(HSTRING* v) override { return MakeHString(name_, v); }
  HRESULT STDMETHODCALLTYPE get_CanonicalName(HSTRING* v) override { return MakeHString(name_, v); }
  HRESULT STDMETHODCALLTYPE get_Type(INT32* v) override {
    if (v == nullptr) return E_POINTER;
    *v = 0;  // HostNameType.DomainName
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE IsEqual(wmbb::host_name::IHostName*, boolean*) override {
    return E_NOTIMPL;
  }

 private:
  const std::wstring name_;
};

/** An IVectorView of objects made up front (the clients, a client's host names). */
template <class Element, class ElementInterface>
class List final : public RuntimeObject<List<Element, ElementInterface>, true,
                                        collections::IVectorView<Element>> {
 public:
  static constexpr const wchar_t* kClassName = L"Windows.Foundation.Collections.IVectorView`1";
  explicit List(std::vector<ComPtr<ElementInterface>> items) : items_(std::move(items)) {}
  HRESULT STDMETHODCALLTYPE GetAt(UINT32 index, ElementInterface** v) override {
    if (v == nullptr) return E_POINTER;
    if (index >= items_.size()) return E_BOUNDS;
    return items_[index].CopyTo(v);
  }
  HRESULT STDMETHODCALLTYPE get_Size(UINT32* v) override {
    if (v == nullptr) return E_POINTER;
    *v = static_cast<UINT32>(items_.size());
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE IndexOf(ElementInterface*, UINT32*, BOOLEAN*) override { return E_NOTIMPL; }
  HRESULT STDMETHODCALLTYPE GetMany(UINT32, UINT32, ElementInterface**, UINT32*) override {
    return E_NOTIMPL;
  }

 private:
  std::vector<ComPtr<ElementInterface>> items_;
};

using HostNameList = List<IInspectable*, IInspectable>;
using ClientList = List<netops::NetworkOperatorTetheringClient*, INetworkOperatorTetheringClient>;

class Client final : public RuntimeObject<Client, true, INetworkOperatorTetheringClient> {
 public:
  static constexpr const wchar_t* kClassName =
      L"Windows.Networking.NetworkOperators.NetworkOperatorTetheringClient";
  explicit Client(HotspotClient client) : client_(std::move(client)) {}
  HRESULT STDMETHODCALLTYPE get_MacAddress(HSTRING* v) override {
    return MakeHString(client_.macAddress, v);
  }
  HRESULT STDMETHODCALLTYPE get_HostNames(collections::IVectorView<IInspectable*>** v) override {
    if (v == nullptr) return E_POINTER;
    std::vector<ComPtr<IInspectable>> names;
    for (const std::wstring& name : client_.hostNames) {
      ComPtr<IInspectable> item;
      *item.ReleaseAndGetAddressOf() = static_cast<wmbb::host_name::IHostName*>(new HostName(name));
      names.push_back(std::move(item));
    }
    *v = new HostNameList(std::move(names));
    return S_OK;
  }

 private:
  const HotspotClient client_;
};

/** Starts a start or stop: its script now, its effect when its operation ends. */
HRESULT StartOrStop(bool stop, std::optional<HotspotAccessPoint> session,
                    foundation::IAsyncOperation<netops::NetworkOperatorTetheringOperationResult*>** out) {
  HotspotScript script = TetheringState::Get().Take(stop);
  const UINT32 duration = script.durationMs;
  *out = HotspotResultAsync::Start(
      new HotspotResultAsync(),
      [stop, session = std::move(session), script = std::move(script)](HotspotResultAsync* operation) {
        INT32 status = script.status;
        std::wstring message = script.message;
        if (status == kHotspotSuccess) {
          if (stop) TetheringState::Get().Stop();
          else status = TetheringState::Get().Start(session, &message);
        }
        ComPtr<INetworkOperatorTetheringOperationResult> result;
        *result.ReleaseAndGetAddressOf() = new OperationResult(status, std::move(message));
        operation->SetResult(result.Get());
        return S_OK;
      },
      duration);
  return S_OK;
}

class Manager final : public RuntimeObject<Manager, true, INetworkOperatorTetheringManager,
                                           INetworkOperatorTetheringClientManager,
                                           INetworkOperatorTetheringManager2> {
 public:
  static constexpr const wchar_t* kClassName = kManagerClass;
  Manager() : owner_(GetCurrentThreadId()) { TetheringState::Get().CountManager(); }

  HRESULT STDMETHODCALLTYPE QueryInterface(REFIID iid, void** object) override {
    Touch();
    if (iid == __uuidof(INetworkOperatorTetheringManager2) && !TetheringState::Get().Has(26100)) {
      if (object != nullptr) *object = nullptr;
      return E_NOINTERFACE;
    }
    return RuntimeObject::QueryInterface(iid, object);
  }
  ULONG STDMETHODCALLTYPE AddRef() override {
    Touch();
    return RuntimeObject::AddRef();
  }
  ULONG STDMETHODCALLTYPE Release() override {
    Touch();
    return RuntimeObject::Release();
  }

  // --- INetworkOperatorTetheringManager -------------------------------------------------------
  HRESULT STDMETHODCALLTYPE get_MaxClientCount(UINT32* v) override {
    Touch();
    if (v == nullptr) return E_POINTER;
    *v = TetheringState::Get().MaxClients();
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE get_ClientCount(UINT32* v) override {
    Touch();
    if (v == nullptr) return E_POINTER;
    *v = static_cast<UINT32>(TetheringState::Get().Clients().size());
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE get_TetheringOperationalState(netops::TetheringOperationalState* v) override {
    Touch();
    if (v == nullptr) return E_POINTER;
    *v = static_cast<netops::TetheringOperationalState>(TetheringState::Get().OperationalState());
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE GetCurrentAccessPointConfiguration(
      INetworkOperatorTetheringAccessPointConfiguration** v) override {
    Touch();
    if (v == nullptr) return E_POINTER;
    *v = NewAccessPointConfiguration(TetheringState::Get().Stored());
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE ConfigureAccessPointAsync(
      INetworkOperatorTetheringAccessPointConfiguration* configuration,
      foundation::IAsyncAction** v) override {
    Touch();
    if (v == nullptr) return E_POINTER;
    *v = nullptr;
    if (HRESULT hr = Fails(L"NetworkOperatorTetheringManager.ConfigureAccessPointAsync"); FAILED(hr))
      return hr;
    HotspotAccessPoint given;
    if (HRESULT hr = ReadAccessPointConfiguration(configuration, &given); FAILED(hr)) return hr;
    *v = HotspotActionAsync::Start(
        new HotspotActionAsync(),
        [given](HotspotActionAsync*) -> HRESULT {
          // What Windows refuses (the package checks first, so a test must bypass it).
          if (given.ssid.empty() || given.ssid.size() > 32 || given.passphrase.size() < 8 ||
              given.passphrase.size() > 63 || !TetheringState::Get().BandSupported(given.band) ||
              !TetheringState::Get().KindSupported(given.authenticationKind))
            return E_INVALIDARG;
          TetheringState::Get().Store(given);
          return S_OK;
        },
        0);
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE StartTetheringAsync(
      foundation::IAsyncOperation<netops::NetworkOperatorTetheringOperationResult*>** v) override {
    Touch();
    if (v == nullptr) return E_POINTER;
    *v = nullptr;
    if (HRESULT hr = Fails(L"NetworkOperatorTetheringManager.StartTetheringAsync"); FAILED(hr)) return hr;
    return StartOrStop(false, std::nullopt, v);
  }
  HRESULT STDMETHODCALLTYPE StopTetheringAsync(
      foundation::IAsyncOperation<netops::NetworkOperatorTetheringOperationResult*>** v) override {
    Touch();
    if (v == nullptr) return E_POINTER;
    *v = nullptr;
    if (HRESULT hr = Fails(L"NetworkOperatorTetheringManager.StopTetheringAsync"); FAILED(hr)) return hr;
    return StartOrStop(true, std::nullopt, v);
  }

  // --- INetworkOperatorTetheringClientManager -------------------------------------------------
  HRESULT STDMETHODCALLTYPE GetTetheringClients(
      collections::IVectorView<netops::NetworkOperatorTetheringClient*>** v) override {
    Touch();
    if (v == nullptr) return E_POINTER;
    *v = nullptr;
    if (HRESULT hr = Fails(L"NetworkOperatorTetheringManager.GetTetheringClients"); FAILED(hr)) return hr;
    std::vector<ComPtr<INetworkOperatorTetheringClient>> clients;
    for (HotspotClient& client : TetheringState::Get().Clients()) {
      ComPtr<INetworkOperatorTetheringClient> item;
      *item.ReleaseAndGetAddressOf() = new Client(std::move(client));
      clients.push_back(std::move(item));
    }
    *v = new ClientList(std::move(clients));
    return S_OK;
  }

  // --- INetworkOperatorTetheringManager2 ------------------------------------------------------
  HRESULT STDMETHODCALLTYPE StartTetheringAsync(
      INetworkOperatorTetheringSessionAccessPointConfiguration* configuration,
      foundation::IAsyncOperation<netops::NetworkOperatorTetheringOperationResult*>** v) override {
    Touch();
    if (v == nullptr) return E_POINTER;
    *v = nullptr;
    if (HRESULT hr = Fails(L"NetworkOperatorTetheringManager.StartTetheringAsync"); FAILED(hr)) return hr;
    HotspotAccessPoint session;
    if (HRESULT hr = ReadSessionConfiguration(configuration, &session); FAILED(hr)) return hr;
    if (session.ssid.empty() || session.passphrase.size() < 8) return E_INVALIDARG;
    return StartOrStop(false, std::move(session), v);
  }

 private:
  /** The real class is not agile: a call from another thread is counted. */
  void Touch() {
    if (GetCurrentThreadId() != owner_) TetheringState::Get().CountForeignThreadCall();
  }

  const DWORD owner_;
};

HRESULT NewManager(connectivity::IConnectionProfile* profile, INetworkOperatorTetheringManager** out) {
  if (out == nullptr) return E_POINTER;
  *out = nullptr;
  if (HRESULT hr = Fails(L"NetworkOperatorTetheringManager.CreateFromConnectionProfile"); FAILED(hr))
    return hr;
  std::wstring name;
  if (HRESULT hr = TetheringProfileName(profile, &name); FAILED(hr)) return hr;
  *out = new Manager();
  return S_OK;
}

class ManagerStatics final
    : public RuntimeObject<ManagerStatics, true, IActivationFactory, INetworkOperatorTetheringManagerStatics,
                           INetworkOperatorTetheringManagerStatics2, INetworkOperatorTetheringManagerStatics3,
                           INetworkOperatorTetheringManagerStatics4> {
 public:
  static constexpr const wchar_t* kClassName = kManagerClass;

  HRESULT STDMETHODCALLTYPE QueryInterface(REFIID iid, void** object) override {
    // The no-connections timeout came with build 19041.
    if (iid == __uuidof(INetworkOperatorTetheringManagerStatics4) && !TetheringState::Get().Has(19041)) {
      if (object != nullptr) *object = nullptr;
      return E_NOINTERFACE;
    }
    return RuntimeObject::QueryInterface(iid, object);
  }
  HRESULT STDMETHODCALLTYPE ActivateInstance(IInspectable** instance) override {
    if (instance != nullptr) *instance = nullptr;
    return E_NOTIMPL;
  }

  // --- 1: by network account (not imitated: the package shares connection profiles) ---------
  HRESULT STDMETHODCALLTYPE GetTetheringCapability(HSTRING, netops::TetheringCapability*) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE CreateFromNetworkAccountId(HSTRING, INetworkOperatorTetheringManager**) override {
    return E_NOTIMPL;
  }
  // --- 2 --------------------------------------------------------------------------------------
  HRESULT STDMETHODCALLTYPE GetTetheringCapabilityFromConnectionProfile(
      connectivity::IConnectionProfile* profile, netops::TetheringCapability* v) override {
    if (v == nullptr) return E_POINTER;
    std::wstring name;
    if (HRESULT hr = TetheringProfileName(profile, &name); FAILED(hr)) return hr;
    *v = static_cast<netops::TetheringCapability>(TetheringState::Get().Capability());
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE CreateFromConnectionProfile(connectivity::IConnectionProfile* profile,
                                                        INetworkOperatorTetheringManager** v) override {
    return NewManager(profile, v);
  }
  // --- 3 (not imitated: the package does not choose the adapter) -------------------------------
  HRESULT STDMETHODCALLTYPE CreateFromConnectionProfileWithTargetAdapter(
      connectivity::IConnectionProfile*, connectivity::INetworkAdapter*,
      INetworkOperatorTetheringManager** v) override {
    if (v != nullptr) *v = nullptr;
    return E_NOTIMPL;
  }
  // --- 4 --------------------------------------------------------------------------------------
  HRESULT STDMETHODCALLTYPE IsNoConnectionsTimeoutEnabled(boolean* v) override {
    if (v == nullptr) return E_POINTER;
    *v = TetheringState::Get().NoConnectionsTimeout() ? 1 : 0;
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE EnableNoConnectionsTimeout() override {
    TetheringState::Get().SetNoConnectionsTimeout(true);
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE EnableNoConnectionsTimeoutAsync(foundation::IAsyncAction** v) override {
    return Switch(true, v);
  }
  HRESULT STDMETHODCALLTYPE DisableNoConnectionsTimeout() override {
    TetheringState::Get().SetNoConnectionsTimeout(false);
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE DisableNoConnectionsTimeoutAsync(foundation::IAsyncAction** v) override {
    return Switch(false, v);
  }

 private:
  static HRESULT Switch(bool enabled, foundation::IAsyncAction** v) {
    if (v == nullptr) return E_POINTER;
    *v = HotspotActionAsync::Start(
        new HotspotActionAsync(),
        [enabled](HotspotActionAsync*) {
          TetheringState::Get().SetNoConnectionsTimeout(enabled);
          return S_OK;
        },
        0);
    return S_OK;
  }
};

}  // namespace

IActivationFactory* NewTetheringFactory(const wchar_t* classId, HRESULT* failure) {
  *failure = S_OK;
  if (wcscmp(classId, kManagerClass) == 0) {
    return new ManagerStatics();
  }
  if (wcscmp(classId,
             L"Windows.Networking.NetworkOperators.NetworkOperatorTetheringAccessPointConfiguration") == 0)
    return NewAccessPointFactory();
  if (wcscmp(classId,
             L"Windows.Networking.NetworkOperators.NetworkOperatorTetheringSessionAccessPointConfiguration") ==
      0) {
    // The class came with build 26100: an older Windows does not have it registered.
    if (!TetheringState::Get().Has(26100)) {
      *failure = REGDB_E_CLASSNOTREG;
      return nullptr;
    }
    return NewSessionFactory();
  }
  if (wcscmp(classId, kTetheringControlClass) == 0) return NewTetheringControlFactory();
  return nullptr;
}

}  // namespace test_component
