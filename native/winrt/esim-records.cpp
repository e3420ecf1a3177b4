#include "esim-records.h"

#include "hstring.h"

namespace wmbb {
namespace {

using abi_collections::IVectorView;
using abi_foundation::IReference;

Status WriteString(HRESULT hr, const HString& value, const char* call, RecordBatch& batch) {
  if (auto failure = Check(hr, call)) return failure;
  batch.Text(value.View());
  return std::nullopt;
}

/** IReference<INT32>: a null reference is "no value", not an error. `read` is the getter call;
 *  it runs before the reference is looked at (argument order would not guarantee that). */
template <class Read>
Status WriteOptionalInt(Read&& read, const char* call, RecordBatch& batch) {
  ComPtr<IReference<INT32>> holder;
  if (auto failure = Check(read(&holder), call)) return failure;
  IReference<INT32>* reference = holder.Get();
  INT32 value = 0;
  if (reference == nullptr) {
    batch.OptionalNumber(false, 0);
    return std::nullopt;
  }
  if (auto failure = Check(reference->get_Value(&value), call)) return failure;
  batch.OptionalNumber(true, value);
  return std::nullopt;
}

Status WriteProfile(abi_netops::IESimProfile* profile, RecordBatch& batch) {
  HString text;
  if (auto f = WriteString(profile->get_Id(text.Put()), text, "ESimProfile.Id", batch)) return f;
  abi_netops::ESimProfileClass profileClass{};
  if (auto f = Check(profile->get_Class(&profileClass), "ESimProfile.Class")) return f;
  batch.Word(static_cast<int32_t>(profileClass));
  if (auto f = WriteString(profile->get_Nickname(text.Put()), text, "ESimProfile.Nickname", batch))
    return f;
  if (auto f =
          WriteString(profile->get_ProviderId(text.Put()), text, "ESimProfile.ProviderId", batch))
    return f;
  if (auto f = WriteString(profile->get_ProviderName(text.Put()), text, "ESimProfile.ProviderName",
                           batch))
    return f;
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

}  // namespace

Status WriteEsim(abi_netops::IESim* esim, RecordBatch& batch) {
  HString text;
  if (auto f = WriteString(esim->get_Eid(text.Put()), text, "ESim.Eid", batch)) return f;
  if (auto f = WriteString(esim->get_FirmwareVersion(text.Put()), text, "ESim.FirmwareVersion",
                           batch))
    return f;
  if (auto f = WriteString(esim->get_MobileBroadbandModemDeviceId(text.Put()), text,
                           "ESim.MobileBroadbandModemDeviceId", batch))
    return f;

  if (auto f = WriteOptionalInt(
          [&](ComPtr<IReference<INT32>>* out) { return esim->get_AvailableMemoryInBytes(out->ReleaseAndGetAddressOf()); },
          "ESim.AvailableMemoryInBytes", batch))
    return f;

  abi_netops::ESimState state{};
  if (auto f = Check(esim->get_State(&state), "ESim.State")) return f;
  batch.Word(static_cast<int32_t>(state));

  // IESim3 (SlotIndex) exists only on newer Windows: its absence means "unknown slot".
  ComPtr<abi_netops::IESim3> esim3;
  if (SUCCEEDED(esim->QueryInterface(__uuidof(abi_netops::IESim3),
                                     reinterpret_cast<void**>(esim3.GetAddressOf())))) {
    if (auto f = WriteOptionalInt(
            [&](ComPtr<IReference<INT32>>* out) { return esim3->get_SlotIndex(out->ReleaseAndGetAddressOf()); },
            "ESim.SlotIndex", batch))
      return f;
  } else {
    batch.OptionalNumber(false, 0);
  }

  ComPtr<abi_netops::IESimPolicy> policy;
  if (auto f = Check(esim->get_Policy(&policy), "ESim.Policy")) return f;
  boolean managingUi = 0;
  if (policy) {
    if (auto f = Check(policy->get_ShouldEnableManagingUi(&managingUi),
                       "ESimPolicy.ShouldEnableManagingUi"))
      return f;
  }
  batch.Word(managingUi ? 1 : 0);

  ComPtr<IVectorView<abi_netops::ESimProfile*>> profiles;
  if (auto f = Check(esim->GetProfiles(&profiles), "ESim.GetProfiles")) return f;
  UINT32 count = 0;
  if (profiles) {
    if (auto f = Check(profiles->get_Size(&count), "IVectorView<ESimProfile>.Size")) return f;
  }
  batch.Word(static_cast<int32_t>(count));
  for (UINT32 i = 0; i < count; ++i) {
    ComPtr<abi_netops::IESimProfile> profile;
    if (auto f = Check(profiles->GetAt(i, &profile), "IVectorView<ESimProfile>.GetAt")) return f;
    if (!profile) return Failure{E_POINTER, "IVectorView<ESimProfile>.GetAt"};
    if (auto f = WriteProfile(profile.Get(), batch)) return f;
  }
  return std::nullopt;
}

}  // namespace wmbb
