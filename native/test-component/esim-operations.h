// The imitated eSIM operations, with the rules of the fake backend (lib/fake/fake-esim-operations.ts),
// so that the conformance suite holds both to the same behaviour:
//
// - a scripted status replaces the outcome and nothing changes; otherwise an absent eSIM or
//   profile is NotFound, disabling a profile that may not be disabled or deleting one that may
//   not be deleted is PolicyViolation, installing a profile whose ICCID is present is
//   IccidAlreadyExists, a missing or wrong confirmation code is ConfirmationCodeMissing /
//   IncorrectConfirmationCode; an unscripted activation code is InvalidMatchingId (the tests
//   script every code they use);
// - success changes the scenario and running watchers see Updated: an installed profile is
//   added (disabled), enabling a profile disables the enabled one, a reset deletes every profile;
// - a failure injected with SetFailure("<Class>.<Method>Async", hr) ends the operation with
//   AsyncStatus::Error and that error code.
#pragma once

#include <string>

#include "winrt.h"

namespace test_component {

using StatusOperation = foundation::IAsyncOperation<netops::ESimOperationResult*>;
using DownloadOperation = foundation::IAsyncOperation<netops::ESimDownloadProfileMetadataResult*>;

/** ESim.DownloadProfileMetadataAsync. */
DownloadOperation* StartDownload(const std::wstring& eid, const std::wstring& activationCode);
using DiscoverOperation = foundation::IAsyncOperation<netops::ESimDiscoverResult*>;

/** ESim.DiscoverAsync() (server and matchingId null) or DiscoverAsync(server, matchingId). */
DiscoverOperation* StartDiscover(const std::wstring& eid, const std::wstring* server,
                                 const std::wstring* matchingId);
/** ESim.DeleteProfileAsync. */
StatusOperation* StartDelete(const std::wstring& eid, const std::wstring& iccid);
/** ESim.ResetAsync. */
StatusOperation* StartReset(const std::wstring& eid);
/** ESimProfile.EnableAsync / DisableAsync. */
StatusOperation* StartSetEnabled(const std::wstring& eid, const std::wstring& iccid, bool enabled);
/** ESimProfile.SetNicknameAsync. */
StatusOperation* StartSetNickname(const std::wstring& eid, const std::wstring& iccid,
                                  const std::wstring& nickname);

}  // namespace test_component
