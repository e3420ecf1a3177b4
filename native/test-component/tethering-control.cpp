// WindowsMobileBroadband.Testing.TetheringControl (tethering-control.h): the test's hand on the
// imitated hotspot.
#include <vector>

#include "runtime-object.h"
#include "tethering-classes.h"
#include "tethering-control.h"

namespace test_component {
namespace {

std::vector<std::wstring> Lines(HSTRING text) {
  std::vector<std::wstring> lines;
  const std::wstring all = ToWString(text);
  size_t start = 0;
  while (start < all.size()) {
    size_t end = all.find(L'\n', start);
    if (end == std::wstring::npos) end = all.size();
    if (end > start) lines.push_back(all.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

class TetheringControl final
    : public RuntimeObject<TetheringControl, false, IActivationFactory, ITetheringTestControl> {
 public:
  static constexpr const wchar_t* kClassName = kTetheringControlClass;

  HRESULT STDMETHODCALLTYPE ActivateInstance(IInspectable** instance) override {
    if (instance != nullptr) *instance = nullptr;
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE Reset() override {
    TetheringState::Get().Reset();
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE SetWindowsBuild(UINT32 build) override {
    TetheringState::Get().SetBuild(build);
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE SetProfiles(HSTRING names, HSTRING internetProfile) override {
    TetheringState::Get().SetProfiles(Lines(names), ToWString(internetProfile));
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE SetCapability(INT32 capability) override {
    TetheringState::Get().SetCapability(capability);
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE SetOperationalState(INT32 state) override {
    TetheringState::Get().SetOperationalState(state);
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE SetBandSupported(INT32 band, boolean supported) override {
    TetheringState::Get().SetBandSupported(band, supported != 0);
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE SetAuthenticationKindSupported(INT32 kind, boolean supported) override {
    TetheringState::Get().SetKindSupported(kind, supported != 0);
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE SetStoredAccessPoint(HSTRING ssid, HSTRING passphrase, INT32 band,
                                                 INT32 authenticationKind) override {
    TetheringState::Get().Store(
        HotspotAccessPoint{ToWString(ssid), ToWString(passphrase), band, authenticationKind});
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE ScriptNext(boolean stop, INT32 status, HSTRING message,
                                       UINT32 durationMs) override {
    TetheringState::Get().Queue(stop != 0, HotspotScript{status, ToWString(message), durationMs});
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE ClientJoined(HSTRING macAddress, HSTRING hostNames) override {
    return TetheringState::Get().Join(HotspotClient{ToWString(macAddress), Lines(hostNames)});
  }
  HRESULT STDMETHODCALLTYPE ClientLeft(HSTRING macAddress) override {
    return TetheringState::Get().Leave(ToWString(macAddress));
  }
  HRESULT STDMETHODCALLTYPE ExpireIdleTimeout(boolean* turnedOff) override {
    if (turnedOff == nullptr) return E_POINTER;
    *turnedOff = TetheringState::Get().ExpireIdle() ? 1 : 0;
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE Hotspot(INT32* state, UINT32* clientCount,
                                    boolean* noConnectionsTimeout) override {
    if (state == nullptr || clientCount == nullptr || noConnectionsTimeout == nullptr) return E_POINTER;
    *state = TetheringState::Get().OperationalState();
    *clientCount = static_cast<UINT32>(TetheringState::Get().Clients().size());
    *noConnectionsTimeout = TetheringState::Get().NoConnectionsTimeout() ? 1 : 0;
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE AccessPoints(HSTRING* storedSsid, INT32* storedBand, boolean* session,
                                         HSTRING* sessionSsid, INT32* sessionBand, INT32* sessionKind,
                                         UINT32* sessionPassphraseLength) override {
    if (storedSsid == nullptr || storedBand == nullptr || session == nullptr ||
        sessionSsid == nullptr || sessionBand == nullptr || sessionKind == nullptr ||
        sessionPassphraseLength == nullptr)
      return E_POINTER;
    const HotspotAccessPoint stored = TetheringState::Get().Stored();
    const std::optional<HotspotAccessPoint> current = TetheringState::Get().Session();
    const HotspotAccessPoint given = current.value_or(HotspotAccessPoint{});
    if (HRESULT hr = MakeHString(stored.ssid, storedSsid); FAILED(hr)) return hr;
    if (HRESULT hr = MakeHString(given.ssid, sessionSsid); FAILED(hr)) {
      WindowsDeleteString(*storedSsid);
      *storedSsid = nullptr;
      return hr;
    }
    *storedBand = stored.band;
    *session = current.has_value() ? 1 : 0;
    *sessionBand = given.band;
    *sessionKind = given.authenticationKind;
    *sessionPassphraseLength = static_cast<UINT32>(given.passphrase.size());
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE Counts(INT32* managers, INT32* foreignThreadCalls) override {
    if (managers == nullptr || foreignThreadCalls == nullptr) return E_POINTER;
    TetheringState::Get().Counts(managers, foreignThreadCalls);
    return S_OK;
  }
};

}  // namespace

IActivationFactory* NewTetheringControlFactory() { return new TetheringControl(); }

}  // namespace test_component
