#include "scenario.h"

#include <algorithm>
#include <chrono>

namespace test_component {

Scenario& Scenario::Get() {
  static Scenario scenario;
  // A process started with WMBB_TEST_ESIM_ACCESS=watcherNull plays an unpackaged one from its
  // first call, before any control could reach it (the lane's CLI runs in a child process).
  static std::once_flag fromEnvironment;
  std::call_once(fromEnvironment, [] {
    wchar_t value[32] = {};
    const DWORD length = GetEnvironmentVariableW(L"WMBB_TEST_ESIM_ACCESS", value, 32);
    if (length > 0 && length < 32 && std::wstring(value) == L"watcherNull") {
      scenario.SetAccess(TestAccess::WatcherNull);
    }
  });
  return scenario;
}

void Scenario::Reset() {
  std::lock_guard<std::mutex> lock(mutex_);
  esims_.clear();
  access_ = TestAccess::Authorized;
  authenticationPreference_ = 1;
  uiEnabled_ = true;
  failures_.clear();
  anyFailure_ = false;
  codes_.clear();
  profiles_.clear();
  cards_.clear();
  discoveries_.clear();
  completion_ = CompletionMode::OtherThread;
  accounts_.clear();
  ghostAccount_.clear();
  cancelCalls_ = 0;
  synchronous_ = 0;
  otherThread_ = 0;
  unclosed_ = 0;
  lastBurstUs_ = 0;
}

TestAccess Scenario::Access() {
  std::lock_guard<std::mutex> lock(mutex_);
  return access_;
}

void Scenario::SetAccess(TestAccess access) {
  std::lock_guard<std::mutex> lock(mutex_);
  access_ = access;
}

void Scenario::ServiceInfo(INT32* authenticationPreference, bool* uiEnabled) {
  std::lock_guard<std::mutex> lock(mutex_);
  *authenticationPreference = authenticationPreference_;
  *uiEnabled = uiEnabled_;
}

void Scenario::SetServiceInfo(INT32 authenticationPreference, bool uiEnabled) {
  std::lock_guard<std::mutex> lock(mutex_);
  authenticationPreference_ = authenticationPreference;
  uiEnabled_ = uiEnabled;
}

void Scenario::SetFailure(const std::wstring& member, HRESULT hr) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (hr == S_OK) {
    failures_.erase(member);
  } else {
    failures_[member] = hr;
  }
  anyFailure_ = !failures_.empty();
}

HRESULT Scenario::FailureOf(const wchar_t* member) {
  // Property reads happen per event in bursts: skip the lock when nothing can fail.
  if (!anyFailure_) return S_OK;
  std::lock_guard<std::mutex> lock(mutex_);
  auto found = failures_.find(member);
  return found == failures_.end() ? S_OK : found->second;
}

void Scenario::Notify(ChangeKind kind, const EsimSnapshot& esim) {
  for (ScenarioListener* listener : listeners_) listener->OnChange(kind, esim);
}

void Scenario::PutEsim(EsimData esim, bool notify) {
  std::lock_guard<std::mutex> lock(mutex_);
  for (auto& existing : esims_) {
    if (existing->eid == esim.eid) {
      esim.profiles = existing->profiles;
      existing = std::make_shared<const EsimData>(std::move(esim));
      if (notify) Notify(ChangeKind::Updated, existing);
      return;
    }
  }
  esims_.push_back(std::make_shared<const EsimData>(std::move(esim)));
  if (notify) Notify(ChangeKind::Added, esims_.back());
}

HRESULT Scenario::Publish(const std::wstring& eid, ChangeKind kind) {
  std::lock_guard<std::mutex> lock(mutex_);
  for (const auto& existing : esims_) {
    if (existing->eid != eid) continue;
    Notify(kind, existing);
    return S_OK;
  }
  return E_INVALIDARG;
}

HRESULT Scenario::PutProfile(const std::wstring& eid, ProfileData profile, bool notify) {
  std::lock_guard<std::mutex> lock(mutex_);
  for (auto& existing : esims_) {
    if (existing->eid != eid) continue;
    EsimData changed = *existing;
    auto same = std::find_if(changed.profiles.begin(), changed.profiles.end(),
                             [&](const ProfileData& p) { return p.iccid == profile.iccid; });
    if (same == changed.profiles.end()) {
      changed.profiles.push_back(std::move(profile));
    } else {
      *same = std::move(profile);
    }
    existing = std::make_shared<const EsimData>(std::move(changed));
    if (notify) Notify(ChangeKind::Updated, existing);
    return S_OK;
  }
  return E_INVALIDARG;
}

HRESULT Scenario::RemoveEsim(const std::wstring& eid) {
  std::lock_guard<std::mutex> lock(mutex_);
  for (auto it = esims_.begin(); it != esims_.end(); ++it) {
    if ((*it)->eid != eid) continue;
    EsimData removed = **it;
    removed.state = 2;  // ESimState.Removed, as Windows reports a removed card
    esims_.erase(it);
    Notify(ChangeKind::Removed, std::make_shared<const EsimData>(std::move(removed)));
    return S_OK;
  }
  return E_INVALIDARG;
}

HRESULT Scenario::Burst(const std::wstring& eid, UINT32 count) {
  std::lock_guard<std::mutex> lock(mutex_);
  for (const auto& existing : esims_) {
    if (existing->eid != eid) continue;
    for (ScenarioListener* listener : listeners_) listener->OnBurst(existing, count);
    return S_OK;
  }
  return E_INVALIDARG;
}

void Scenario::ScriptCode(const std::wstring& code, CodeScript script) {
  std::lock_guard<std::mutex> lock(mutex_);
  codes_[code] = std::move(script);
}

