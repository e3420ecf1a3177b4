#include "esim-objects.h"

#include <vector>

#include "esim-operations.h"

namespace test_component {
namespace {

HRESULT Fails(const wchar_t* member) { return Scenario::Get().FailureOf(member); }

/** An HSTRING made once and handed out by reference count. */
class SharedString {
 public:
  explicit SharedString(std::wstring_view text) {
    WindowsCreateString(text.data(), static_cast<UINT32>(text.size()), &value_);
  }
  ~SharedString() { WindowsDeleteString(value_); }
  SharedString(const SharedString&) = delete;
  SharedString& operator=(const SharedString&) = delete;
  HRESULT CopyTo(HSTRING* out) const {
    if (out == nullptr) return E_POINTER;
    return WindowsDuplicateString(value_, out);
  }

 private:
  HSTRING value_ = nullptr;
};

template <class Interface>
HRESULT CopyOut(const ComPtr<Interface>& from, Interface** to) {
  if (to == nullptr) return E_POINTER;
  *to = from.Get();
  if (*to != nullptr) (*to)->AddRef();
  return S_OK;
}

template <class T>
ComPtr<T> Own(T* created) {
  ComPtr<T> pointer;
  *pointer.GetAddressOf() = created;  // not Attach: mingw-w64's Attach adds a reference
  return pointer;
}

class Int32Reference final
    : public RuntimeObject<Int32Reference, true, foundation::IReference<INT32>> {
 public:
  static constexpr const wchar_t* kClassName = L"Windows.Foundation.IReference`1<Int32>";
  explicit Int32Reference(INT32 value) : value_(value) {}
  HRESULT STDMETHODCALLTYPE get_Value(INT32* value) override {
    if (value == nullptr) return E_POINTER;
    *value = value_;
    return S_OK;
  }

 private:
  INT32 value_;
};

/** A negative value means "no value": Windows returns a null IReference then. */
ComPtr<foundation::IReference<INT32>> Optional(INT32 value) {
  ComPtr<foundation::IReference<INT32>> reference;
  if (value >= 0) reference = Own<foundation::IReference<INT32>>(new Int32Reference(value));
  return reference;
}

class EsimPolicy final : public RuntimeObject<EsimPolicy, true, netops::IESimPolicy> {
 public:
  static constexpr const wchar_t* kClassName = L"Windows.Networking.NetworkOperators.ESimPolicy";
  explicit EsimPolicy(bool managingUi) : managingUi_(managingUi) {}
  HRESULT STDMETHODCALLTYPE get_ShouldEnableManagingUi(boolean* value) override {
    if (value == nullptr) return E_POINTER;
    *value = managingUi_;
    return S_OK;
  }

 private:
  bool managingUi_;
};

class ProfilePolicy final
    : public RuntimeObject<ProfilePolicy, true, netops::IESimProfilePolicy> {
 public:
  static constexpr const wchar_t* kClassName =
      L"Windows.Networking.NetworkOperators.ESimProfilePolicy";
  explicit ProfilePolicy(const ProfileData& profile)
      : canDelete_(profile.canDelete),
        canDisable_(profile.canDisable),
        managed_(profile.isManagedByEnterprise) {}
  HRESULT STDMETHODCALLTYPE get_CanDelete(boolean* value) override { return Put(canDelete_, value); }
  HRESULT STDMETHODCALLTYPE get_CanDisable(boolean* value) override {
    return Put(canDisable_, value);
  }
  HRESULT STDMETHODCALLTYPE get_IsManagedByEnterprise(boolean* value) override {
    return Put(managed_, value);
  }

 private:
  static HRESULT Put(bool from, boolean* to) {
    if (to == nullptr) return E_POINTER;
    *to = from;
    return S_OK;
  }
  bool canDelete_, canDisable_, managed_;
};

class Profile final : public RuntimeObject<Profile, true, netops::IESimProfile> {
 public:
  static constexpr const wchar_t* kClassName = L"Windows.Networking.NetworkOperators.ESimProfile";
  Profile(const std::wstring& eid, const ProfileData& profile)
      : eid_(eid),
        iccid_(profile.iccid),
        id_(profile.iccid),
        nickname_(profile.nickname),
        providerId_(profile.providerId),
        providerName_(profile.providerName),
        class_(profile.profileClass),
        state_(profile.state),
        policy_(Own<netops::IESimProfilePolicy>(new ProfilePolicy(profile))) {}

