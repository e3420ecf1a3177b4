#include "connection-profiles.h"

#include <cwchar>
#include <vector>

#include "../winrt/core/reference-uint8.h"
#include "runtime-object.h"
#include "scenario.h"

// widl (Wine 8) spells Foundation's DateTime inside Connectivity's interfaces as a `struct
// DateTime` of the Connectivity namespace, which it leaves incomplete: complete it with the
// same layout so that the component can implement those methods.
namespace ABI::Windows::Networking::Connectivity {
struct DateTime {
  INT64 UniversalTime;
};
}  // namespace ABI::Windows::Networking::Connectivity

namespace test_component {
namespace {

namespace connectivity = ABI::Windows::Networking::Connectivity;

constexpr INT64 kTicksFrom1601To1970 = 116444736000000000LL;

HRESULT Fails(const wchar_t* member) { return Scenario::Get().FailureOf(member); }

std::wstring Field(const AccountFields& fields, const wchar_t* name) {
  auto found = fields.find(name);
  return found == fields.end() ? std::wstring() : found->second;
}

bool Has(const AccountFields& fields, const wchar_t* name) { return !Field(fields, name).empty(); }

long long Number(const AccountFields& fields, const wchar_t* name) {
  return std::wcstoll(Field(fields, name).c_str(), nullptr, 0);
}

INT64 TicksFromUnixMillis(long long ms) { return ms * 10000 + kTicksFrom1601To1970; }

template <class T>
class Reference final : public RuntimeObject<Reference<T>, true, foundation::IReference<T>> {
 public:
  static constexpr const wchar_t* kClassName = L"Windows.Foundation.IReference`1";
  explicit Reference(T value) : value_(value) {}
  HRESULT STDMETHODCALLTYPE get_Value(T* value) override {
    if (value == nullptr) return E_POINTER;
    *value = value_;
    return S_OK;
  }