std::optional<CodeScript> Scenario::CodeScriptOf(const std::wstring& code) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto found = codes_.find(code);
  if (found == codes_.end()) return std::nullopt;
  return found->second;
}

void Scenario::ScriptProfile(const std::wstring& iccid, ProfileScript script) {
  std::lock_guard<std::mutex> lock(mutex_);
  profiles_[iccid] = script;
}

ProfileScript Scenario::ProfileScriptOf(const std::wstring& iccid) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto found = profiles_.find(iccid);
  return found == profiles_.end() ? ProfileScript{} : found->second;
}

void Scenario::ScriptEsim(const std::wstring& eid, EsimScript script) {
  std::lock_guard<std::mutex> lock(mutex_);
  cards_[eid] = script;
}

EsimScript Scenario::EsimScriptOf(const std::wstring& eid) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto found = cards_.find(eid);
  return found == cards_.end() ? EsimScript{} : found->second;
}

namespace {
/** Host names compare without case, as the fake's do. */
std::wstring LowerCase(std::wstring text) {
  for (wchar_t& c : text) {
    if (c >= L'A' && c <= L'Z') c = static_cast<wchar_t>(c - L'A' + L'a');
  }
  return text;
}
}  // namespace

void Scenario::ScriptDiscover(const std::wstring& server, DiscoverScript script) {
  std::lock_guard<std::mutex> lock(mutex_);
  discoveries_[LowerCase(server)] = std::move(script);
}

std::optional<DiscoverScript> Scenario::DiscoverScriptOf(const std::wstring& server) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto found = discoveries_.find(LowerCase(server));
  if (found == discoveries_.end()) return std::nullopt;
  return found->second;
}

std::shared_ptr<const AccountFields> Scenario::PutAccount(const std::wstring& id,
                                                         AccountFields fields) {
  auto snapshot = std::make_shared<const AccountFields>(std::move(fields));
  std::lock_guard<std::mutex> lock(mutex_);
  for (AccountSnapshot& account : accounts_) {
    if (account.first == id) {
      std::shared_ptr<const AccountFields> before = std::move(account.second);
      account.second = std::move(snapshot);
      return before;
    }
  }
  accounts_.emplace_back(id, std::move(snapshot));
  return nullptr;
}

std::shared_ptr<const AccountFields> Scenario::RemoveAccount(const std::wstring& id) {
  std::lock_guard<std::mutex> lock(mutex_);
  for (auto it = accounts_.begin(); it != accounts_.end(); ++it) {
    if (it->first == id) {
      std::shared_ptr<const AccountFields> before = std::move(it->second);
      accounts_.erase(it);
      return before;
    }
  }
  return nullptr;
}

std::vector<AccountSnapshot> Scenario::Accounts() {
  std::lock_guard<std::mutex> lock(mutex_);
  return accounts_;
}

void Scenario::SetGhostAccount(const std::wstring& id) {
  std::lock_guard<std::mutex> lock(mutex_);
  ghostAccount_ = id;
}

std::wstring Scenario::GhostAccount() {
  std::lock_guard<std::mutex> lock(mutex_);
  return ghostAccount_;
}

CompletionMode Scenario::Completion() {
  std::lock_guard<std::mutex> lock(mutex_);
  return completion_;
}

void Scenario::SetCompletion(CompletionMode mode) {
  std::lock_guard<std::mutex> lock(mutex_);
  completion_ = mode;
}

EsimSnapshot Scenario::FindEsim(const std::wstring& eid) {
  std::lock_guard<std::mutex> lock(mutex_);
  for (const auto& esim : esims_) {
    if (esim->eid == eid) return esim;
  }
  return nullptr;
}

INT32 Scenario::ChangeEsim(const std::wstring& eid,
                           const std::function<INT32(EsimData& esim, bool* changed)>& change) {
  std::lock_guard<std::mutex> lock(mutex_);
  for (auto& existing : esims_) {
    if (existing->eid != eid) continue;
    EsimData copy = *existing;
    bool changed = false;
    const INT32 status = change(copy, &changed);
    if (status == kSuccess && changed) {
      existing = std::make_shared<const EsimData>(std::move(copy));
      Notify(ChangeKind::Updated, existing);
    }
    return status;
  }
  return kNotFound;
}

void Scenario::Counts(INT32* cancelCalls, INT32* synchronous, INT32* otherThread) {
  *cancelCalls = cancelCalls_.load();
  *synchronous = synchronous_.load();
  *otherThread = otherThread_.load();
}

std::vector<EsimSnapshot> Scenario::Listen(ScenarioListener* listener) {
  std::lock_guard<std::mutex> lock(mutex_);
  listeners_.push_back(listener);
  return esims_;
}

void Scenario::StopListening(ScenarioListener* listener) {
  std::lock_guard<std::mutex> lock(mutex_);
  listeners_.erase(std::remove(listeners_.begin(), listeners_.end(), listener), listeners_.end());
}

int Scenario::Listening() {
  std::lock_guard<std::mutex> lock(mutex_);
  return static_cast<int>(listeners_.size());
}

void Scenario::ThreadStarted() {
  std::lock_guard<std::mutex> lock(threadsMutex_);
  ++threads_;
}

void Scenario::ThreadEnded() {
  std::lock_guard<std::mutex> lock(threadsMutex_);
  if (--threads_ == 0) threadsIdle_.notify_all();
}

bool Scenario::WaitIdle(UINT32 timeoutMs) {
  std::unique_lock<std::mutex> lock(threadsMutex_);
  return threadsIdle_.wait_for(lock, std::chrono::milliseconds(timeoutMs),
                               [this] { return threads_ == 0; });
}

}  // namespace test_component
