#include "esim-records.h"

#include "../core/hstring.h"
#include "../core/partial-read.h"

namespace wmbb {
namespace {

using abi_collections::IVectorView;
using abi_foundation::IReference;

/** A string property; empty when it cannot be read. */
void WriteString(HRESULT hr, const HString& value, const char* call, PartialRead& read,
                 RecordBatch& batch) {
  batch.Text(read.Failed(Check(hr, call)) ? std::u16string_view() : value.View());
}

/** IReference<INT32>: a null reference is "no value", not an error; so is a failed read. */
template <class Get>
void WriteOptionalInt(Get&& get, const char* call, PartialRead& read, RecordBatch& batch) {
  ComPtr<IReference<INT32>> holder;
  INT32 value = 0;
  if (read.Failed(Check(get(holder.ReleaseAndGetAddressOf()), call)) || !holder ||
      read.Failed(Check(holder->get_Value(&value), call))) {
    batch.OptionalNumber(false, 0);
    return;
  }
  batch.OptionalNumber(true, value);
}

/** One profile, whole, or a failure (the caller leaves the profile out). */
Status WriteProfile(abi_netops::IESimProfile* profile, RecordBatch& batch) {
  HString text;
  if (auto f = Check(profile->get_Id(text.Put()), "ESimProfile.Id")) return f;
  batch.Text(text.View());
  abi_netops::ESimProfileClass profileClass{};
  if (auto f = Check(profile->get_Class(&profileClass), "ESimProfile.Class")) return f;
  batch.Word(static_cast<int32_t>(profileClass));
  if (auto f = Check(profile->get_Nickname(text.Put()), "ESimProfile.Nickname")) return f;
  batch.Text(text.View());
  if (auto f = Check(profile->get_ProviderId(text.Put()), "ESimProfile.ProviderId")) return f;
  batch.Text(text.View());
  if (auto f = Check(profile->get_ProviderName(text.Put()), "ESimProfile.ProviderName")) return f;
  batch.Text(text.View());
  abi_netops::ESimProfileState state{};
  if (auto f = Check(profile->get_State(&state), "ESimProfile.State")) return f;
  batch.Word(static_cast<int32_t>(state));

  ComPtr<abi_netops::IESimProfilePolicy> policy;
  if (auto f = Check(profile->get_Policy(&policy), "ESimProfile.Policy")) return f;
  boolean canDelete = 0, canDisable = 0, managed = 0;
  if (policy) {
    if (auto f = Check(policy->get_CanDelete(&canDelete), "ESimProfilePolicy.CanDelete")) return f;
    if (auto f = Check(policy->get_CanDisable(&canDisable), "ESimProfilePolicy.CanDisable"))
      return f;
    if (auto f = Check(policy->get_IsManagedByEnterprise(&managed),
                       "ESimProfilePolicy.IsManagedByEnterprise"))
      return f;
  }
  batch.Word(canDelete ? 1 : 0);
  batch.Word(canDisable ? 1 : 0);
  batch.Word(managed ? 1 : 0);
  return std::nullopt;
}

/** The profiles that can be read, with their count first. */
void WriteProfiles(abi_netops::IESim* esim, PartialRead& read, RecordBatch& batch) {
  const size_t countAt = batch.WordCount();
  batch.Word(0);
  ComPtr<IVectorView<abi_netops::ESimProfile*>> profiles;
  UINT32 size = 0;
  if (read.Failed(Check(esim->GetProfiles(&profiles), "ESim.GetProfiles")) || !profiles ||
      read.Failed(Check(profiles->get_Size(&size), "IVectorView<ESimProfile>.Size"))) {
    return;
  }
  int32_t written = 0;
  RecordBatch one;
  for (UINT32 i = 0; i < size; ++i) {
    ComPtr<abi_netops::IESimProfile> profile;
    if (read.Failed(Check(profiles->GetAt(i, &profile), "IVectorView<ESimProfile>.GetAt"))) continue;
    if (!profile) continue;
    one.Clear();
    if (read.Failed(WriteProfile(profile.Get(), one))) continue;
    batch.Append(one);
    ++written;
  }
  batch.SetWord(countAt, written);
}

}  // namespace

Status WriteEsim(abi_netops::IESim* esim, RecordBatch& batch) {
  // Identity first: without it the record would describe nothing.
  HString eid;
  HString modem;
  if (auto f = Check(esim->get_Eid(eid.Put()), "ESim.Eid")) return f;
  if (auto f = Check(esim->get_MobileBroadbandModemDeviceId(modem.Put()),
                     "ESim.MobileBroadbandModemDeviceId"))
    return f;

  PartialRead read;
  HString text;
  batch.Text(eid.View());
  WriteString(esim->get_FirmwareVersion(text.Put()), text, "ESim.FirmwareVersion", read, batch);
  batch.Text(modem.View());
  WriteOptionalInt(
      [&](IReference<INT32>** out) { return esim->get_AvailableMemoryInBytes(out); },
      "ESim.AvailableMemoryInBytes", read, batch);

  abi_netops::ESimState state{};
  if (read.Failed(Check(esim->get_State(&state), "ESim.State"))) state = {};
  batch.Word(static_cast<int32_t>(state));

  // IESim3 (SlotIndex) exists only on newer Windows: its absence means "unknown slot".
  ComPtr<abi_netops::IESim3> esim3;
  if (SUCCEEDED(esim->QueryInterface(__uuidof(abi_netops::IESim3),
                                     reinterpret_cast<void**>(esim3.GetAddressOf())))) {
    WriteOptionalInt([&](IReference<INT32>** out) { return esim3->get_SlotIndex(out); },
                     "ESim.SlotIndex", read, batch);
  } else {
    batch.OptionalNumber(false, 0);
  }

  ComPtr<abi_netops::IESimPolicy> policy;
  boolean managingUi = 0;
  if (!read.Failed(Check(esim->get_Policy(&policy), "ESim.Policy")) && policy) {
    if (read.Failed(Check(policy->get_ShouldEnableManagingUi(&managingUi),
                          "ESimPolicy.ShouldEnableManagingUi")))
      managingUi = 0;
  }
  batch.Word(managingUi ? 1 : 0);

  WriteProfiles(esim, read, batch);
  read.Write(batch);
  return std::nullopt;
}

}  // namespace wmbb
