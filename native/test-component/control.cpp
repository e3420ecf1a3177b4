// ITestControl: the test's handle on the scenario (see test-control.h).
#include "control.h"

#include "account-watcher.h"
#include "background-tasks.h"

#include "runtime-object.h"
#include "scenario.h"

namespace test_component {
namespace {

class ControlFactory final
    : public RuntimeObject<ControlFactory, false, IActivationFactory, ITestControl> {
 public:
  static constexpr const wchar_t* kClassName = L"WindowsMobileBroadband.Testing.Control";

  HRESULT STDMETHODCALLTYPE ActivateInstance(IInspectable** instance) override {
    if (instance != nullptr) *instance = nullptr;
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE Reset() override {
    Scenario::Get().Reset();
    ResetBackgroundTasks();
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE SetAccess(INT32 access) override {
    if (access < 0 || access > 2) return E_INVALIDARG;
    Scenario::Get().SetAccess(static_cast<TestAccess>(access));
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE SetServiceInfo(INT32 preference, boolean uiEnabled) override {
    Scenario::Get().SetServiceInfo(preference, uiEnabled != 0);
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE SetFailure(HSTRING member, HRESULT hr) override {
    Scenario::Get().SetFailure(ToWString(member), hr);
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE PutEsim(HSTRING eid, HSTRING firmwareVersion, HSTRING modemDeviceId,
                                    INT32 availableMemory, INT32 state, INT32 slotIndex,
                                    boolean shouldEnableManagingUi, boolean notify) override {
    EsimData esim;
    esim.eid = ToWString(eid);
    esim.firmwareVersion = ToWString(firmwareVersion);
    esim.modemDeviceId = ToWString(modemDeviceId);
    esim.availableMemory = availableMemory;
    esim.state = state;
    esim.slotIndex = slotIndex;
    esim.shouldEnableManagingUi = shouldEnableManagingUi != 0;
    Scenario::Get().PutEsim(std::move(esim), notify != 0);
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE PutProfile(HSTRING eid, HSTRING iccid, INT32 profileClass,
                                       HSTRING nickname, HSTRING providerId, HSTRING providerName,
                                       INT32 state, boolean canDelete, boolean canDisable,
                                       boolean isManagedByEnterprise, boolean notify) override {
    ProfileData profile;
    profile.iccid = ToWString(iccid);
    profile.profileClass = profileClass;
    profile.nickname = ToWString(nickname);
    profile.providerId = ToWString(providerId);
    profile.providerName = ToWString(providerName);
    profile.state = state;
    profile.canDelete = canDelete != 0;
    profile.canDisable = canDisable != 0;
    profile.isManagedByEnterprise = isManagedByEnterprise != 0;
    return Scenario::Get().PutProfile(ToWString(eid), std::move(profile), notify != 0);
  }
  HRESULT STDMETHODCALLTYPE Publish(HSTRING eid, boolean added) override {
    return Scenario::Get().Publish(ToWString(eid), added ? ChangeKind::Added : ChangeKind::Updated);
  }
  HRESULT STDMETHODCALLTYPE RemoveEsim(HSTRING eid) override {
    return Scenario::Get().RemoveEsim(ToWString(eid));
  }
  HRESULT STDMETHODCALLTYPE Burst(HSTRING eid, UINT32 count) override {
    return Scenario::Get().Burst(ToWString(eid), count);
  }
  HRESULT STDMETHODCALLTYPE LiveObjects(INT32* count) override {
    if (count == nullptr) return E_POINTER;
    *count = static_cast<INT32>(LiveObjectCount().load() + Scenario::Get().Unclosed());
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE WaitIdle(UINT32 timeoutMs, boolean* idle) override {
    if (idle == nullptr) return E_POINTER;
    *idle = Scenario::Get().WaitIdle(timeoutMs);
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE RunningWatchers(INT32* count) override {
    if (count == nullptr) return E_POINTER;
    *count = Scenario::Get().Listening();
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE ScriptCode(HSTRING activationCode, INT32 download, INT32 install,
                                       INT32 decline, HSTRING iccid, INT32 profileClass,
                                       HSTRING providerId, HSTRING providerName,
                                       boolean canDelete, boolean canDisable,
                                       boolean isManagedByEnterprise,
                                       boolean confirmationRequired, HSTRING confirmationCode,
                                       UINT32 progressSteps, INT32 profileSizeBytes,
                                       UINT32 durationMs) override {
    CodeScript script;
    script.download = download;
    script.install = install;
    script.decline = decline;
    script.profile.iccid = ToWString(iccid);
    script.profile.profileClass = profileClass;
    script.profile.providerId = ToWString(providerId);
    script.profile.providerName = ToWString(providerName);
    script.profile.canDelete = canDelete != 0;
    script.profile.canDisable = canDisable != 0;
    script.profile.isManagedByEnterprise = isManagedByEnterprise != 0;
    script.confirmationRequired = confirmationRequired != 0;
    script.confirmationCode = ToWString(confirmationCode);
    script.progressSteps = progressSteps;
    script.profileSizeBytes = profileSizeBytes;
    script.durationMs = durationMs;
    Scenario::Get().ScriptCode(ToWString(activationCode), std::move(script));
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE ScriptProfile(HSTRING iccid, INT32 enable, INT32 disable,
                                          INT32 nickname, INT32 remove,
                                          UINT32 durationMs) override {
    Scenario::Get().ScriptProfile(ToWString(iccid),
                                  ProfileScript{enable, disable, nickname, remove, durationMs});
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE ScriptEsim(HSTRING eid, INT32 reset, UINT32 durationMs) override {
    Scenario::Get().ScriptEsim(ToWString(eid), EsimScript{reset, durationMs});
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE PutAccount(HSTRING networkAccountId, HSTRING fields) override {
    AccountFields parsed;
    const std::wstring text = ToWString(fields);
    size_t start = 0;
    while (start < text.size()) {
      size_t end = text.find(L'\n', start);
      if (end == std::wstring::npos) end = text.size();
      const std::wstring line = text.substr(start, end - start);
      const size_t equals = line.find(L'=');
      if (equals != std::wstring::npos) parsed[line.substr(0, equals)] = line.substr(equals + 1);
      start = end + 1;
    }
    const std::wstring id = ToWString(networkAccountId);
    const AccountFields after = parsed;
    std::shared_ptr<const AccountFields> before = Scenario::Get().PutAccount(id, std::move(parsed));
    AnnounceAccountChange(id, before.get(), &after);
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE RemoveAccount(HSTRING networkAccountId) override {
    const std::wstring id = ToWString(networkAccountId);
    std::shared_ptr<const AccountFields> before = Scenario::Get().RemoveAccount(id);
    if (!before) return E_INVALIDARG;
    AnnounceAccountChange(id, before.get(), nullptr);
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE ScriptDiscover(HSTRING server, HSTRING events, INT32 status,
                                           UINT32 durationMs) override {
    DiscoverScript script;
    script.status = status;
    script.durationMs = durationMs;
    const std::wstring text = ToWString(events);
    size_t start = 0;
    while (start < text.size()) {
      size_t end = text.find(L'\n', start);
      if (end == std::wstring::npos) end = text.size();
      const std::wstring line = text.substr(start, end - start);
      const size_t bar = line.find(L'|');
      if (bar != std::wstring::npos) script.events.emplace_back(line.substr(0, bar), line.substr(bar + 1));
      start = end + 1;
    }
    Scenario::Get().ScriptDiscover(ToWString(server), std::move(script));
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE RaiseNetworkStatusChanged() override {
    test_component::RaiseNetworkStatusChanged();
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE SetGhostAccount(HSTRING networkAccountId) override {
    Scenario::Get().SetGhostAccount(ToWString(networkAccountId));
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE SetCompletion(INT32 mode) override {
    if (mode < 0 || mode > 2) return E_INVALIDARG;
    Scenario::Get().SetCompletion(static_cast<CompletionMode>(mode));
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE OperationCounts(INT32* cancelCalls, INT32* synchronous,
                                            INT32* otherThread) override {
    if (cancelCalls == nullptr || synchronous == nullptr || otherThread == nullptr) {
      return E_POINTER;
    }
    Scenario::Get().Counts(cancelCalls, synchronous, otherThread);
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE LastBurstMicroseconds(UINT32* microseconds) override {
    if (microseconds == nullptr) return E_POINTER;
    *microseconds = Scenario::Get().LastBurstMicroseconds();
    return S_OK;
  }
};

}  // namespace

IActivationFactory* NewControlFactory() { return new ControlFactory(); }

}  // namespace test_component
