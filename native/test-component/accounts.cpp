#include "accounts.h"

#include <cwchar>
#include <map>
#include <memory>
#include <vector>

#include "connection-profiles.h"
#include "runtime-object.h"
#include "scenario.h"

namespace test_component {
namespace {

// What Windows answers for an id it does not know (ERROR_NOT_FOUND as an HRESULT).
constexpr HRESULT kNotFound = static_cast<HRESULT>(0x80070490L);

using Fields = AccountFields;

HRESULT Fails(const wchar_t* member) { return Scenario::Get().FailureOf(member); }

std::wstring Field(const Fields& fields, const wchar_t* name) {
  auto found = fields.find(name);
  return found == fields.end() ? std::wstring() : found->second;
}

INT32 Number(const Fields& fields, const wchar_t* name) {
  return static_cast<INT32>(std::wcstol(Field(fields, name).c_str(), nullptr, 0));
}

/** A string property, with a failure the test injected under `member`. */
HRESULT String(const Fields& fields, const wchar_t* name, const wchar_t* member, HSTRING* out) {
  if (out == nullptr) return E_POINTER;
  if (HRESULT hr = Fails(member); FAILED(hr)) return hr;
  return MakeHString(Field(fields, name), out);
}

template <class T>
HRESULT Value(const Fields& fields, const wchar_t* name, const wchar_t* member, T* out) {
  if (out == nullptr) return E_POINTER;
  if (HRESULT hr = Fails(member); FAILED(hr)) return hr;
  *out = static_cast<T>(Number(fields, name));
  return S_OK;
}

class StringList final
    : public RuntimeObject<StringList, true, collections::IVectorView<HSTRING>> {
 public:
  static constexpr const wchar_t* kClassName = L"Windows.Foundation.Collections.IVectorView`1<String>";
  explicit StringList(std::vector<std::wstring> items) : items_(std::move(items)) {}
  HRESULT STDMETHODCALLTYPE GetAt(UINT32 index, HSTRING* value) override {
    if (value == nullptr) return E_POINTER;
    if (index >= items_.size()) return E_BOUNDS;
    return MakeHString(items_[index], value);
  }
  HRESULT STDMETHODCALLTYPE get_Size(UINT32* value) override {
    if (value == nullptr) return E_POINTER;
    *value = static_cast<UINT32>(items_.size());
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE IndexOf(HSTRING, UINT32*, BOOLEAN*) override { return E_NOTIMPL; }
  HRESULT STDMETHODCALLTYPE GetMany(UINT32, UINT32, HSTRING*, UINT32*) override {
    return E_NOTIMPL;
  }

 private:
  std::vector<std::wstring> items_;
};

/** The telephone numbers field: numbers separated by commas. */
std::vector<std::wstring> List(const std::wstring& text) {
  std::vector<std::wstring> items;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find(L',', start);
    if (end == std::wstring::npos) end = text.size();
    items.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return items;
}

class DeviceInformation final
    : public RuntimeObject<DeviceInformation, true, netops::IMobileBroadbandDeviceInformation> {
 public:
  static constexpr const wchar_t* kClassName =
      L"Windows.Networking.NetworkOperators.MobileBroadbandDeviceInformation";
  explicit DeviceInformation(std::shared_ptr<const Fields> fields) : f_(std::move(fields)) {}

  HRESULT STDMETHODCALLTYPE get_NetworkDeviceStatus(netops::NetworkDeviceStatus* v) override {
    return Value(*f_, L"networkDeviceStatus", L"MobileBroadbandDeviceInformation.NetworkDeviceStatus", v);
  }
  HRESULT STDMETHODCALLTYPE get_Manufacturer(HSTRING* v) override {
    return String(*f_, L"manufacturer", L"MobileBroadbandDeviceInformation.Manufacturer", v);
  }
  HRESULT STDMETHODCALLTYPE get_Model(HSTRING* v) override {
    return String(*f_, L"model", L"MobileBroadbandDeviceInformation.Model", v);
  }
  HRESULT STDMETHODCALLTYPE get_FirmwareInformation(HSTRING* v) override {
    return String(*f_, L"firmwareInformation", L"MobileBroadbandDeviceInformation.FirmwareInformation", v);
  }
  HRESULT STDMETHODCALLTYPE get_CellularClass(INT32* v) override {
    return Value(*f_, L"cellularClass", L"MobileBroadbandDeviceInformation.CellularClass", v);
  }
  HRESULT STDMETHODCALLTYPE get_DataClasses(netops::DataClasses* v) override {
    return Value(*f_, L"dataClasses", L"MobileBroadbandDeviceInformation.DataClasses", v);
  }
  HRESULT STDMETHODCALLTYPE get_CustomDataClass(HSTRING* v) override {
    return String(*f_, L"customDataClass", L"MobileBroadbandDeviceInformation.CustomDataClass", v);
  }
  HRESULT STDMETHODCALLTYPE get_MobileEquipmentId(HSTRING* v) override {
    return String(*f_, L"mobileEquipmentId", L"MobileBroadbandDeviceInformation.MobileEquipmentId", v);
  }
  HRESULT STDMETHODCALLTYPE get_TelephoneNumbers(collections::IVectorView<HSTRING>** v) override {
    if (v == nullptr) return E_POINTER;
    if (HRESULT hr = Fails(L"MobileBroadbandDeviceInformation.TelephoneNumbers"); FAILED(hr)) return hr;
    *v = new StringList(List(Field(*f_, L"telephoneNumbers")));
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE get_SubscriberId(HSTRING* v) override {
    return String(*f_, L"subscriberId", L"MobileBroadbandDeviceInformation.SubscriberId", v);
  }
  HRESULT STDMETHODCALLTYPE get_SimIccId(HSTRING* v) override {
    return String(*f_, L"simIccId", L"MobileBroadbandDeviceInformation.SimIccId", v);
  }
  HRESULT STDMETHODCALLTYPE get_DeviceType(netops::MobileBroadbandDeviceType* v) override {
    return Value(*f_, L"deviceType", L"MobileBroadbandDeviceInformation.DeviceType", v);
  }
  HRESULT STDMETHODCALLTYPE get_DeviceId(HSTRING* v) override {
    return String(*f_, L"deviceId", L"MobileBroadbandDeviceInformation.DeviceId", v);
  }
  HRESULT STDMETHODCALLTYPE get_CurrentRadioState(netops::MobileBroadbandRadioState* v) override {
    return Value(*f_, L"currentRadioState", L"MobileBroadbandDeviceInformation.CurrentRadioState", v);
  }

 private:
  std::shared_ptr<const Fields> f_;
};

class Network final : public RuntimeObject<Network, true, netops::IMobileBroadbandNetwork> {
 public:
  static constexpr const wchar_t* kClassName =
      L"Windows.Networking.NetworkOperators.MobileBroadbandNetwork";
  explicit Network(std::shared_ptr<const Fields> fields) : f_(std::move(fields)) {}

  HRESULT STDMETHODCALLTYPE get_NetworkAdapter(
      ABI::Windows::Networking::Connectivity::INetworkAdapter** v) override {
    if (v == nullptr) return E_POINTER;
    *v = Field(*f_, L"networkAdapterId").empty() ? nullptr : NewNetworkAdapter(f_);
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE get_NetworkRegistrationState(netops::NetworkRegistrationState* v) override {
    return Value(*f_, L"networkRegistrationState", L"MobileBroadbandNetwork.NetworkRegistrationState", v);
  }
  HRESULT STDMETHODCALLTYPE get_RegistrationNetworkError(UINT32* v) override {
    return Value(*f_, L"registrationNetworkError", L"MobileBroadbandNetwork.RegistrationNetworkError", v);
  }
  HRESULT STDMETHODCALLTYPE get_PacketAttachNetworkError(UINT32* v) override {
    return Value(*f_, L"packetAttachNetworkError", L"MobileBroadbandNetwork.PacketAttachNetworkError", v);
  }
  HRESULT STDMETHODCALLTYPE get_ActivationNetworkError(UINT32* v) override {
    return Value(*f_, L"activationNetworkError", L"MobileBroadbandNetwork.ActivationNetworkError", v);
  }
  HRESULT STDMETHODCALLTYPE get_AccessPointName(HSTRING* v) override {
    return String(*f_, L"accessPointName", L"MobileBroadbandNetwork.AccessPointName", v);
  }
  HRESULT STDMETHODCALLTYPE get_RegisteredDataClass(netops::DataClasses* v) override {
    return Value(*f_, L"registeredDataClass", L"MobileBroadbandNetwork.RegisteredDataClass", v);
  }
  HRESULT STDMETHODCALLTYPE get_RegisteredProviderId(HSTRING* v) override {
    return String(*f_, L"registeredProviderId", L"MobileBroadbandNetwork.RegisteredProviderId", v);
  }
  HRESULT STDMETHODCALLTYPE get_RegisteredProviderName(HSTRING* v) override {
    return String(*f_, L"registeredProviderName", L"MobileBroadbandNetwork.RegisteredProviderName", v);
  }
  HRESULT STDMETHODCALLTYPE ShowConnectionUI() override { return E_NOTIMPL; }

 private:
  std::shared_ptr<const Fields> f_;
};

class Account final : public RuntimeObject<Account, true, netops::IMobileBroadbandAccount,
                                           netops::IMobileBroadbandAccount2> {
 public:
  static constexpr const wchar_t* kClassName =
      L"Windows.Networking.NetworkOperators.MobileBroadbandAccount";
  Account(std::wstring id, std::shared_ptr<const Fields> fields)
      : id_(std::move(id)), f_(std::move(fields)) {}

  HRESULT STDMETHODCALLTYPE get_NetworkAccountId(HSTRING* v) override {
    if (v == nullptr) return E_POINTER;
    if (HRESULT hr = Fails(L"MobileBroadbandAccount.NetworkAccountId"); FAILED(hr)) return hr;
    return MakeHString(id_, v);
  }
  HRESULT STDMETHODCALLTYPE get_ServiceProviderGuid(GUID* v) override {
    if (v == nullptr) return E_POINTER;
    if (HRESULT hr = Fails(L"MobileBroadbandAccount.ServiceProviderGuid"); FAILED(hr)) return hr;
    const std::wstring text = Field(*f_, L"serviceProviderGuid");
    *v = GUID{};
    return text.empty() ? S_OK : (SUCCEEDED(CLSIDFromString(text.c_str(), v)) ? S_OK : E_FAIL);
  }
  HRESULT STDMETHODCALLTYPE get_ServiceProviderName(HSTRING* v) override {
    return String(*f_, L"serviceProviderName", L"MobileBroadbandAccount.ServiceProviderName", v);
  }
  HRESULT STDMETHODCALLTYPE get_CurrentNetwork(netops::IMobileBroadbandNetwork** v) override {
    if (v == nullptr) return E_POINTER;
    if (HRESULT hr = Fails(L"MobileBroadbandAccount.CurrentNetwork"); FAILED(hr)) return hr;
    *v = new Network(f_);
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE get_CurrentDeviceInformation(
      netops::IMobileBroadbandDeviceInformation** v) override {
    if (v == nullptr) return E_POINTER;
    if (HRESULT hr = Fails(L"MobileBroadbandAccount.CurrentDeviceInformation"); FAILED(hr)) return hr;
    // An account whose modem is gone has no device information (null, as Windows answers).
    *v = Field(*f_, L"noDevice") == L"1" ? nullptr : new DeviceInformation(f_);
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE GetConnectionProfiles(
      collections::IVectorView<ABI::Windows::Networking::Connectivity::ConnectionProfile*>** v)
      override {
    if (v == nullptr) return E_POINTER;
    if (HRESULT hr = Fails(L"MobileBroadbandAccount.GetConnectionProfiles"); FAILED(hr)) return hr;
    *v = NewConnectionProfiles(f_);
    return S_OK;
  }

 private:
  std::wstring id_;
  std::shared_ptr<const Fields> f_;
};

class AccountFactory final
    : public RuntimeObject<AccountFactory, true, IActivationFactory,
                           netops::IMobileBroadbandAccountStatics> {
 public:
  static constexpr const wchar_t* kClassName =
      L"Windows.Networking.NetworkOperators.MobileBroadbandAccount";

  HRESULT STDMETHODCALLTYPE ActivateInstance(IInspectable** instance) override {
    if (instance != nullptr) *instance = nullptr;
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE get_AvailableNetworkAccountIds(
      collections::IVectorView<HSTRING>** v) override {
    if (v == nullptr) return E_POINTER;
    if (HRESULT hr = Fails(L"MobileBroadbandAccount.AvailableNetworkAccountIds"); FAILED(hr)) {
      return hr;
    }
    std::vector<std::wstring> ids;
    for (const auto& [id, fields] : Scenario::Get().Accounts()) ids.push_back(id);
    // Listed, then gone before it is read: the addon must report it and read the rest.
    const std::wstring ghost = Scenario::Get().GhostAccount();
    if (!ghost.empty()) ids.push_back(ghost);
    *v = new StringList(std::move(ids));
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE CreateFromNetworkAccountId(
      HSTRING id, netops::IMobileBroadbandAccount** v) override {
    if (v == nullptr) return E_POINTER;
    *v = nullptr;
    if (HRESULT hr = Fails(L"MobileBroadbandAccount.CreateFromNetworkAccountId"); FAILED(hr)) {
      return hr;
    }
    const std::wstring wanted = ToWString(id);
    for (const auto& [accountId, fields] : Scenario::Get().Accounts()) {
      if (accountId == wanted) {
        *v = new Account(accountId, fields);
        return S_OK;
      }
    }
    return kNotFound;
  }
};

}  // namespace

IActivationFactory* NewAccountFactory() { return new AccountFactory(); }

}  // namespace test_component
