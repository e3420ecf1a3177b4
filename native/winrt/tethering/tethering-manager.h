// The NetworkOperatorTetheringManager of a connection profile, made on the addon's MTA thread.
//
// NetworkOperatorTetheringManager is threading "both" and not agile: every manager is made
// here, used by the task (or the operation) that made it and released on this thread again;
// the JS thread never holds one. The profile is the internet connection profile
// (NetworkInformation.GetInternetConnectionProfile) or the one whose ProfileName the caller
// gave (NetworkInformation.GetConnectionProfiles), looked up afresh for every call: Windows
// changes the internet profile whenever the machine changes networks.
//
// Two answers are not Windows failures but facts the TypeScript side words (lib/native/
// native-tethering-errors.ts): no internet profile, and no profile of the given name. Both come
// as ERROR_NOT_FOUND naming the NetworkInformation call that found nothing.
#pragma once

#include "../core/status.h"
#include "tethering-types.h"

namespace wmbb {

inline constexpr const wchar_t* kTetheringManagerClass =
    L"Windows.Networking.NetworkOperators.NetworkOperatorTetheringManager";

/** HRESULT_FROM_WIN32(ERROR_NOT_FOUND): the profile asked for does not exist. */
inline constexpr HRESULT kProfileNotFound = static_cast<HRESULT>(0x80070490L);
/** The call named when there is no internet connection profile. */
inline constexpr const char* kInternetProfileCall = "NetworkInformation.GetInternetConnectionProfile";
/** The call named when no connection profile has the name asked for. */
inline constexpr const char* kConnectionProfilesCall = "NetworkInformation.GetConnectionProfiles";

/**
 * The target's connection profile, its TetheringCapability (when `capability` is not null) and
 * its manager. With a capability other than Enabled, a manager Windows refuses to make is no
 * failure: `*manager` is then null. MTA thread only.
 */
Status MakeTetheringManager(const TetheringTarget& target,
                            ComPtr<abi_netops::INetworkOperatorTetheringManager>* manager,
                            int32_t* capability = nullptr);

/** The ProfileName of every connection profile (NetworkInformation.GetConnectionProfiles). */
Status ReadConnectionProfileNames(std::vector<std::u16string>* names);

}  // namespace wmbb
