#include "account-records.h"

#include <optional>

#include "../core/guid-text.h"
#include "../core/partial-read.h"
#include "../core/readers.h"
#include "../core/reference-uint8.h"

namespace wmbb {
namespace {

using abi_netops::IMobileBroadbandDeviceInformation;
using abi_netops::IMobileBroadbandNetwork;
namespace abi_connectivity = ABI::Windows::Networking::Connectivity;


/** The type a getter `get_X(T*)` writes. */
template <class C, class T>
T OutParameterOf(HRESULT (STDMETHODCALLTYPE C::*)(T*));

void WriteDevice(IMobileBroadbandDeviceInformation* device, PartialRead& read, RecordBatch& batch) {
  read.String([&](HSTRING* out) { return device->get_DeviceId(out); },
              "MobileBroadbandDeviceInformation.DeviceId", batch);
  read.String([&](HSTRING* out) { return device->get_Manufacturer(out); },
              "MobileBroadbandDeviceInformation.Manufacturer", batch);
  read.String([&](HSTRING* out) { return device->get_Model(out); },
              "MobileBroadbandDeviceInformation.Model", batch);
  read.String([&](HSTRING* out) { return device->get_FirmwareInformation(out); },
              "MobileBroadbandDeviceInformation.FirmwareInformation", batch);
  read.Number<abi_netops::MobileBroadbandDeviceType>(
      [&](auto* out) { return device->get_DeviceType(out); },
      "MobileBroadbandDeviceInformation.DeviceType", batch);
  read.Number<INT32>([&](INT32* out) { return device->get_CellularClass(out); },
                     "MobileBroadbandDeviceInformation.CellularClass", batch);
  read.Number<abi_netops::DataClasses>([&](auto* out) { return device->get_DataClasses(out); },
                                       "MobileBroadbandDeviceInformation.DataClasses", batch);
  read.String([&](HSTRING* out) { return device->get_CustomDataClass(out); },
              "MobileBroadbandDeviceInformation.CustomDataClass", batch);
  read.String([&](HSTRING* out) { return device->get_MobileEquipmentId(out); },
              "MobileBroadbandDeviceInformation.MobileEquipmentId", batch);
  read.String([&](HSTRING* out) { return device->get_SubscriberId(out); },
              "MobileBroadbandDeviceInformation.SubscriberId", batch);
  read.String([&](HSTRING* out) { return device->get_SimIccId(out); },
              "MobileBroadbandDeviceInformation.SimIccId", batch);
  ComPtr<abi_collections::IVectorView<HSTRING>> numbers;
  std::vector<std::u16string> read_numbers;
  if (!read.Failed(Check(device->get_TelephoneNumbers(&numbers),
                         "MobileBroadbandDeviceInformation.TelephoneNumbers"))) {
    read.Failed(ReadStrings(numbers.Get(), "MobileBroadbandDeviceInformation.TelephoneNumbers",
                            &read_numbers));
  }
  batch.Word(static_cast<int32_t>(read_numbers.size()));
  for (const std::u16string& number : read_numbers) batch.Text(number);
  read.Number<abi_netops::MobileBroadbandRadioState>(
      [&](auto* out) { return device->get_CurrentRadioState(out); },
      "MobileBroadbandDeviceInformation.CurrentRadioState", batch);
  read.Number<abi_netops::NetworkDeviceStatus>(
      [&](auto* out) { return device->get_NetworkDeviceStatus(out); },
      "MobileBroadbandDeviceInformation.NetworkDeviceStatus", batch);
}

void WriteNetwork(IMobileBroadbandNetwork* network, PartialRead& read, RecordBatch& batch) {
  read.Number<abi_netops::NetworkRegistrationState>(
      [&](auto* out) { return network->get_NetworkRegistrationState(out); },
      "MobileBroadbandNetwork.NetworkRegistrationState", batch);
  read.String([&](HSTRING* out) { return network->get_RegisteredProviderId(out); },
              "MobileBroadbandNetwork.RegisteredProviderId", batch);
  read.String([&](HSTRING* out) { return network->get_RegisteredProviderName(out); },
              "MobileBroadbandNetwork.RegisteredProviderName", batch);
  read.Number<UINT32>([&](UINT32* out) { return network->get_RegistrationNetworkError(out); },
                      "MobileBroadbandNetwork.RegistrationNetworkError", batch);
  read.Number<UINT32>([&](UINT32* out) { return network->get_PacketAttachNetworkError(out); },
                      "MobileBroadbandNetwork.PacketAttachNetworkError", batch);
  read.Number<UINT32>([&](UINT32* out) { return network->get_ActivationNetworkError(out); },
                      "MobileBroadbandNetwork.ActivationNetworkError", batch);
  read.String([&](HSTRING* out) { return network->get_AccessPointName(out); },
              "MobileBroadbandNetwork.AccessPointName", batch);
  read.Number<abi_netops::DataClasses>(
      [&](auto* out) { return network->get_RegisteredDataClass(out); },
      "MobileBroadbandNetwork.RegisteredDataClass", batch);
  // The network interface's GUID: the interfaceId of notifications.
  ComPtr<abi_connectivity::INetworkAdapter> adapter;
  GUID adapterId{};
  const bool hasAdapter =
      !read.Failed(Check(network->get_NetworkAdapter(&adapter), "MobileBroadbandNetwork.NetworkAdapter")) &&
      adapter &&
      !read.Failed(Check(adapter->get_NetworkAdapterId(&adapterId), "NetworkAdapter.NetworkAdapterId"));
  batch.Text(hasAdapter ? GuidText(adapterId) : std::u16string());
}

/** An optional Unix-ms instant: present (0/1), then two words. */
void WriteInstant(const std::optional<ABI::Windows::Foundation::DateTime>& when, RecordBatch& batch) {
  batch.Word(when ? 1 : 0);
  batch.Int64(when ? UnixMillis(*when) : 0);
}

void WriteDataPlan(abi_connectivity::IConnectionProfile* profile, PartialRead& read,
                   RecordBatch& batch) {
  ComPtr<abi_connectivity::IDataPlanStatus> status;
  if (read.Failed(Check(profile->GetDataPlanStatus(&status), "ConnectionProfile.GetDataPlanStatus")) ||
      !status) {
    batch.Word(0);
    return;
  }
  batch.Word(1);
  ComPtr<abi_connectivity::IDataPlanUsage> usage;
  UINT32 used = 0;
  std::optional<ABI::Windows::Foundation::DateTime> lastSync;
  if (!read.Failed(Check(status->get_DataPlanUsage(&usage), "DataPlanStatus.DataPlanUsage")) && usage) {
    read.Failed(Check(usage->get_MegabytesUsed(&used), "DataPlanUsage.MegabytesUsed"));
    ABI::Windows::Foundation::DateTime when{};
    // widl (Wine 8) declares this parameter as a `struct DateTime` of the Connectivity
    // namespace, the SDK as Foundation's DateTime: the same 8 bytes; take whichever it is.
    using Param = decltype(OutParameterOf(&abi_connectivity::IDataPlanUsage::get_LastSyncTime));
    if (!read.Failed(Check(usage->get_LastSyncTime(reinterpret_cast<Param*>(&when)),
                           "DataPlanUsage.LastSyncTime"))) {
      lastSync = when;
    }
  }
  batch.Word(static_cast<int32_t>(used));
  WriteInstant(lastSync, batch);
  std::optional<UINT32> limit;
  read.Failed(ReadOptional<UINT32>(
      [&](ABI::Windows::Foundation::IReference<UINT32>** out) { return status->get_DataLimitInMegabytes(out); },
      "DataPlanStatus.DataLimitInMegabytes", &limit));
  batch.OptionalNumber(limit.has_value(), static_cast<int32_t>(limit.value_or(0)));
  std::optional<ABI::Windows::Foundation::DateTime> next;
  read.Failed(ReadOptional<ABI::Windows::Foundation::DateTime>(
      [&](ABI::Windows::Foundation::IReference<ABI::Windows::Foundation::DateTime>** out) {
        return status->get_NextBillingCycle(out);
      },
      "DataPlanStatus.NextBillingCycle", &next));
  WriteInstant(next, batch);
}

/** The account's connection: its first connection profile (IMobileBroadbandAccount2). */
void WriteConnection(abi_netops::IMobileBroadbandAccount* account, PartialRead& read,
                     RecordBatch& batch) {
  ComPtr<abi_netops::IMobileBroadbandAccount2> account2;
  if (FAILED(account->QueryInterface(__uuidof(abi_netops::IMobileBroadbandAccount2),
                                     reinterpret_cast<void**>(account2.GetAddressOf())))) {
    batch.Word(0);  // older Windows: nothing to say
    return;
  }
  ComPtr<abi_collections::IVectorView<abi_connectivity::ConnectionProfile*>> profiles;
  UINT32 size = 0;
  ComPtr<abi_connectivity::IConnectionProfile> profile;
  if (read.Failed(Check(account2->GetConnectionProfiles(&profiles),
                        "MobileBroadbandAccount.GetConnectionProfiles")) ||
      !profiles ||
      read.Failed(Check(profiles->get_Size(&size), "IVectorView<ConnectionProfile>.Size")) ||
      size == 0 ||
      read.Failed(Check(profiles->GetAt(0, &profile), "IVectorView<ConnectionProfile>.GetAt")) ||
      !profile) {
    batch.Word(1);
    return;
  }
  batch.Word(2);
  read.String([&](HSTRING* out) { return profile->get_ProfileName(out); },
              "ConnectionProfile.ProfileName", batch);
  read.Number<abi_connectivity::NetworkConnectivityLevel>(
      [&](auto* out) { return profile->GetNetworkConnectivityLevel(out); },
      "ConnectionProfile.GetNetworkConnectivityLevel", batch);
  // Signal bars: IConnectionProfile2.GetSignalBars, a null reference when Windows has none.
  ComPtr<abi_connectivity::IConnectionProfile2> profile2;
  ComPtr<IInspectable> bars;
  ComPtr<IReferenceUInt8> reference;
  BYTE value = 0;
  const bool hasBars =
      SUCCEEDED(profile->QueryInterface(__uuidof(abi_connectivity::IConnectionProfile2),
                                        reinterpret_cast<void**>(profile2.GetAddressOf()))) &&
      !read.Failed(Check(profile2->GetSignalBars(&bars), "ConnectionProfile.GetSignalBars")) && bars &&
      !read.Failed(Check(bars->QueryInterface(kReferenceUInt8Iid,
                                              reinterpret_cast<void**>(reference.GetAddressOf())),
                         "ConnectionProfile.GetSignalBars")) &&
      !read.Failed(Check(reference->get_Value(&value), "ConnectionProfile.GetSignalBars"));
  batch.OptionalNumber(hasBars, value);
  WriteDataPlan(profile.Get(), read, batch);
}

}  // namespace

Status WriteAccount(abi_netops::IMobileBroadbandAccount* account, RecordBatch& batch) {
  HString id;
  if (auto f = Check(account->get_NetworkAccountId(id.Put()), "MobileBroadbandAccount.NetworkAccountId"))
    return f;
  PartialRead read;
  batch.Text(id.View());
  GUID provider{};
  batch.Text(read.Failed(Check(account->get_ServiceProviderGuid(&provider),
                               "MobileBroadbandAccount.ServiceProviderGuid"))
                 ? std::u16string()
                 : GuidText(provider));
  read.String([&](HSTRING* out) { return account->get_ServiceProviderName(out); },
              "MobileBroadbandAccount.ServiceProviderName", batch);

  ComPtr<IMobileBroadbandDeviceInformation> device;
  const bool hasDevice = !read.Failed(Check(account->get_CurrentDeviceInformation(&device),
                                            "MobileBroadbandAccount.CurrentDeviceInformation")) &&
                         device;
  batch.Word(hasDevice ? 1 : 0);
  if (hasDevice) WriteDevice(device.Get(), read, batch);

  ComPtr<IMobileBroadbandNetwork> network;
  const bool hasNetwork = !read.Failed(Check(account->get_CurrentNetwork(&network),
                                             "MobileBroadbandAccount.CurrentNetwork")) &&
                          network;
  batch.Word(hasNetwork ? 1 : 0);
  if (hasNetwork) WriteNetwork(network.Get(), read, batch);

  WriteConnection(account, read, batch);
  read.Write(batch);
  return std::nullopt;
}

}  // namespace wmbb
