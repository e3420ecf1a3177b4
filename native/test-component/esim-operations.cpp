#include "esim-operations.h"

#include <algorithm>

#include "imitated-operation.h"

namespace test_component {
namespace {

using InstallOperation =
    foundation::IAsyncOperationWithProgress<netops::ESimOperationResult*,
                                            netops::ESimProfileInstallProgress>;
using StatusImitation = ImitatedOperation<StatusOperation>;
using InstallImitation = ImitatedOperation<InstallOperation>;
using DownloadImitation = ImitatedOperation<DownloadOperation>;
using DiscoverImitation = ImitatedOperation<DiscoverOperation>;

HRESULT CopyString(const std::wstring& text, HSTRING* out) { return MakeHString(text, out); }

class OperationResult final
    : public RuntimeObject<OperationResult, true, netops::IESimOperationResult> {
 public:
  static constexpr const wchar_t* kClassName =
      L"Windows.Networking.NetworkOperators.ESimOperationResult";
  explicit OperationResult(INT32 status) : status_(status) {}
  HRESULT STDMETHODCALLTYPE get_Status(netops::ESimOperationStatus* value) override {
    if (value == nullptr) return E_POINTER;
    *value = static_cast<netops::ESimOperationStatus>(status_);
    return S_OK;
  }

 private:
  INT32 status_;
};

/** The result of an operation that ends with `status`. */
HRESULT StatusResult(INT32 status, ComPtr<netops::IESimOperationResult>* out) {
  *out->ReleaseAndGetAddressOf() = new OperationResult(status);
  return S_OK;
}

class MetadataPolicy final
    : public RuntimeObject<MetadataPolicy, true, netops::IESimProfilePolicy> {
 public:
  static constexpr const wchar_t* kClassName =
      L"Windows.Networking.NetworkOperators.ESimProfilePolicy";
  explicit MetadataPolicy(const ProfileData& profile) : profile_(profile) {}
  HRESULT STDMETHODCALLTYPE get_CanDelete(boolean* value) override {
    return Put(profile_.canDelete, value);
  }
  HRESULT STDMETHODCALLTYPE get_CanDisable(boolean* value) override {
    return Put(profile_.canDisable, value);
  }
  HRESULT STDMETHODCALLTYPE get_IsManagedByEnterprise(boolean* value) override {
    return Put(profile_.isManagedByEnterprise, value);
  }

 private:
  static HRESULT Put(bool from, boolean* to) {
    if (to == nullptr) return E_POINTER;
    *to = from;
    return S_OK;
  }
  ProfileData profile_;
};

/** The scripted failure of `member`, checked when an operation ends. */
HRESULT Injected(const wchar_t* member) { return Scenario::Get().FailureOf(member); }

/**
 * ESimProfileMetadata: the offer of one download. What it says is fixed at the download; how an
 * install or decline goes follows the code's script in force when it starts.
 */
class Metadata final : public RuntimeObject<Metadata, true, netops::IESimProfileMetadata> {
 public:
  static constexpr const wchar_t* kClassName =
      L"Windows.Networking.NetworkOperators.ESimProfileMetadata";
  Metadata(std::wstring eid, std::wstring code, const CodeScript& offered)
      : eid_(std::move(eid)),
        code_(std::move(code)),
        profile_(offered.profile),
        confirmationRequired_(offered.confirmationRequired) {}

