// The imitated access point configurations: NetworkOperatorTetheringAccessPointConfiguration
// (interfaces 1–3; the manager's GetCurrentAccessPointConfiguration hands one out holding the
// stored access point, and a program activates one to configure) and
// NetworkOperatorTetheringSessionAccessPointConfiguration. Their IsBandSupported(Async) and
// IsAuthenticationKindSupported(Async) answer what the control set for the adapter.
#include "hotspot-async.h"
#include "runtime-object.h"
#include "tethering-classes.h"

namespace test_component {
namespace {

using netops::INetworkOperatorTetheringAccessPointConfiguration;
using netops::INetworkOperatorTetheringAccessPointConfiguration2;
using netops::INetworkOperatorTetheringAccessPointConfiguration3;
using netops::INetworkOperatorTetheringSessionAccessPointConfiguration;
using netops::TetheringWiFiAuthenticationKind;
using netops::TetheringWiFiBand;

constexpr const wchar_t* kAccessPointClass =
    L"Windows.Networking.NetworkOperators.NetworkOperatorTetheringAccessPointConfiguration";
constexpr const wchar_t* kSessionClass =
    L"Windows.Networking.NetworkOperators.NetworkOperatorTetheringSessionAccessPointConfiguration";

HRESULT Supported(bool value, boolean* out) {
  if (out == nullptr) return E_POINTER;
  *out = value ? 1 : 0;
  return S_OK;
}

HRESULT SupportedAsync(bool value, foundation::IAsyncOperation<boolean>** out) {
  if (out == nullptr) return E_POINTER;
  *out = HotspotBoolAsync::Start(
      new HotspotBoolAsync(),
      [value](HotspotBoolAsync* operation) {
        operation->SetResult(value);
        return S_OK;
      },
      0);
  return S_OK;
}

/** The fields both classes have, held by value; thread-safe (the classes are agile). */
class Fields {
 protected:
  HRESULT GetText(const std::wstring HotspotAccessPoint::*field, HSTRING* out) {
    std::lock_guard<std::mutex> lock(mutex_);
    return MakeHString(value_.*field, out);
  }
  HRESULT PutText(std::wstring HotspotAccessPoint::*field, HSTRING text) {
    std::lock_guard<std::mutex> lock(mutex_);
    value_.*field = ToWString(text);
    return S_OK;
  }
  template <class Enum>
  HRESULT GetEnum(INT32 HotspotAccessPoint::*field, Enum* out) {
    if (out == nullptr) return E_POINTER;
    std::lock_guard<std::mutex> lock(mutex_);
    *out = static_cast<Enum>(value_.*field);
    return S_OK;
  }
  template <class Enum>
  HRESULT PutEnum(INT32 HotspotAccessPoint::*field, Enum value) {
    std::lock_guard<std::mutex> lock(mutex_);
    value_.*field = static_cast<INT32>(value);
    return S_OK;
  }

