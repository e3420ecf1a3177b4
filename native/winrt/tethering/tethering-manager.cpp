#include <memory>

#include "tethering-manager.h"

#include <windows.networking.connectivity.h>

#include <utility>

#include "../core/activation.h"
#include "../core/readers.h"

namespace wmbb {
namespace {

namespace connectivity = ABI::Windows::Networking::Connectivity;
using abi_netops::INetworkOperatorTetheringManager;
using abi_netops::INetworkOperatorTetheringManagerStatics2;

constexpr const wchar_t* kNetworkInformationClass =
    L"Windows.Networking.Connectivity.NetworkInformation";
constexpr const char* kProfileNameCall = "ConnectionProfile.ProfileName";

Status NetworkInformation(ComPtr<connectivity::INetworkInformationStatics>* statics) {
  return GetActivationFactory(kNetworkInformationClass, "RoGetActivationFactory(NetworkInformation)",
                              statics);
}

/** Calls `each(profile, name)` for every connection profile Windows lists. */
template <class Each>
Status ForEachProfile(Each&& each) {
  ComPtr<connectivity::INetworkInformationStatics> statics;
  if (auto f = NetworkInformation(std::addressof(statics))) return f;
  ComPtr<abi_collections::IVectorView<connectivity::ConnectionProfile*>> profiles;
  if (auto f = Check(statics->GetConnectionProfiles(&profiles), kConnectionProfilesCall)) return f;
  return ForEach(profiles.Get(), kConnectionProfilesCall,
                 [&](UINT32, connectivity::IConnectionProfile* profile) -> Status {
                   if (profile == nullptr) return std::nullopt;
                   HString name;
                   if (auto f = Check(profile->get_ProfileName(name.Put()), kProfileNameCall))
                     return f;
                   each(profile, name.View());
                   return std::nullopt;
                 });
}

Status FindProfile(const TetheringTarget& target,
                   ComPtr<connectivity::IConnectionProfile>* profile) {
  if (!target.named) {
    ComPtr<connectivity::INetworkInformationStatics> statics;
    if (auto f = NetworkInformation(std::addressof(statics))) return f;
    if (auto f = Check(statics->GetInternetConnectionProfile(profile->ReleaseAndGetAddressOf()),
                       kInternetProfileCall))
      return f;
    // Null: the machine has no internet connection, so there is nothing to share.
    if (!*profile) return Failure{kProfileNotFound, kInternetProfileCall};
    return std::nullopt;
  }
  if (auto f = ForEachProfile([&](connectivity::IConnectionProfile* each, std::u16string_view name) {
        if (!*profile && name == target.profileName) *profile = each;
      }))
    return f;
  if (!*profile) return Failure{kProfileNotFound, kConnectionProfilesCall};
  return std::nullopt;
}

}  // namespace

Status MakeTetheringManager(const TetheringTarget& target,
                            ComPtr<INetworkOperatorTetheringManager>* manager,
                            int32_t* capability) {
  if (!MtaThread::IsCurrent()) return Failure{RPC_E_WRONG_THREAD, "NetworkOperatorTetheringManager"};
  ComPtr<connectivity::IConnectionProfile> profile;
  if (auto f = FindProfile(target, std::addressof(profile))) return f;
  ComPtr<INetworkOperatorTetheringManagerStatics2> statics;
  if (auto f = GetActivationFactory(kTetheringManagerClass,
                                    "RoGetActivationFactory(NetworkOperatorTetheringManager)",
                                    std::addressof(statics)))
    return f;
  // TetheringCapability: Enabled is 0. Compared as a number, which both SDKs' spellings of the
  // enum allow.
  abi_netops::TetheringCapability value = static_cast<abi_netops::TetheringCapability>(0);
  if (capability != nullptr) {
    if (auto f = Check(statics->GetTetheringCapabilityFromConnectionProfile(profile.Get(), &value),
                       "NetworkOperatorTetheringManager.GetTetheringCapabilityFromConnectionProfile"))
      return f;
    *capability = static_cast<int32_t>(value);
  }
  static constexpr const char* kCreateCall = "NetworkOperatorTetheringManager.CreateFromConnectionProfile";
  const HRESULT hr = statics->CreateFromConnectionProfile(profile.Get(), manager->ReleaseAndGetAddressOf());
  // Windows need not make a manager for a hotspot it does not allow; the capability says why.
  if (FAILED(hr) && capability != nullptr && static_cast<int32_t>(value) != 0) {
    manager->Reset();
    return std::nullopt;
  }
  if (auto f = Check(hr, kCreateCall)) return f;
  if (!*manager) return Failure{E_POINTER, kCreateCall};
  return std::nullopt;
}

Status ReadConnectionProfileNames(std::vector<std::u16string>* names) {
  if (!MtaThread::IsCurrent()) return Failure{RPC_E_WRONG_THREAD, kConnectionProfilesCall};
  names->clear();
  return ForEachProfile([&](connectivity::IConnectionProfile*, std::u16string_view name) {
    names->emplace_back(name);
  });
}

}  // namespace wmbb
