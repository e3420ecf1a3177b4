#include "esim-operations.h"

#include "../core/async-operation.h"
#include "../core/hstring.h"
#include "../core/readers.h"

namespace wmbb {
namespace {

using abi_foundation::IAsyncOperation;
using abi_foundation::IAsyncOperationWithProgress;
using abi_netops::ESimDownloadProfileMetadataResult;
using abi_netops::ESimOperationResult;
using abi_netops::ESimProfileInstallProgress;

using StatusOperation = IAsyncOperation<ESimOperationResult*>;
using InstallOperation = IAsyncOperationWithProgress<ESimOperationResult*, ESimProfileInstallProgress>;
using DownloadOperation = IAsyncOperation<ESimDownloadProfileMetadataResult*>;

/** ESimOperationResult.Status of a finished operation; a missing result is a failure. */
Status ReadStatus(abi_netops::IESimOperationResult* result, const char* call, int32_t* out) {
  if (result == nullptr) return Failure{E_POINTER, call};
  abi_netops::ESimOperationStatus status{};
  if (auto f = Check(result->get_Status(&status), "ESimOperationResult.Status")) return f;
  *out = static_cast<int32_t>(status);
  return std::nullopt;
}

/** Turns the end of an operation reporting an ESimOperationResult into plain values. */
template <class Result>
EsimStatusEnd ToStatusEnd(AsyncEnd<Result>& end, const char* call) {
  EsimStatusEnd out;
  out.kind = end.kind;
  out.failure = end.failure;
  if (end.kind == AsyncEndKind::Completed) {
    if (auto f = ReadStatus(end.result.Get(), call, &out.status)) {
      out.kind = AsyncEndKind::Failed;
      out.failure = *f;
    }
  }
  return out;
}

/** Watches an operation started by `start` (a Windows call returning it through `operation`). */
template <class Operation, class Start>
Status WatchStatus(Start&& start, const char* call, OnEsimStatusEnd onEnd,
                   std::shared_ptr<AsyncWork>* out) {
  ComPtr<Operation> operation;
  if (auto f = Check(start(operation.GetAddressOf()), call)) return f;
  std::shared_ptr<AsyncOperation<Operation>> watched;
  auto f = AsyncOperation<Operation>::Watch(
      std::move(operation), call,
      [onEnd = std::move(onEnd), call](typename AsyncOperation<Operation>::End end) {
        onEnd(ToStatusEnd(end, call));
      },
      {}, &watched);
  if (f) return f;
  *out = std::move(watched);
  return std::nullopt;
}

Status ReadMetadata(abi_netops::IESimProfileMetadata* metadata, EsimMetadataValues* out) {
  HString text;
  if (auto f = Check(metadata->get_Id(text.Put()), "ESimProfileMetadata.Id")) return f;
  out->id = text.View();
  if (auto f = Check(metadata->get_ProviderId(text.Put()), "ESimProfileMetadata.ProviderId"))
    return f;
  out->providerId = text.View();
  if (auto f = Check(metadata->get_ProviderName(text.Put()), "ESimProfileMetadata.ProviderName"))
    return f;
  out->providerName = text.View();
  boolean required = 0;
  if (auto f = Check(metadata->get_IsConfirmationCodeRequired(&required),
                     "ESimProfileMetadata.IsConfirmationCodeRequired"))
    return f;
  out->isConfirmationCodeRequired = required != 0;
  abi_netops::ESimProfileMetadataState state{};
  if (auto f = Check(metadata->get_State(&state), "ESimProfileMetadata.State")) return f;
  out->state = static_cast<int32_t>(state);
  ComPtr<abi_netops::IESimProfilePolicy> policy;
  if (auto f = Check(metadata->get_Policy(&policy), "ESimProfileMetadata.Policy")) return f;
  if (policy) {
    boolean value = 0;
    if (auto f = Check(policy->get_CanDelete(&value), "ESimProfilePolicy.CanDelete")) return f;
    out->canDelete = value != 0;
    if (auto f = Check(policy->get_CanDisable(&value), "ESimProfilePolicy.CanDisable")) return f;
    out->canDisable = value != 0;
    if (auto f = Check(policy->get_IsManagedByEnterprise(&value),
                       "ESimProfilePolicy.IsManagedByEnterprise"))
      return f;
    out->isManagedByEnterprise = value != 0;
  }
  return std::nullopt;
}

/** Reads `Result.Status` of a download's or discovery's result (`member` names `Result`). */
template <class ResultInterface>
Status ReadResultStatus(ResultInterface* result, const char* member, int32_t* status) {
  ComPtr<abi_netops::IESimOperationResult> operation;
  if (auto f = Check(result->get_Result(&operation), member)) return f;
  return ReadStatus(operation.Get(), member, status);
}

/** Takes `ProfileMetadata` of a download's or discovery's result and reads its properties. */
template <class ResultInterface>
Status TakeMetadata(ResultInterface* result, const char* member,
                    ComPtr<abi_netops::IESimProfileMetadata>* metadata, EsimMetadataValues* values) {
  if (auto f = Check(result->get_ProfileMetadata(metadata->ReleaseAndGetAddressOf()), member))
    return f;
  if (!*metadata) return Failure{E_POINTER, member};
  return ReadMetadata(metadata->Get(), values);
}

/** Reads a download's result: the status, and on success the metadata and its properties. */
EsimDownloadEnd ToDownloadEnd(AsyncEnd<abi_netops::IESimDownloadProfileMetadataResult>& end,
                              const char* call) {
  EsimDownloadEnd out;
  out.kind = end.kind;
  out.failure = end.failure;
  if (end.kind != AsyncEndKind::Completed) return out;
  auto fail = [&](Failure failure) {
    out.kind = AsyncEndKind::Failed;
    out.failure = failure;
    out.metadata.Reset();
    return out;
  };
  if (!end.result) return fail(Failure{E_POINTER, call});
  if (auto f = ReadResultStatus(end.result.Get(), "ESimDownloadProfileMetadataResult.Result",
                                &out.status))
    return fail(*f);
  if (out.status != 0) return out;  // a failure status: no metadata to keep
  if (auto f = TakeMetadata(end.result.Get(), "ESimDownloadProfileMetadataResult.ProfileMetadata",
                            &out.metadata, &out.values))
    return fail(*f);
  return out;
}

/** Reads a discovery's result: the status, the kind, the events or the metadata. */
EsimDiscoverEnd ToDiscoverEnd(AsyncEnd<abi_netops::IESimDiscoverResult>& end, const char* call) {
  EsimDiscoverEnd out;
  out.kind = end.kind;
  out.failure = end.failure;
  if (end.kind != AsyncEndKind::Completed) return out;
  auto fail = [&](Failure failure) {
    out.kind = AsyncEndKind::Failed;
    out.failure = failure;
    out.metadata.Reset();
    return out;
  };
  if (!end.result) return fail(Failure{E_POINTER, call});
  if (auto f = ReadResultStatus(end.result.Get(), "ESimDiscoverResult.Result", &out.status))
    return fail(*f);
  abi_netops::ESimDiscoverResultKind kind{};
  if (auto f = Check(end.result->get_Kind(&kind), "ESimDiscoverResult.Kind")) return fail(*f);
  out.resultKind = static_cast<int32_t>(kind);
  if (out.resultKind == 1) {
    ComPtr<abi_collections::IVectorView<abi_netops::ESimDiscoverEvent*>> events;
    if (auto f = Check(end.result->get_Events(&events), "ESimDiscoverResult.Events")) return fail(*f);
    Status read = ForEach(events.Get(), "IVectorView<ESimDiscoverEvent>",
                          [&](UINT32, abi_netops::IESimDiscoverEvent* event) -> Status {
                            if (event == nullptr) return Failure{E_POINTER, "ESimDiscoverEvent"};
                            HString text;
                            EsimDiscoverEvent value;
                            if (auto f = Check(event->get_MatchingId(text.Put()),
                                               "ESimDiscoverEvent.MatchingId"))
                              return f;
                            value.matchingId = text.View();
                            if (auto f = Check(event->get_RspServerAddress(text.Put()),
                                               "ESimDiscoverEvent.RspServerAddress"))
                              return f;
                            value.rspServerAddress = text.View();
                            out.events.push_back(std::move(value));
                            return std::nullopt;
                          });
    if (read) return fail(*read);
  } else if (out.resultKind == 2) {
    if (auto f = TakeMetadata(end.result.Get(), "ESimDiscoverResult.ProfileMetadata",
                              &out.metadata, &out.values))
      return fail(*f);
  }
  return out;
}

}  // namespace

Status DiscoverProfiles(abi_netops::IESim* esim, const std::u16string* serverAddress,
                        const std::u16string* matchingId,
                        std::function<void(EsimDiscoverEnd)> onEnd,
                        std::shared_ptr<AsyncWork>* out) {
  static constexpr const char* kCall = "ESim.DiscoverAsync";
  if (esim == nullptr) return Failure{RO_E_CLOSED, kCall};
  ComPtr<abi_netops::IESim2> esim2;
  if (FAILED(esim->QueryInterface(__uuidof(abi_netops::IESim2),
                                  reinterpret_cast<void**>(esim2.GetAddressOf())))) {
    return Failure{E_NOTIMPL, "ESim.DiscoverAsync (IESim2: Windows 10 version 2004 or later)"};
  }
  using DiscoverOperation = abi_foundation::IAsyncOperation<abi_netops::ESimDiscoverResult*>;
  ComPtr<DiscoverOperation> operation;
  if (serverAddress != nullptr && matchingId != nullptr) {
    HString server;
    HString id;
    if (auto f = HString::Create(*serverAddress, &server)) return f;
    if (auto f = HString::Create(*matchingId, &id)) return f;
    if (auto f = Check(esim2->DiscoverWithServerAddressAndMatchingIdAsync(
                           server.Get(), id.Get(), operation.GetAddressOf()),
                       kCall))
      return f;
  } else if (auto f = Check(esim2->DiscoverAsync(operation.GetAddressOf()), kCall)) {
    return f;
  }
  std::shared_ptr<AsyncOperation<DiscoverOperation>> watched;
  if (auto f = AsyncOperation<DiscoverOperation>::Watch(
          std::move(operation), kCall,
          [onEnd = std::move(onEnd)](AsyncOperation<DiscoverOperation>::End end) {
            onEnd(ToDiscoverEnd(end, kCall));
          },
          {}, &watched))
    return f;
  *out = std::move(watched);
  return std::nullopt;
}

Status DownloadProfileMetadata(abi_netops::IESim* esim, std::u16string_view activationCode,
                               std::function<void(EsimDownloadEnd)> onEnd,
                               std::shared_ptr<AsyncWork>* out) {
  static constexpr const char* kCall = "ESim.DownloadProfileMetadataAsync";
  if (esim == nullptr) return Failure{RO_E_CLOSED, kCall};
  HString code;
  if (auto f = HString::Create(activationCode, &code)) return f;
  ComPtr<DownloadOperation> operation;
  if (auto f = Check(esim->DownloadProfileMetadataAsync(code.Get(), operation.GetAddressOf()), kCall))
    return f;
  std::shared_ptr<AsyncOperation<DownloadOperation>> watched;
  if (auto f = AsyncOperation<DownloadOperation>::Watch(
          std::move(operation), kCall,
          [onEnd = std::move(onEnd)](AsyncOperation<DownloadOperation>::End end) {
            onEnd(ToDownloadEnd(end, kCall));
          },
          {}, &watched))
    return f;
  *out = std::move(watched);
  return std::nullopt;
}

Status ConfirmInstall(abi_netops::IESimProfileMetadata* metadata,
                      const std::u16string* confirmationCode, OnEsimStatusEnd onEnd,
                      std::function<void(const EsimInstallProgress&)> onProgress,
                      std::shared_ptr<AsyncWork>* out) {
  const char* call = confirmationCode == nullptr
                         ? "ESimProfileMetadata.ConfirmInstallAsync"
                         : "ESimProfileMetadata.ConfirmInstallWithConfirmationCodeAsync";
  if (metadata == nullptr) return Failure{RO_E_CLOSED, call};
  ComPtr<InstallOperation> operation;
  if (confirmationCode == nullptr) {
    if (auto f = Check(metadata->ConfirmInstallAsync(operation.GetAddressOf()), call)) return f;
  } else {
    HString code;
    if (auto f = HString::Create(*confirmationCode, &code)) return f;
    if (auto f = Check(
            metadata->ConfirmInstallWithConfirmationCodeAsync(code.Get(), operation.GetAddressOf()),
            call))
      return f;
  }
  AsyncOperation<InstallOperation>::OnProgress progress;
  if (onProgress) {
    progress = [onProgress = std::move(onProgress)](const ESimProfileInstallProgress& value) {
      onProgress(EsimInstallProgress{value.TotalSizeInBytes, value.InstalledSizeInBytes});
    };
  }
  std::shared_ptr<AsyncOperation<InstallOperation>> watched;
  if (auto f = AsyncOperation<InstallOperation>::Watch(
          std::move(operation), call,
          [onEnd = std::move(onEnd), call](AsyncOperation<InstallOperation>::End end) {
            onEnd(ToStatusEnd(end, call));
          },
          std::move(progress), &watched))
    return f;
  *out = std::move(watched);
  return std::nullopt;
}

Status DeclineInstall(abi_netops::IESimProfileMetadata* metadata, bool postpone,
                      OnEsimStatusEnd onEnd, std::shared_ptr<AsyncWork>* out) {
  if (metadata == nullptr) return Failure{RO_E_CLOSED, "ESimProfileMetadata"};
  if (postpone) {
    return WatchStatus<StatusOperation>(
        [&](StatusOperation** operation) { return metadata->PostponeInstallAsync(operation); },
        "ESimProfileMetadata.PostponeInstallAsync", std::move(onEnd), out);
  }
  return WatchStatus<StatusOperation>(
      [&](StatusOperation** operation) { return metadata->DenyInstallAsync(operation); },
      "ESimProfileMetadata.DenyInstallAsync", std::move(onEnd), out);
}

Status SetProfileEnabled(abi_netops::IESimProfile* profile, bool enabled, OnEsimStatusEnd onEnd,
                         std::shared_ptr<AsyncWork>* out) {
  if (profile == nullptr) return Failure{RO_E_CLOSED, "ESimProfile"};
  if (enabled) {
    return WatchStatus<StatusOperation>(
        [&](StatusOperation** operation) { return profile->EnableAsync(operation); },
        "ESimProfile.EnableAsync", std::move(onEnd), out);
  }
  return WatchStatus<StatusOperation>(
      [&](StatusOperation** operation) { return profile->DisableAsync(operation); },
      "ESimProfile.DisableAsync", std::move(onEnd), out);
}

Status SetProfileNickname(abi_netops::IESimProfile* profile, std::u16string_view nickname,
                          OnEsimStatusEnd onEnd, std::shared_ptr<AsyncWork>* out) {
  if (profile == nullptr) return Failure{RO_E_CLOSED, "ESimProfile.SetNicknameAsync"};
  HString name;
  if (auto f = HString::Create(nickname, &name)) return f;
  return WatchStatus<StatusOperation>(
      [&](StatusOperation** operation) { return profile->SetNicknameAsync(name.Get(), operation); },
      "ESimProfile.SetNicknameAsync", std::move(onEnd), out);
}

Status DeleteProfile(abi_netops::IESim* esim, std::u16string_view iccid, OnEsimStatusEnd onEnd,
                     std::shared_ptr<AsyncWork>* out) {
  if (esim == nullptr) return Failure{RO_E_CLOSED, "ESim.DeleteProfileAsync"};
  HString id;
  if (auto f = HString::Create(iccid, &id)) return f;
  return WatchStatus<StatusOperation>(
      [&](StatusOperation** operation) { return esim->DeleteProfileAsync(id.Get(), operation); },
      "ESim.DeleteProfileAsync", std::move(onEnd), out);
}

Status ResetEsim(abi_netops::IESim* esim, OnEsimStatusEnd onEnd, std::shared_ptr<AsyncWork>* out) {
  if (esim == nullptr) return Failure{RO_E_CLOSED, "ESim.ResetAsync"};
  return WatchStatus<StatusOperation>(
      [&](StatusOperation** operation) { return esim->ResetAsync(operation); }, "ESim.ResetAsync",
      std::move(onEnd), out);
}

Status FindProfile(abi_netops::IESim* esim, std::u16string_view iccid,
                   ComPtr<abi_netops::IESimProfile>* out) {
  out->Reset();
  if (esim == nullptr) return Failure{RO_E_CLOSED, "ESim.GetProfiles"};
  ComPtr<abi_collections::IVectorView<abi_netops::ESimProfile*>> profiles;
  if (auto f = Check(esim->GetProfiles(&profiles), "ESim.GetProfiles")) return f;
  if (!profiles) return std::nullopt;
  UINT32 count = 0;
  if (auto f = Check(profiles->get_Size(&count), "IVectorView<ESimProfile>.Size")) return f;
  HString id;
  for (UINT32 i = 0; i < count; ++i) {
    ComPtr<abi_netops::IESimProfile> profile;
    if (auto f = Check(profiles->GetAt(i, &profile), "IVectorView<ESimProfile>.GetAt")) return f;
    if (!profile) continue;
    if (auto f = Check(profile->get_Id(id.Put()), "ESimProfile.Id")) return f;
    if (id.View() == iccid) {
      *out = std::move(profile);
      return std::nullopt;
    }
  }
  return std::nullopt;
}

}  // namespace wmbb