  HRESULT STDMETHODCALLTYPE get_IsConfirmationCodeRequired(boolean* value) override {
    if (value == nullptr) return E_POINTER;
    *value = confirmationRequired_;
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE get_Policy(netops::IESimProfilePolicy** value) override {
    if (value == nullptr) return E_POINTER;
    *value = new MetadataPolicy(profile_);
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE get_Id(HSTRING* value) override {
    return CopyString(profile_.iccid, value);
  }
  HRESULT STDMETHODCALLTYPE get_ProviderIcon(
      ABI::Windows::Storage::Streams::IRandomAccessStreamReference** value) override {
    if (value == nullptr) return E_POINTER;
    *value = nullptr;
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE get_ProviderId(HSTRING* value) override {
    return CopyString(profile_.providerId, value);
  }
  HRESULT STDMETHODCALLTYPE get_ProviderName(HSTRING* value) override {
    return CopyString(profile_.providerName, value);
  }
  HRESULT STDMETHODCALLTYPE get_State(netops::ESimProfileMetadataState* value) override {
    if (value == nullptr) return E_POINTER;
    *value = static_cast<netops::ESimProfileMetadataState>(1);  // WaitingForInstall
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE DenyInstallAsync(StatusOperation** operation) override {
    return Decline(L"ESimProfileMetadata.DenyInstallAsync", operation);
  }
  HRESULT STDMETHODCALLTYPE PostponeInstallAsync(StatusOperation** operation) override {
    return Decline(L"ESimProfileMetadata.PostponeInstallAsync", operation);
  }
  HRESULT STDMETHODCALLTYPE ConfirmInstallAsync(InstallOperation** operation) override {
    return Install(nullptr, L"ESimProfileMetadata.ConfirmInstallAsync", operation);
  }
  HRESULT STDMETHODCALLTYPE ConfirmInstallWithConfirmationCodeAsync(
      HSTRING confirmationCode, InstallOperation** operation) override {
    const std::wstring code = ToWString(confirmationCode);
    return Install(&code, L"ESimProfileMetadata.ConfirmInstallWithConfirmationCodeAsync",
                   operation);
  }
  HRESULT STDMETHODCALLTYPE add_StateChanged(
      foundation::ITypedEventHandler<netops::ESimProfileMetadata*, IInspectable*>*,
      EventRegistrationToken*) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE remove_StateChanged(EventRegistrationToken) override {
    return E_NOTIMPL;
  }

 private:
  /** The code's script now (the one of the download if it was since removed). */
  CodeScript Script() const {
    std::optional<CodeScript> script = Scenario::Get().CodeScriptOf(code_);
    return script ? *script : CodeScript{};
  }

  HRESULT Decline(const wchar_t* member, StatusOperation** operation) {
    if (operation == nullptr) return E_POINTER;
    const CodeScript script = Script();
    StatusImitation::Plan plan;
    plan.durationMs = script.durationMs;
    plan.finish = [member, status = script.decline](ComPtr<netops::IESimOperationResult>* result) {
      if (HRESULT hr = Injected(member); FAILED(hr)) return hr;
      return StatusResult(status, result);
    };
    *operation = StatusImitation::Start(std::move(plan));
    return S_OK;
  }

  HRESULT Install(const std::wstring* confirmationCode, const wchar_t* member,
                  InstallOperation** operation) {
    if (operation == nullptr) return E_POINTER;
    const CodeScript script = Script();
    INT32 preliminary = script.install;
    if (confirmationRequired_) {
      if (confirmationCode == nullptr) {
        preliminary = kConfirmationCodeMissing;
      } else if (!script.confirmationCode.empty() && *confirmationCode != script.confirmationCode) {
        preliminary = kIncorrectConfirmationCode;
      }
    }
    InstallImitation::Plan plan;
    plan.durationMs = script.durationMs;
    plan.progressSteps = preliminary == kSuccess ? script.progressSteps : 0;
    plan.totalBytes = script.profileSizeBytes;
    plan.finish = [member, preliminary, eid = eid_, profile = profile_](
                      ComPtr<netops::IESimOperationResult>* result) {
      if (HRESULT hr = Injected(member); FAILED(hr)) return hr;
      // The eSIM went away since the download.
      if (!Scenario::Get().FindEsim(eid)) return StatusResult(kCardRemoved, result);
      const INT32 status = Scenario::Get().ChangeEsim(eid, [&](EsimData& esim, bool* changed) -> INT32 {
        if (preliminary != kSuccess) return preliminary;
        for (const ProfileData& present : esim.profiles) {
          if (present.iccid == profile.iccid) return kIccidAlreadyExists;
        }
        ProfileData installed = profile;
        installed.state = 1;  // Disabled
        installed.nickname.clear();
        esim.profiles.push_back(std::move(installed));
        *changed = true;
        return kSuccess;
      });
      return StatusResult(status, result);
    };
    *operation = InstallImitation::Start(std::move(plan));
    return S_OK;
  }

  const std::wstring eid_;
  const std::wstring code_;
  const ProfileData profile_;
  const bool confirmationRequired_;
};

class DownloadResult final
    : public RuntimeObject<DownloadResult, true, netops::IESimDownloadProfileMetadataResult> {
 public:
  static constexpr const wchar_t* kClassName =
      L"Windows.Networking.NetworkOperators.ESimDownloadProfileMetadataResult";
  DownloadResult(INT32 status, ComPtr<netops::IESimProfileMetadata> metadata)
      : metadata_(std::move(metadata)) {
    StatusResult(status, &result_);
  }
  HRESULT STDMETHODCALLTYPE get_Result(netops::IESimOperationResult** value) override {
    if (value == nullptr) return E_POINTER;
    return result_.CopyTo(value);
  }
  HRESULT STDMETHODCALLTYPE get_ProfileMetadata(netops::IESimProfileMetadata** value) override {
    if (value == nullptr) return E_POINTER;
    return metadata_.CopyTo(value);
  }

 private:
  ComPtr<netops::IESimOperationResult> result_;
  ComPtr<netops::IESimProfileMetadata> metadata_;
};

class DiscoverEvent final : public RuntimeObject<DiscoverEvent, true, netops::IESimDiscoverEvent> {
 public:
  static constexpr const wchar_t* kClassName = L"Windows.Networking.NetworkOperators.ESimDiscoverEvent";
  DiscoverEvent(std::wstring matchingId, std::wstring server)
      : matchingId_(std::move(matchingId)), server_(std::move(server)) {}
  HRESULT STDMETHODCALLTYPE get_MatchingId(HSTRING* value) override {
    return MakeHString(matchingId_, value);
  }
  HRESULT STDMETHODCALLTYPE get_RspServerAddress(HSTRING* value) override {
    return MakeHString(server_, value);
  }

 private:
  std::wstring matchingId_;
  std::wstring server_;
};

class DiscoverEvents final
    : public RuntimeObject<DiscoverEvents, true,
                           collections::IVectorView<netops::ESimDiscoverEvent*>> {
 public:
  static constexpr const wchar_t* kClassName =
      L"Windows.Foundation.Collections.IVectorView`1<Windows.Networking.NetworkOperators.ESimDiscoverEvent>";
  explicit DiscoverEvents(const std::vector<std::pair<std::wstring, std::wstring>>& events) {
    for (const auto& [id, server] : events) {
      ComPtr<netops::IESimDiscoverEvent> event;
      *event.GetAddressOf() = new DiscoverEvent(id, server);
      events_.push_back(std::move(event));
    }
  }
  HRESULT STDMETHODCALLTYPE GetAt(UINT32 index, netops::IESimDiscoverEvent** value) override {
    if (value == nullptr) return E_POINTER;
    if (index >= events_.size()) return E_BOUNDS;
    return events_[index].CopyTo(value);
  }
  HRESULT STDMETHODCALLTYPE get_Size(UINT32* value) override {
    if (value == nullptr) return E_POINTER;
    *value = static_cast<UINT32>(events_.size());
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE IndexOf(netops::IESimDiscoverEvent*, UINT32*, BOOLEAN*) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE GetMany(UINT32, UINT32, netops::IESimDiscoverEvent**, UINT32*) override {
    return E_NOTIMPL;
  }

 private:
  std::vector<ComPtr<netops::IESimDiscoverEvent>> events_;
};

/** ESimDiscoverResultKind: None 0, Events 1, ProfileMetadata 2. */
class DiscoverResult final
    : public RuntimeObject<DiscoverResult, true, netops::IESimDiscoverResult> {
 public:
  static constexpr const wchar_t* kClassName =
      L"Windows.Networking.NetworkOperators.ESimDiscoverResult";
  DiscoverResult(INT32 status, INT32 kind,
                 const std::vector<std::pair<std::wstring, std::wstring>>& events,
                 ComPtr<netops::IESimProfileMetadata> metadata)
      : kind_(kind), metadata_(std::move(metadata)) {
    StatusResult(status, &result_);
    *events_.GetAddressOf() = new DiscoverEvents(events);
  }
  HRESULT STDMETHODCALLTYPE get_Events(
      collections::IVectorView<netops::ESimDiscoverEvent*>** value) override {
    if (value == nullptr) return E_POINTER;
    return events_.CopyTo(value);
  }
  HRESULT STDMETHODCALLTYPE get_Kind(netops::ESimDiscoverResultKind* value) override {
    if (value == nullptr) return E_POINTER;
    *value = static_cast<netops::ESimDiscoverResultKind>(kind_);
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE get_ProfileMetadata(netops::IESimProfileMetadata** value) override {
    if (value == nullptr) return E_POINTER;
    return metadata_.CopyTo(value);
  }
  HRESULT STDMETHODCALLTYPE get_Result(netops::IESimOperationResult** value) override {
    if (value == nullptr) return E_POINTER;
    return result_.CopyTo(value);
  }

 private:
  INT32 kind_;
  ComPtr<collections::IVectorView<netops::ESimDiscoverEvent*>> events_;
  ComPtr<netops::IESimProfileMetadata> metadata_;
  ComPtr<netops::IESimOperationResult> result_;
};

/** An operation on one profile: the failure, the profile's presence, its script, the rule. */
StatusOperation* StartProfileOperation(
    const std::wstring& eid, const std::wstring& iccid, const wchar_t* member,
    INT32 ProfileScript::*scripted,
    std::function<INT32(EsimData& esim, ProfileData& profile, bool* changed)> rule) {
  const ProfileScript script = Scenario::Get().ProfileScriptOf(iccid);
  StatusImitation::Plan plan;
  plan.durationMs = script.durationMs;
  plan.finish = [=](ComPtr<netops::IESimOperationResult>* result) {
    if (HRESULT hr = Injected(member); FAILED(hr)) return hr;
    const INT32 status = Scenario::Get().ChangeEsim(eid, [&](EsimData& esim, bool* changed) {
      auto profile = std::find_if(esim.profiles.begin(), esim.profiles.end(),
                                  [&](const ProfileData& p) { return p.iccid == iccid; });
      if (profile == esim.profiles.end()) return static_cast<INT32>(kNotFound);
      const INT32 forced = script.*scripted;
      if (forced != -1 && forced != kSuccess) return forced;
      return rule(esim, *profile, changed);
    });
    return StatusResult(status, result);
  };
  return StatusImitation::Start(std::move(plan));
}

}  // namespace

DownloadOperation* StartDownload(const std::wstring& eid, const std::wstring& activationCode) {
  const std::optional<CodeScript> script = Scenario::Get().CodeScriptOf(activationCode);
  DownloadImitation::Plan plan;
  plan.durationMs = script ? script->durationMs : 0;
  plan.finish = [eid, activationCode, script](
                    ComPtr<netops::IESimDownloadProfileMetadataResult>* result) {
    if (HRESULT hr = Injected(L"ESim.DownloadProfileMetadataAsync"); FAILED(hr)) return hr;
    ComPtr<netops::IESimProfileMetadata> metadata;
    INT32 status = kSuccess;
    if (!Scenario::Get().FindEsim(eid)) {
      status = kNotFound;
    } else if (!script) {
      status = kInvalidMatchingId;
    } else if (script->download != kSuccess) {
      status = script->download;
    } else {
      *metadata.GetAddressOf() = new Metadata(eid, activationCode, *script);
    }
    *result->ReleaseAndGetAddressOf() = new DownloadResult(status, std::move(metadata));
    return S_OK;
  };
  return DownloadImitation::Start(std::move(plan));
}

DiscoverOperation* StartDiscover(const std::wstring& eid, const std::wstring* server,
                                 const std::wstring* matchingId) {
  // A scripted server answers with its events (the default SM-DS, "", with none when
  // unscripted); an unscripted server asked with a matching id is the SM-DP+ of the code
  // "1$server$matchingId" and offers that code's profile. The fake answers alike.
  const std::optional<DiscoverScript> scripted =
      Scenario::Get().DiscoverScriptOf(server != nullptr ? *server : L"");
  const std::wstring code = !scripted && server != nullptr && matchingId != nullptr &&
                                    !matchingId->empty()
                                ? L"1$" + *server + L"$" + *matchingId
                                : L"";
  const std::optional<CodeScript> script =
      code.empty() ? std::nullopt : Scenario::Get().CodeScriptOf(code);
  DiscoverImitation::Plan plan;
  plan.durationMs = scripted ? scripted->durationMs : script ? script->durationMs : 0;
  plan.finish = [eid, code, script, scripted](ComPtr<netops::IESimDiscoverResult>* result) {
    if (HRESULT hr = Injected(L"ESim.DiscoverAsync"); FAILED(hr)) return hr;
    const std::vector<std::pair<std::wstring, std::wstring>> none;
    INT32 status = kSuccess;
    INT32 kind = 0;
    ComPtr<netops::IESimProfileMetadata> metadata;
    const DiscoverScript answer = scripted.value_or(DiscoverScript{});
    if (!Scenario::Get().FindEsim(eid)) {
      status = kNotFound;
    } else if (!code.empty()) {
      if (!script) {
        status = kInvalidMatchingId;
      } else if (script->download != kSuccess) {
        status = script->download;
      } else {
        kind = 2;
        *metadata.GetAddressOf() = new Metadata(eid, code, *script);
      }
    } else {
      status = answer.status;
      if (status == kSuccess && !answer.events.empty()) kind = 1;
    }
    *result->ReleaseAndGetAddressOf() =
        new DiscoverResult(status, kind, kind == 1 ? answer.events : none, std::move(metadata));
    return S_OK;
  };
  return DiscoverImitation::Start(std::move(plan));
}

StatusOperation* StartDelete(const std::wstring& eid, const std::wstring& iccid) {
  return StartProfileOperation(
      eid, iccid, L"ESim.DeleteProfileAsync", &ProfileScript::remove,
      [iccid](EsimData& esim, ProfileData& profile, bool* changed) -> INT32 {
        if (!profile.canDelete) return kPolicyViolation;
        esim.profiles.erase(std::remove_if(esim.profiles.begin(), esim.profiles.end(),
                                           [&](const ProfileData& p) { return p.iccid == iccid; }),
                            esim.profiles.end());
        *changed = true;
        return kSuccess;
      });
}

StatusOperation* StartReset(const std::wstring& eid) {
  const EsimScript script = Scenario::Get().EsimScriptOf(eid);
  StatusImitation::Plan plan;
  plan.durationMs = script.durationMs;
  plan.finish = [eid, script](ComPtr<netops::IESimOperationResult>* result) {
    if (HRESULT hr = Injected(L"ESim.ResetAsync"); FAILED(hr)) return hr;
    const INT32 status = Scenario::Get().ChangeEsim(eid, [&](EsimData& esim, bool* changed) {
      if (script.reset != -1 && script.reset != kSuccess) return script.reset;
      *changed = !esim.profiles.empty();
      esim.profiles.clear();
      return static_cast<INT32>(kSuccess);
    });
    return StatusResult(status, result);
  };
  return StatusImitation::Start(std::move(plan));
}

StatusOperation* StartSetEnabled(const std::wstring& eid, const std::wstring& iccid, bool enabled) {
  return StartProfileOperation(
      eid, iccid, enabled ? L"ESimProfile.EnableAsync" : L"ESimProfile.DisableAsync",
      enabled ? &ProfileScript::enable : &ProfileScript::disable,
      [enabled, iccid](EsimData& esim, ProfileData& profile, bool* changed) -> INT32 {
        if (!enabled && !profile.canDisable) return kPolicyViolation;
        const INT32 state = enabled ? 2 : 1;  // Enabled : Disabled
        for (ProfileData& p : esim.profiles) {
          // An eUICC runs one profile at a time: enabling one disables the other.
          const INT32 next = p.iccid == iccid ? state : (enabled && p.state == 2 ? 1 : p.state);
          if (next != p.state) {
            p.state = next;
            *changed = true;
          }
        }
        return kSuccess;
      });
}

StatusOperation* StartSetNickname(const std::wstring& eid, const std::wstring& iccid,
                                  const std::wstring& nickname) {
  return StartProfileOperation(
      eid, iccid, L"ESimProfile.SetNicknameAsync", &ProfileScript::nickname,
      [nickname](EsimData&, ProfileData& profile, bool* changed) -> INT32 {
        if (profile.nickname != nickname) {
          profile.nickname = nickname;
          *changed = true;
        }
        return kSuccess;
      });
}

}  // namespace test_component
