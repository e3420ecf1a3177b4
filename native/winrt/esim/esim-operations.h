// The eSIM operations: DownloadProfileMetadataAsync, ConfirmInstall(WithConfirmationCode)Async,
// Deny/PostponeInstallAsync, profile Enable/Disable/SetNicknameAsync, DeleteProfileAsync and
// ResetAsync, each watched with AsyncOperation (async-operation.h). Results are read into plain
// values on the thread Windows completes on, so the JS thread makes no Windows calls to settle
// a promise; enums travel as their documented Windows values. Every function runs on the addon's
// MTA thread and answers RO_E_CLOSED for an object released meanwhile (null).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "../core/async-work.h"

namespace wmbb {

/** The end of an operation whose result is an ESimOperationResult. */
struct EsimStatusEnd {
  AsyncEndKind kind = AsyncEndKind::Failed;
  /** ESimOperationStatus (Completed only). */
  int32_t status = 0;
  Failure failure{E_FAIL, ""};
};

/** ESimProfileMetadata's properties. */
struct EsimMetadataValues {
  std::u16string id;
  std::u16string providerId;
  std::u16string providerName;
  bool isConfirmationCodeRequired = false;
  /** ESimProfileMetadataState. */
  int32_t state = 0;
  bool canDelete = false;
  bool canDisable = false;
  bool isManagedByEnterprise = false;
};

/** The end of DownloadProfileMetadataAsync. */
struct EsimDownloadEnd {
  AsyncEndKind kind = AsyncEndKind::Failed;
  int32_t status = 0;
  /** The metadata object, on success only (released at once otherwise). */
  ComPtr<abi_netops::IESimProfileMetadata> metadata;
  EsimMetadataValues values;
  Failure failure{E_FAIL, ""};
};

/** One ESimDiscoverEvent: a profile waiting on an SM-DP+ for this eSIM. */
struct EsimDiscoverEvent {
  std::u16string matchingId;
  std::u16string rspServerAddress;
};

/** The end of DiscoverAsync. */
struct EsimDiscoverEnd {
  AsyncEndKind kind = AsyncEndKind::Failed;
  /** ESimOperationStatus of ESimDiscoverResult.Result. */
  int32_t status = 0;
  /** ESimDiscoverResultKind: None 0, Events 1, ProfileMetadata 2. */
  int32_t resultKind = 0;
  std::vector<EsimDiscoverEvent> events;
  /** The metadata (ProfileMetadata kind only). */
  ComPtr<abi_netops::IESimProfileMetadata> metadata;
  EsimMetadataValues values;
  Failure failure{E_FAIL, ""};
};

/** ESimProfileInstallProgress. */
struct EsimInstallProgress {
  int32_t totalSizeInBytes = 0;
  int32_t installedSizeInBytes = 0;
};

using OnEsimStatusEnd = std::function<void(EsimStatusEnd)>;

/** `esim.DownloadProfileMetadataAsync(activationCode)`. */
Status DownloadProfileMetadata(abi_netops::IESim* esim, std::u16string_view activationCode,
                               std::function<void(EsimDownloadEnd)> onEnd,
                               std::shared_ptr<AsyncWork>* out);

/**
 * `metadata.ConfirmInstallAsync()`, or `ConfirmInstallWithConfirmationCodeAsync(code)` when
 * `confirmationCode` is given. `onProgress` may be empty.
 */
Status ConfirmInstall(abi_netops::IESimProfileMetadata* metadata,
                      const std::u16string* confirmationCode, OnEsimStatusEnd onEnd,
                      std::function<void(const EsimInstallProgress&)> onProgress,
                      std::shared_ptr<AsyncWork>* out);

/** `metadata.DenyInstallAsync()`, or `PostponeInstallAsync()`. */
Status DeclineInstall(abi_netops::IESimProfileMetadata* metadata, bool postpone,
                      OnEsimStatusEnd onEnd, std::shared_ptr<AsyncWork>* out);

/** `profile.EnableAsync()` / `DisableAsync()`. */
Status SetProfileEnabled(abi_netops::IESimProfile* profile, bool enabled, OnEsimStatusEnd onEnd,
                         std::shared_ptr<AsyncWork>* out);

/** `profile.SetNicknameAsync(nickname)`. */
Status SetProfileNickname(abi_netops::IESimProfile* profile, std::u16string_view nickname,
                          OnEsimStatusEnd onEnd, std::shared_ptr<AsyncWork>* out);

/**
 * `esim.DiscoverAsync()` (the default SM-DS), or `DiscoverAsync(serverAddress, matchingId)` when
 * both are given (IESim2, Windows 10 2004 and later; older Windows: E_NOTIMPL).
 */
Status DiscoverProfiles(abi_netops::IESim* esim, const std::u16string* serverAddress,
                        const std::u16string* matchingId,
                        std::function<void(EsimDiscoverEnd)> onEnd,
                        std::shared_ptr<AsyncWork>* out);

/** `esim.DeleteProfileAsync(iccid)`. */
Status DeleteProfile(abi_netops::IESim* esim, std::u16string_view iccid, OnEsimStatusEnd onEnd,
                     std::shared_ptr<AsyncWork>* out);

/** `esim.ResetAsync()`. */
Status ResetEsim(abi_netops::IESim* esim, OnEsimStatusEnd onEnd, std::shared_ptr<AsyncWork>* out);

/** The profile of `esim` whose Id is `iccid` (GetProfiles); null when there is none. */
Status FindProfile(abi_netops::IESim* esim, std::u16string_view iccid,
                   ComPtr<abi_netops::IESimProfile>* out);

}  // namespace wmbb