  HRESULT STDMETHODCALLTYPE get_Class(netops::ESimProfileClass* value) override {
    if (value == nullptr) return E_POINTER;
    *value = static_cast<netops::ESimProfileClass>(class_);
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE get_Nickname(HSTRING* value) override { return nickname_.CopyTo(value); }
  HRESULT STDMETHODCALLTYPE get_Policy(netops::IESimProfilePolicy** value) override {
    return CopyOut(policy_, value);
  }
  HRESULT STDMETHODCALLTYPE get_Id(HSTRING* value) override {
    if (HRESULT hr = Fails(L"ESimProfile.Id"); FAILED(hr)) return hr;
    return id_.CopyTo(value);
  }
  HRESULT STDMETHODCALLTYPE get_ProviderIcon(
      ABI::Windows::Storage::Streams::IRandomAccessStreamReference** value) override {
    if (value == nullptr) return E_POINTER;
    *value = nullptr;
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE get_ProviderId(HSTRING* value) override {
    return providerId_.CopyTo(value);
  }
  HRESULT STDMETHODCALLTYPE get_ProviderName(HSTRING* value) override {
    return providerName_.CopyTo(value);
  }
  HRESULT STDMETHODCALLTYPE get_State(netops::ESimProfileState* value) override {
    if (value == nullptr) return E_POINTER;
    *value = static_cast<netops::ESimProfileState>(state_);
    return S_OK;
  }
  // The operations act on the scenario's profile (by EID and ICCID), not on this snapshot.
  HRESULT STDMETHODCALLTYPE DisableAsync(StatusOperation** operation) override {
    if (operation == nullptr) return E_POINTER;
    *operation = StartSetEnabled(eid_, iccid_, false);
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE EnableAsync(StatusOperation** operation) override {
    if (operation == nullptr) return E_POINTER;
    *operation = StartSetEnabled(eid_, iccid_, true);
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE SetNicknameAsync(HSTRING nickname,
                                             StatusOperation** operation) override {
    if (operation == nullptr) return E_POINTER;
    *operation = StartSetNickname(eid_, iccid_, ToWString(nickname));
    return S_OK;
  }

 private:
  const std::wstring eid_;
  const std::wstring iccid_;
  SharedString id_, nickname_, providerId_, providerName_;
  INT32 class_, state_;
  ComPtr<netops::IESimProfilePolicy> policy_;
};

class ProfileList final
    : public RuntimeObject<ProfileList, true, collections::IVectorView<netops::ESimProfile*>,
                           collections::IIterable<netops::ESimProfile*>> {
 public:
  static constexpr const wchar_t* kClassName =
      L"Windows.Foundation.Collections.IVectorView`1<Windows.Networking.NetworkOperators.ESimProfile>";
  ProfileList(const std::wstring& eid, const std::vector<ProfileData>& profiles) {
    for (const ProfileData& profile : profiles) {
      profiles_.push_back(Own<netops::IESimProfile>(new Profile(eid, profile)));
    }
  }

  HRESULT STDMETHODCALLTYPE GetAt(UINT32 index, netops::IESimProfile** value) override {
    if (value == nullptr) return E_POINTER;
    if (index >= profiles_.size()) return E_BOUNDS;
    return CopyOut(profiles_[index], value);
  }
  HRESULT STDMETHODCALLTYPE get_Size(UINT32* value) override {
    if (value == nullptr) return E_POINTER;
    *value = static_cast<UINT32>(profiles_.size());
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE IndexOf(netops::IESimProfile*, UINT32*, BOOLEAN*) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE GetMany(UINT32, UINT32, netops::IESimProfile**, UINT32*) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE First(collections::IIterator<netops::ESimProfile*>**) override {
    return E_NOTIMPL;
  }

 private:
  std::vector<ComPtr<netops::IESimProfile>> profiles_;
};

}  // namespace

/** Everything of an eSIM snapshot but its firmware version, built once. */
class EsimParts {
 public:
  explicit EsimParts(const EsimData& data)
      : eid(data.eid),
        eid_(data.eid),
        modemDeviceId_(data.modemDeviceId),
        state_(data.state),
        memory_(Optional(data.availableMemory)),
        slot_(Optional(data.slotIndex)),
        policy_(Own<netops::IESimPolicy>(new EsimPolicy(data.shouldEnableManagingUi))),
        profiles_(Own<collections::IVectorView<netops::ESimProfile*>>(
            new ProfileList(data.eid, data.profiles))) {}

  const std::wstring eid;
  SharedString eid_, modemDeviceId_;
  INT32 state_;
  ComPtr<foundation::IReference<INT32>> memory_, slot_;
  ComPtr<netops::IESimPolicy> policy_;
  ComPtr<collections::IVectorView<netops::ESimProfile*>> profiles_;
};

namespace {

class Esim final
    : public RuntimeObject<Esim, true, netops::IESim, netops::IESim2, netops::IESim3> {
 public:
  static constexpr const wchar_t* kClassName = L"Windows.Networking.NetworkOperators.ESim";
  Esim(std::shared_ptr<const EsimParts> parts, std::wstring_view firmwareVersion)
      : parts_(std::move(parts)), firmwareVersion_(firmwareVersion) {}

  HRESULT STDMETHODCALLTYPE get_AvailableMemoryInBytes(
      foundation::IReference<INT32>** value) override {
    return CopyOut(parts_->memory_, value);
  }
  HRESULT STDMETHODCALLTYPE get_Eid(HSTRING* value) override {
    if (HRESULT hr = Fails(L"ESim.Eid"); FAILED(hr)) return hr;
    return parts_->eid_.CopyTo(value);
  }
  HRESULT STDMETHODCALLTYPE get_FirmwareVersion(HSTRING* value) override {
    if (HRESULT hr = Fails(L"ESim.FirmwareVersion"); FAILED(hr)) return hr;
    return firmwareVersion_.CopyTo(value);
  }
  HRESULT STDMETHODCALLTYPE get_MobileBroadbandModemDeviceId(HSTRING* value) override {
    return parts_->modemDeviceId_.CopyTo(value);
  }
  HRESULT STDMETHODCALLTYPE get_Policy(netops::IESimPolicy** value) override {
    return CopyOut(parts_->policy_, value);
  }
  HRESULT STDMETHODCALLTYPE get_State(netops::ESimState* value) override {
    if (value == nullptr) return E_POINTER;
    *value = static_cast<netops::ESimState>(parts_->state_);
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE GetProfiles(
      collections::IVectorView<netops::ESimProfile*>** result) override {
    if (HRESULT hr = Fails(L"ESim.GetProfiles"); FAILED(hr)) return hr;
    return CopyOut(parts_->profiles_, result);
  }
  // The operations act on the scenario's eSIM (by EID), not on this snapshot.
  HRESULT STDMETHODCALLTYPE DeleteProfileAsync(HSTRING profileId,
                                               StatusOperation** operation) override {
    if (operation == nullptr) return E_POINTER;
    *operation = StartDelete(parts_->eid, ToWString(profileId));
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE DownloadProfileMetadataAsync(HSTRING activationCode,
                                                         DownloadOperation** operation) override {
    if (operation == nullptr) return E_POINTER;
    *operation = StartDownload(parts_->eid, ToWString(activationCode));
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE ResetAsync(StatusOperation** operation) override {
    if (operation == nullptr) return E_POINTER;
    *operation = StartReset(parts_->eid);
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE add_ProfileChanged(
      foundation::ITypedEventHandler<netops::ESim*, IInspectable*>*,
      EventRegistrationToken*) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE remove_ProfileChanged(EventRegistrationToken) override {
    return E_NOTIMPL;
  }
  // IESim2: the synchronous forms block; the component has only the asynchronous ones.
  HRESULT STDMETHODCALLTYPE Discover(netops::IESimDiscoverResult**) override { return E_NOTIMPL; }
  HRESULT STDMETHODCALLTYPE DiscoverWithServerAddressAndMatchingId(
      HSTRING, HSTRING, netops::IESimDiscoverResult**) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE DiscoverAsync(DiscoverOperation** operation) override {
    if (operation == nullptr) return E_POINTER;
    *operation = StartDiscover(parts_->eid, nullptr, nullptr);
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE DiscoverWithServerAddressAndMatchingIdAsync(
      HSTRING server, HSTRING matchingId, DiscoverOperation** operation) override {
    if (operation == nullptr) return E_POINTER;
    const std::wstring serverText = ToWString(server);
    const std::wstring id = ToWString(matchingId);
    *operation = StartDiscover(parts_->eid, &serverText, &id);
    return S_OK;
  }
  // IESim3
  HRESULT STDMETHODCALLTYPE get_SlotIndex(foundation::IReference<INT32>** value) override {
    return CopyOut(parts_->slot_, value);
  }

 private:
  std::shared_ptr<const EsimParts> parts_;
  SharedString firmwareVersion_;
};

class ServiceInfo final : public RuntimeObject<ServiceInfo, true, netops::IESimServiceInfo> {
 public:
  static constexpr const wchar_t* kClassName =
      L"Windows.Networking.NetworkOperators.ESimServiceInfo";
  ServiceInfo() { Scenario::Get().ServiceInfo(&preference_, &uiEnabled_); }
  HRESULT STDMETHODCALLTYPE get_AuthenticationPreference(
      netops::ESimAuthenticationPreference* value) override {
    if (value == nullptr) return E_POINTER;
    *value = static_cast<netops::ESimAuthenticationPreference>(preference_);
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE get_IsESimUiEnabled(boolean* value) override {
    if (value == nullptr) return E_POINTER;
    *value = uiEnabled_;
    return S_OK;
  }

 private:
  INT32 preference_ = 0;
  bool uiEnabled_ = false;
};

}  // namespace

std::shared_ptr<const EsimParts> BuildEsimParts(const EsimSnapshot& snapshot) {
  return std::make_shared<const EsimParts>(*snapshot);
}

netops::IESim* NewEsim(std::shared_ptr<const EsimParts> parts, std::wstring_view firmwareVersion) {
  return new Esim(std::move(parts), firmwareVersion);
}

netops::IESim* NewEsim(const EsimSnapshot& snapshot) {
  return NewEsim(BuildEsimParts(snapshot), snapshot->firmwareVersion);
}

netops::IESimServiceInfo* NewServiceInfo() { return new ServiceInfo(); }

}  // namespace test_component
