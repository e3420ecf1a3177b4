// The connection profiles the imitated hotspot may share, as NetworkInformation lists them
// (account-watcher.cpp hands those two calls here). Each is the imitated ConnectionProfile of
// connection-profiles.h with only a ProfileName.
#include <vector>

#include "connection-profiles.h"
#include "runtime-object.h"
#include "scenario.h"
#include "tethering-classes.h"

namespace test_component {
namespace {

namespace connectivity = ABI::Windows::Networking::Connectivity;

HRESULT NewProfile(const std::wstring& name, ComPtr<connectivity::IConnectionProfile>* out) {
  auto fields = std::make_shared<AccountFields>();
  (*fields)[L"profileName"] = name;
  ComPtr<collections::IVectorView<connectivity::ConnectionProfile*>> one;
  // Not Attach: mingw-w64's adds a reference.
  *one.ReleaseAndGetAddressOf() = NewConnectionProfiles(fields);
  return one->GetAt(0, out->ReleaseAndGetAddressOf());
}

class ProfileList final
    : public RuntimeObject<ProfileList, true,
                           collections::IVectorView<connectivity::ConnectionProfile*>> {
 public:
  static constexpr const wchar_t* kClassName =
      L"Windows.Foundation.Collections.IVectorView`1<Windows.Networking.Connectivity.ConnectionProfile>";
  explicit ProfileList(std::vector<ComPtr<connectivity::IConnectionProfile>> profiles)
      : profiles_(std::move(profiles)) {}
  HRESULT STDMETHODCALLTYPE GetAt(UINT32 index, connectivity::IConnectionProfile** v) override {
    if (v == nullptr) return E_POINTER;
    if (index >= profiles_.size()) return E_BOUNDS;
    return profiles_[index].CopyTo(v);
  }
  HRESULT STDMETHODCALLTYPE get_Size(UINT32* v) override {
    if (v == nullptr) return E_POINTER;
    *v = static_cast<UINT32>(profiles_.size());
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE IndexOf(connectivity::IConnectionProfile*, UINT32*, BOOLEAN*) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE GetMany(UINT32, UINT32, connectivity::IConnectionProfile**,
                                    UINT32*) override {
    return E_NOTIMPL;
  }

 private:
  std::vector<ComPtr<connectivity::IConnectionProfile>> profiles_;
};

}  // namespace

HRESULT TetheringConnectionProfiles(
    collections::IVectorView<connectivity::ConnectionProfile*>** out) {
  if (out == nullptr) return E_POINTER;
  *out = nullptr;
  if (HRESULT hr = Scenario::Get().FailureOf(L"NetworkInformation.GetConnectionProfiles"); FAILED(hr))
    return hr;
  std::vector<ComPtr<connectivity::IConnectionProfile>> profiles;
  for (const std::wstring& name : TetheringState::Get().Profiles()) {
    ComPtr<connectivity::IConnectionProfile> profile;
    if (HRESULT hr = NewProfile(name, &profile); FAILED(hr)) return hr;
    profiles.push_back(std::move(profile));
  }
  *out = new ProfileList(std::move(profiles));
  return S_OK;
}

HRESULT TetheringInternetProfile(connectivity::IConnectionProfile** out) {
  if (out == nullptr) return E_POINTER;
  *out = nullptr;
  const std::wstring name = TetheringState::Get().InternetProfile();
  if (name.empty()) return S_OK;  // no internet connection: null, as Windows answers
  ComPtr<connectivity::IConnectionProfile> profile;
  if (HRESULT hr = NewProfile(name, &profile); FAILED(hr)) return hr;
  *out = profile.Detach();
  return S_OK;
}

HRESULT TetheringProfileName(connectivity::IConnectionProfile* profile, std::wstring* name) {
  if (profile == nullptr) return E_INVALIDARG;
  HSTRING text = nullptr;
  if (HRESULT hr = profile->get_ProfileName(&text); FAILED(hr)) return hr;
  *name = ToWString(text);
  WindowsDeleteString(text);
  for (const std::wstring& known : TetheringState::Get().Profiles()) {
    if (known == *name) return S_OK;
  }
  return E_INVALIDARG;
}

}  // namespace test_component