 private:
  T value_;
};

/** IReference<UInt8>: a plain COM object answering its IID. */
class ByteReference final : public wmbb::IReferenceUInt8 {
 public:
  explicit ByteReference(BYTE value) : value_(value) {}
  HRESULT STDMETHODCALLTYPE QueryInterface(REFIID iid, void** object) override {
    if (object == nullptr) return E_POINTER;
    if (iid == __uuidof(IUnknown) || iid == __uuidof(IInspectable) ||
        iid == __uuidof(IAgileObject) || iid == wmbb::kReferenceUInt8Iid) {
      *object = static_cast<IInspectable*>(this);
      AddRef();
      return S_OK;
    }
    *object = nullptr;
    return E_NOINTERFACE;
  }
  ULONG STDMETHODCALLTYPE AddRef() override { return ++references_; }
  ULONG STDMETHODCALLTYPE Release() override {
    const ULONG left = --references_;
    if (left == 0) delete this;
    return left;
  }
  HRESULT STDMETHODCALLTYPE GetIids(ULONG* count, IID** iids) override {
    *count = 0;
    *iids = nullptr;
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE GetRuntimeClassName(HSTRING* name) override {
    return MakeHString(L"Windows.Foundation.IReference`1<UInt8>", name);
  }
  HRESULT STDMETHODCALLTYPE GetTrustLevel(TrustLevel* level) override {
    *level = BaseTrust;
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE get_Value(BYTE* value) override {
    if (value == nullptr) return E_POINTER;
    *value = value_;
    return S_OK;
  }

 private:
  std::atomic<ULONG> references_{1};
  BYTE value_;
};

class NetworkAdapter final
    : public RuntimeObject<NetworkAdapter, true, connectivity::INetworkAdapter> {
 public:
  static constexpr const wchar_t* kClassName = L"Windows.Networking.Connectivity.NetworkAdapter";
  explicit NetworkAdapter(std::shared_ptr<const AccountFields> fields) : f_(std::move(fields)) {}
  HRESULT STDMETHODCALLTYPE get_OutboundMaxBitsPerSecond(UINT64*) override { return E_NOTIMPL; }
  HRESULT STDMETHODCALLTYPE get_InboundMaxBitsPerSecond(UINT64*) override { return E_NOTIMPL; }
  HRESULT STDMETHODCALLTYPE get_IanaInterfaceType(UINT32* v) override {
    if (v == nullptr) return E_POINTER;
    *v = 243;  // IF_TYPE_WWANPP
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE get_NetworkItem(IInspectable**) override { return E_NOTIMPL; }
  HRESULT STDMETHODCALLTYPE get_NetworkAdapterId(GUID* v) override {
    if (v == nullptr) return E_POINTER;
    if (HRESULT hr = Fails(L"NetworkAdapter.NetworkAdapterId"); FAILED(hr)) return hr;
    *v = GUID{};
    return SUCCEEDED(CLSIDFromString(Field(*f_, L"networkAdapterId").c_str(), v)) ? S_OK : E_FAIL;
  }
  HRESULT STDMETHODCALLTYPE GetConnectedProfileAsync(IInspectable**) override { return E_NOTIMPL; }

 private:
  std::shared_ptr<const AccountFields> f_;
};

class DataPlanUsage final
    : public RuntimeObject<DataPlanUsage, true, connectivity::IDataPlanUsage> {
 public:
  static constexpr const wchar_t* kClassName = L"Windows.Networking.Connectivity.DataPlanUsage";
  explicit DataPlanUsage(std::shared_ptr<const AccountFields> fields) : f_(std::move(fields)) {}
  HRESULT STDMETHODCALLTYPE get_MegabytesUsed(UINT32* v) override {
    if (v == nullptr) return E_POINTER;
    if (HRESULT hr = Fails(L"DataPlanUsage.MegabytesUsed"); FAILED(hr)) return hr;
    *v = static_cast<UINT32>(Number(*f_, L"megabytesUsed"));
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE get_LastSyncTime(connectivity::DateTime* v) override {
    if (v == nullptr) return E_POINTER;
    v->UniversalTime = TicksFromUnixMillis(Number(*f_, L"lastSyncTime"));
    return S_OK;
  }

 private:
  std::shared_ptr<const AccountFields> f_;
};

class DataPlanStatus final
    : public RuntimeObject<DataPlanStatus, true, connectivity::IDataPlanStatus> {
 public:
  static constexpr const wchar_t* kClassName = L"Windows.Networking.Connectivity.DataPlanStatus";
  explicit DataPlanStatus(std::shared_ptr<const AccountFields> fields) : f_(std::move(fields)) {}
  HRESULT STDMETHODCALLTYPE get_DataPlanUsage(connectivity::IDataPlanUsage** v) override {
    if (v == nullptr) return E_POINTER;
    *v = new DataPlanUsage(f_);
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE get_DataLimitInMegabytes(foundation::IReference<UINT32>** v) override {
    if (v == nullptr) return E_POINTER;
    *v = Has(*f_, L"limitMegabytes")
             ? new Reference<UINT32>(static_cast<UINT32>(Number(*f_, L"limitMegabytes")))
             : nullptr;
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE get_InboundBitsPerSecond(foundation::IReference<UINT64>** v) override {
    if (v != nullptr) *v = nullptr;
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE get_OutboundBitsPerSecond(foundation::IReference<UINT64>** v) override {
    if (v != nullptr) *v = nullptr;
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE get_NextBillingCycle(
      foundation::IReference<foundation::DateTime>** v) override {
    if (v == nullptr) return E_POINTER;
    *v = nullptr;
    if (!Has(*f_, L"nextBillingCycle")) return S_OK;
    foundation::DateTime when{};
    when.UniversalTime = TicksFromUnixMillis(Number(*f_, L"nextBillingCycle"));
    *v = new Reference<foundation::DateTime>(when);
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE get_MaxTransferSizeInMegabytes(foundation::IReference<UINT32>** v) override {
    if (v != nullptr) *v = nullptr;
    return S_OK;
  }

 private:
  std::shared_ptr<const AccountFields> f_;
};

class ConnectionProfile final
    : public RuntimeObject<ConnectionProfile, true, connectivity::IConnectionProfile,
                           connectivity::IConnectionProfile2> {
 public:
  static constexpr const wchar_t* kClassName = L"Windows.Networking.Connectivity.ConnectionProfile";
  explicit ConnectionProfile(std::shared_ptr<const AccountFields> fields) : f_(std::move(fields)) {}

  HRESULT STDMETHODCALLTYPE get_ProfileName(HSTRING* v) override {
    if (v == nullptr) return E_POINTER;
    return MakeHString(Field(*f_, L"profileName"), v);
  }
  HRESULT STDMETHODCALLTYPE GetNetworkConnectivityLevel(
      connectivity::NetworkConnectivityLevel* v) override {
    if (v == nullptr) return E_POINTER;
    *v = static_cast<connectivity::NetworkConnectivityLevel>(Number(*f_, L"connectivityLevel"));
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE GetNetworkNames(collections::IVectorView<HSTRING>**) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE GetConnectionCost(connectivity::IConnectionCost**) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE GetDataPlanStatus(connectivity::IDataPlanStatus** v) override {
    if (v == nullptr) return E_POINTER;
    if (HRESULT hr = Fails(L"ConnectionProfile.GetDataPlanStatus"); FAILED(hr)) return hr;
    *v = Field(*f_, L"dataPlan") == L"1" ? new DataPlanStatus(f_) : nullptr;
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE get_NetworkAdapter(connectivity::INetworkAdapter** v) override {
    if (v == nullptr) return E_POINTER;
    *v = new NetworkAdapter(f_);
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE GetLocalUsage(connectivity::DateTime, connectivity::DateTime,
                                          connectivity::IDataUsage**) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE GetLocalUsagePerRoamingStates(connectivity::DateTime,
                                                          connectivity::DateTime, UINT32,
                                                          connectivity::IDataUsage**) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE get_NetworkSecuritySettings(
      connectivity::INetworkSecuritySettings**) override {
    return E_NOTIMPL;
  }

  HRESULT STDMETHODCALLTYPE get_IsWwanConnectionProfile(boolean* v) override {
    if (v == nullptr) return E_POINTER;
    *v = 1;
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE get_IsWlanConnectionProfile(boolean* v) override {
    if (v == nullptr) return E_POINTER;
    *v = 0;
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE get_WwanConnectionProfileDetails(
      connectivity::IWwanConnectionProfileDetails**) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE get_WlanConnectionProfileDetails(
      connectivity::IWlanConnectionProfileDetails**) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE get_ServiceProviderGuid(IInspectable**) override { return E_NOTIMPL; }
  HRESULT STDMETHODCALLTYPE GetSignalBars(IInspectable** v) override {
    if (v == nullptr) return E_POINTER;
    *v = Has(*f_, L"signalBars") ? new ByteReference(static_cast<BYTE>(Number(*f_, L"signalBars")))
                                 : nullptr;
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE GetDomainConnectivityLevel(INT32*) override { return E_NOTIMPL; }
  HRESULT STDMETHODCALLTYPE GetNetworkUsageAsync(connectivity::DateTime, connectivity::DateTime,
                                                 connectivity::DataUsageGranularity,
                                                 connectivity::NetworkUsageStates,
                                                 IInspectable**) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE GetConnectivityIntervalsAsync(connectivity::DateTime,
                                                          connectivity::DateTime,
                                                          connectivity::NetworkUsageStates,
                                                          IInspectable**) override {
    return E_NOTIMPL;
  }

 private:
  std::shared_ptr<const AccountFields> f_;
};

class ProfileList final
    : public RuntimeObject<ProfileList, true,
                           collections::IVectorView<connectivity::ConnectionProfile*>> {
 public:
  static constexpr const wchar_t* kClassName =
      L"Windows.Foundation.Collections.IVectorView`1<Windows.Networking.Connectivity.ConnectionProfile>";
  explicit ProfileList(std::shared_ptr<const AccountFields> fields) : f_(std::move(fields)) {}
  HRESULT STDMETHODCALLTYPE GetAt(UINT32 index, connectivity::IConnectionProfile** v) override {
    if (v == nullptr) return E_POINTER;
    if (index >= Size()) return E_BOUNDS;
    *v = new ConnectionProfile(f_);
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE get_Size(UINT32* v) override {
    if (v == nullptr) return E_POINTER;
    *v = Size();
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
  UINT32 Size() const { return Has(*f_, L"profileName") ? 1 : 0; }
  std::shared_ptr<const AccountFields> f_;
};

}  // namespace

connectivity::INetworkAdapter* NewNetworkAdapter(std::shared_ptr<const AccountFields> fields) {
  return new NetworkAdapter(std::move(fields));
}

collections::IVectorView<connectivity::ConnectionProfile*>* NewConnectionProfiles(
    std::shared_ptr<const AccountFields> fields) {
  return new ProfileList(std::move(fields));
}

}  // namespace test_component