  std::mutex mutex_;
  HotspotAccessPoint value_;
};

class AccessPointConfiguration final
    : public RuntimeObject<AccessPointConfiguration, true,
                           INetworkOperatorTetheringAccessPointConfiguration,
                           INetworkOperatorTetheringAccessPointConfiguration2,
                           INetworkOperatorTetheringAccessPointConfiguration3>,
      private Fields {
 public:
  static constexpr const wchar_t* kClassName = kAccessPointClass;
  explicit AccessPointConfiguration(const HotspotAccessPoint& value) { value_ = value; }

  HRESULT STDMETHODCALLTYPE QueryInterface(REFIID iid, void** object) override {
    // Interfaces newer than the Windows played are absent.
    if ((iid == __uuidof(INetworkOperatorTetheringAccessPointConfiguration2) &&
         !TetheringState::Get().Has(19041)) ||
        (iid == __uuidof(INetworkOperatorTetheringAccessPointConfiguration3) &&
         !TetheringState::Get().Has(26100))) {
      if (object != nullptr) *object = nullptr;
      return E_NOINTERFACE;
    }
    return RuntimeObject::QueryInterface(iid, object);
  }

  // --- 1 --------------------------------------------------------------------------------------
  HRESULT STDMETHODCALLTYPE get_Ssid(HSTRING* v) override { return GetText(&HotspotAccessPoint::ssid, v); }
  HRESULT STDMETHODCALLTYPE put_Ssid(HSTRING v) override { return PutText(&HotspotAccessPoint::ssid, v); }
  HRESULT STDMETHODCALLTYPE get_Passphrase(HSTRING* v) override {
    return GetText(&HotspotAccessPoint::passphrase, v);
  }
  HRESULT STDMETHODCALLTYPE put_Passphrase(HSTRING v) override {
    return PutText(&HotspotAccessPoint::passphrase, v);
  }
  // --- 2 --------------------------------------------------------------------------------------
  HRESULT STDMETHODCALLTYPE IsBandSupported(TetheringWiFiBand band, boolean* v) override {
    return Supported(TetheringState::Get().BandSupported(static_cast<INT32>(band)), v);
  }
  HRESULT STDMETHODCALLTYPE IsBandSupportedAsync(TetheringWiFiBand band,
                                                 foundation::IAsyncOperation<boolean>** v) override {
    return SupportedAsync(TetheringState::Get().BandSupported(static_cast<INT32>(band)), v);
  }
  HRESULT STDMETHODCALLTYPE get_Band(TetheringWiFiBand* v) override {
    return GetEnum(&HotspotAccessPoint::band, v);
  }
  HRESULT STDMETHODCALLTYPE put_Band(TetheringWiFiBand v) override {
    return PutEnum(&HotspotAccessPoint::band, v);
  }
  // --- 3 --------------------------------------------------------------------------------------
  HRESULT STDMETHODCALLTYPE IsAuthenticationKindSupported(TetheringWiFiAuthenticationKind kind,
                                                          boolean* v) override {
    return Supported(TetheringState::Get().KindSupported(static_cast<INT32>(kind)), v);
  }
  HRESULT STDMETHODCALLTYPE IsAuthenticationKindSupportedAsync(
      TetheringWiFiAuthenticationKind kind, foundation::IAsyncOperation<boolean>** v) override {
    return SupportedAsync(TetheringState::Get().KindSupported(static_cast<INT32>(kind)), v);
  }
  HRESULT STDMETHODCALLTYPE get_AuthenticationKind(TetheringWiFiAuthenticationKind* v) override {
    return GetEnum(&HotspotAccessPoint::authenticationKind, v);
  }
  HRESULT STDMETHODCALLTYPE put_AuthenticationKind(TetheringWiFiAuthenticationKind v) override {
    return PutEnum(&HotspotAccessPoint::authenticationKind, v);
  }
};

class SessionConfiguration final
    : public RuntimeObject<SessionConfiguration, true,
                           INetworkOperatorTetheringSessionAccessPointConfiguration>,
      private Fields {
 public:
  static constexpr const wchar_t* kClassName = kSessionClass;

  HRESULT STDMETHODCALLTYPE get_Ssid(HSTRING* v) override { return GetText(&HotspotAccessPoint::ssid, v); }
  HRESULT STDMETHODCALLTYPE put_Ssid(HSTRING v) override { return PutText(&HotspotAccessPoint::ssid, v); }
  HRESULT STDMETHODCALLTYPE get_Passphrase(HSTRING* v) override {
    return GetText(&HotspotAccessPoint::passphrase, v);
  }
  HRESULT STDMETHODCALLTYPE put_Passphrase(HSTRING v) override {
    return PutText(&HotspotAccessPoint::passphrase, v);
  }
  HRESULT STDMETHODCALLTYPE IsBandSupported(TetheringWiFiBand band, boolean* v) override {
    return Supported(TetheringState::Get().BandSupported(static_cast<INT32>(band)), v);
  }
  HRESULT STDMETHODCALLTYPE IsBandSupportedAsync(TetheringWiFiBand band,
                                                 foundation::IAsyncOperation<boolean>** v) override {
    return SupportedAsync(TetheringState::Get().BandSupported(static_cast<INT32>(band)), v);
  }
  HRESULT STDMETHODCALLTYPE get_Band(TetheringWiFiBand* v) override {
    return GetEnum(&HotspotAccessPoint::band, v);
  }
  HRESULT STDMETHODCALLTYPE put_Band(TetheringWiFiBand v) override {
    return PutEnum(&HotspotAccessPoint::band, v);
  }
  HRESULT STDMETHODCALLTYPE IsAuthenticationKindSupported(TetheringWiFiAuthenticationKind kind,
                                                          boolean* v) override {
    return Supported(TetheringState::Get().KindSupported(static_cast<INT32>(kind)), v);
  }
  HRESULT STDMETHODCALLTYPE IsAuthenticationKindSupportedAsync(
      TetheringWiFiAuthenticationKind kind, foundation::IAsyncOperation<boolean>** v) override {
    return SupportedAsync(TetheringState::Get().KindSupported(static_cast<INT32>(kind)), v);
  }
  HRESULT STDMETHODCALLTYPE get_AuthenticationKind(TetheringWiFiAuthenticationKind* v) override {
    return GetEnum(&HotspotAccessPoint::authenticationKind, v);
  }
  HRESULT STDMETHODCALLTYPE put_AuthenticationKind(TetheringWiFiAuthenticationKind v) override {
    return PutEnum(&HotspotAccessPoint::authenticationKind, v);
  }
  HRESULT STDMETHODCALLTYPE get_PerformancePriority(netops::TetheringWiFiPerformancePriority* v) override {
    if (v == nullptr) return E_POINTER;
    *v = static_cast<netops::TetheringWiFiPerformancePriority>(priority_.load());
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE put_PerformancePriority(netops::TetheringWiFiPerformancePriority v) override {
    priority_ = static_cast<INT32>(v);
    return S_OK;
  }

 private:
  std::atomic<INT32> priority_{0};
};

class AccessPointFactory final
    : public RuntimeObject<AccessPointFactory, true, IActivationFactory> {
 public:
  static constexpr const wchar_t* kClassName = kAccessPointClass;
  HRESULT STDMETHODCALLTYPE ActivateInstance(IInspectable** instance) override {
    if (instance == nullptr) return E_POINTER;
    // A new configuration starts empty: band Auto, WPA2.
    *instance = static_cast<INetworkOperatorTetheringAccessPointConfiguration*>(
        new AccessPointConfiguration(HotspotAccessPoint{}));
    return S_OK;
  }
};

class SessionFactory final : public RuntimeObject<SessionFactory, true, IActivationFactory> {
 public:
  static constexpr const wchar_t* kClassName = kSessionClass;
  HRESULT STDMETHODCALLTYPE ActivateInstance(IInspectable** instance) override {
    if (instance == nullptr) return E_POINTER;
    *instance = static_cast<INetworkOperatorTetheringSessionAccessPointConfiguration*>(
        new SessionConfiguration());
    return S_OK;
  }
};

}  // namespace

INetworkOperatorTetheringAccessPointConfiguration* NewAccessPointConfiguration(
    const HotspotAccessPoint& accessPoint) {
  return new AccessPointConfiguration(accessPoint);
}

IActivationFactory* NewAccessPointFactory() { return new AccessPointFactory(); }

IActivationFactory* NewSessionFactory() { return new SessionFactory(); }

HRESULT ReadAccessPointConfiguration(INetworkOperatorTetheringAccessPointConfiguration* from,
                                     HotspotAccessPoint* out) {
  if (from == nullptr) return E_INVALIDARG;
  HSTRING text = nullptr;
  if (HRESULT hr = from->get_Ssid(&text); FAILED(hr)) return hr;
  out->ssid = ToWString(text);
  WindowsDeleteString(text);
  text = nullptr;
  if (HRESULT hr = from->get_Passphrase(&text); FAILED(hr)) return hr;
  out->passphrase = ToWString(text);
  WindowsDeleteString(text);
  ComPtr<INetworkOperatorTetheringAccessPointConfiguration2> second;
  if (SUCCEEDED(from->QueryInterface(__uuidof(INetworkOperatorTetheringAccessPointConfiguration2),
                                     reinterpret_cast<void**>(second.GetAddressOf())))) {
    TetheringWiFiBand band{};
    if (HRESULT hr = second->get_Band(&band); FAILED(hr)) return hr;
    out->band = static_cast<INT32>(band);
  }
  ComPtr<INetworkOperatorTetheringAccessPointConfiguration3> third;
  if (SUCCEEDED(from->QueryInterface(__uuidof(INetworkOperatorTetheringAccessPointConfiguration3),
                                     reinterpret_cast<void**>(third.GetAddressOf())))) {
    TetheringWiFiAuthenticationKind kind{};
    if (HRESULT hr = third->get_AuthenticationKind(&kind); FAILED(hr)) return hr;
    out->authenticationKind = static_cast<INT32>(kind);
  }
  return S_OK;
}

HRESULT ReadSessionConfiguration(INetworkOperatorTetheringSessionAccessPointConfiguration* from,
                                 HotspotAccessPoint* out) {
  if (from == nullptr) return E_INVALIDARG;
  HSTRING text = nullptr;
  if (HRESULT hr = from->get_Ssid(&text); FAILED(hr)) return hr;
  out->ssid = ToWString(text);
  WindowsDeleteString(text);
  text = nullptr;
  if (HRESULT hr = from->get_Passphrase(&text); FAILED(hr)) return hr;
  out->passphrase = ToWString(text);
  WindowsDeleteString(text);
  TetheringWiFiBand band{};
  if (HRESULT hr = from->get_Band(&band); FAILED(hr)) return hr;
  out->band = static_cast<INT32>(band);
  TetheringWiFiAuthenticationKind kind{};
  if (HRESULT hr = from->get_AuthenticationKind(&kind); FAILED(hr)) return hr;
  out->authenticationKind = static_cast<INT32>(kind);
  return S_OK;
}

}  // namespace test_component
