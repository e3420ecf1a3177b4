// The Windows the component imitates: which eSIMs exist, how ESimManager answers, which calls
// fail. One per process, changed through ITestControl, read by the imitated classes.
#pragma once

#include <atomic>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "test-control.h"
#include "winrt.h"

namespace test_component {

struct ProfileData {
  std::wstring iccid;
  INT32 profileClass = 0;
  std::wstring nickname;
  std::wstring providerId;
  std::wstring providerName;
  INT32 state = 0;
  bool canDelete = true;
  bool canDisable = true;
  bool isManagedByEnterprise = false;
};

struct EsimData {
  std::wstring eid;
  std::wstring firmwareVersion;
  std::wstring modemDeviceId;
  INT32 availableMemory = -1;  // < 0: no value
  INT32 state = 1;
  INT32 slotIndex = -1;  // < 0: no value
  bool shouldEnableManagingUi = false;
  std::vector<ProfileData> profiles;
};

/** A mobile broadband account's fields by name (accounts.cpp reads them); immutable once put. */
using AccountFields = std::map<std::wstring, std::wstring>;  // as in connection-profiles.h
using AccountSnapshot = std::pair<std::wstring, std::shared_ptr<const AccountFields>>;

/** eSIM objects are immutable snapshots: a change makes a new one, so threads never race. */
using EsimSnapshot = std::shared_ptr<const EsimData>;

enum class ChangeKind { Added, Updated, Removed };

/** ESimOperationStatus values the rules use. */
enum EsimStatus : INT32 {
  kSuccess = 0,
  kNotFound = 2,
  kPolicyViolation = 3,
  kIncorrectConfirmationCode = 8,
  kCardRemoved = 10,
  kConfirmationCodeMissing = 14,
  kInvalidMatchingId = 15,
  kIccidAlreadyExists = 25,
};

/** How an activation code is answered (ITestControl::ScriptCode). */
struct CodeScript {
  INT32 download = kSuccess;
  INT32 install = kSuccess;
  INT32 decline = kSuccess;
  /** The profile on offer, installed as is on success. */
  ProfileData profile;
  bool confirmationRequired = false;
  /** Expected confirmation code; empty: any is accepted. */
  std::wstring confirmationCode;
  UINT32 progressSteps = 4;
  INT32 profileSizeBytes = 262144;
  UINT32 durationMs = 0;
};

/** Scripted statuses of one profile's operations; -1: the rules decide. */
struct ProfileScript {
  INT32 enable = -1;
  INT32 disable = -1;
  INT32 nickname = -1;
  INT32 remove = -1;
  UINT32 durationMs = 0;
};

/** Scripted status of one eSIM's reset; -1: the rules decide. */
struct EsimScript {
  INT32 reset = -1;
  UINT32 durationMs = 0;
};

/** What a discovery at one server finds (ITestControl::ScriptDiscover; the default SM-DS of
 *  ESim.DiscoverAsync() is the server ""). An unscripted server asked with a matching id answers
 *  from the code scripts instead: the profile waiting under "1$server$matchingId". */
struct DiscoverScript {
  INT32 status = 0;
  UINT32 durationMs = 0;
  /** matching id, SM-DP+ address */
  std::vector<std::pair<std::wstring, std::wstring>> events;
};

/** How asynchronous operations complete (ITestControl::SetCompletion). */
enum class CompletionMode : INT32 {
  OtherThread = 0,
  Synchronous = 1,
  /** Other thread, and Cancel() is counted but not honoured: the operation ends when its
   *  duration is over, as a remote operation (eSIM: [RemoteAsync]) may answer a cancel late. */
  LateCancel = 2,
};

/** What a running watcher receives from the scenario. */
class ScenarioListener {
 public:
  virtual void OnChange(ChangeKind kind, EsimSnapshot esim) = 0;
  virtual void OnBurst(EsimSnapshot esim, UINT32 count) = 0;

 protected:
  ~ScenarioListener() = default;
};

class Scenario {
 public:
  static Scenario& Get();

  void Reset();
  TestAccess Access();
  void SetAccess(TestAccess access);
  void ServiceInfo(INT32* authenticationPreference, bool* uiEnabled);
  void SetServiceInfo(INT32 authenticationPreference, bool uiEnabled);
  void SetFailure(const std::wstring& member, HRESULT hr);
  /** The injected failure of `member`, or S_OK. Cheap when no failure is set. */
  HRESULT FailureOf(const wchar_t* member);

  // --- mobile broadband accounts (accounts.cpp) -----------------------------------------------
  /** Adds or replaces the account `id` (listed in the order first put). */
  /** Returns the fields the account had before (null: it is new). */
  std::shared_ptr<const AccountFields> PutAccount(const std::wstring& id, AccountFields fields);
  /** Returns the fields the removed account had (null: there was none). */
  std::shared_ptr<const AccountFields> RemoveAccount(const std::wstring& id);
  std::vector<AccountSnapshot> Accounts();
  /** An id listed by AvailableNetworkAccountIds that CreateFromNetworkAccountId does not know
   *  (an account gone between the two calls); empty for none. */
  void SetGhostAccount(const std::wstring& id);
  std::wstring GhostAccount();

  void PutEsim(EsimData esim, bool notify);
  HRESULT PutProfile(const std::wstring& eid, ProfileData profile, bool notify);
  HRESULT Publish(const std::wstring& eid, ChangeKind kind);
  HRESULT RemoveEsim(const std::wstring& eid);
  HRESULT Burst(const std::wstring& eid, UINT32 count);

  /** Registers a starting watcher and returns the eSIMs it enumerates, atomically, so that a
   *  change is either in the enumeration or delivered after it, never lost or doubled. */
  std::vector<EsimSnapshot> Listen(ScenarioListener* listener);
  void StopListening(ScenarioListener* listener);
  int Listening();

  // --- operations --------------------------------------------------------------------------
  void ScriptCode(const std::wstring& code, CodeScript script);
  std::optional<CodeScript> CodeScriptOf(const std::wstring& code);
  void ScriptProfile(const std::wstring& iccid, ProfileScript script);
  ProfileScript ProfileScriptOf(const std::wstring& iccid);
  void ScriptEsim(const std::wstring& eid, EsimScript script);
  EsimScript EsimScriptOf(const std::wstring& eid);
  /** `server` in lower case; "" is the default SM-DS. */
  void ScriptDiscover(const std::wstring& server, DiscoverScript script);
  std::optional<DiscoverScript> DiscoverScriptOf(const std::wstring& server);
  CompletionMode Completion();
  void SetCompletion(CompletionMode mode);
  /** The eSIM with this EID now, or null. */
  EsimSnapshot FindEsim(const std::wstring& eid);
  /**
   * Changes an eSIM atomically: `change` edits a copy and returns a status; on kSuccess with
   * `*changed`, the copy replaces the eSIM and running watchers see Updated. An absent eSIM is
   * kNotFound.
   */
  INT32 ChangeEsim(const std::wstring& eid,
                   const std::function<INT32(EsimData& esim, bool* changed)>& change);

  void CountCancel() { ++cancelCalls_; }
  void CountCompletion(bool synchronous) { ++(synchronous ? synchronous_ : otherThread_); }
  void CountUnclosed() { ++unclosed_; }
  void Counts(INT32* cancelCalls, INT32* synchronous, INT32* otherThread);
  /** Operations released without IAsyncInfo::Close() since Reset(). */
  long Unclosed() { return unclosed_.load(); }

  /** Burst timing (ITestControl::LastBurstMicroseconds): 0 while a burst runs. */
  void BurstStarted() { lastBurstUs_ = 0; }
  void BurstFinished(UINT32 microseconds) { lastBurstUs_ = microseconds; }
  UINT32 LastBurstMicroseconds() { return lastBurstUs_.load(); }

  /** Watcher threads alive (WaitIdle). */
  void ThreadStarted();
  void ThreadEnded();
  bool WaitIdle(UINT32 timeoutMs);

 private:
  Scenario() = default;
  void Notify(ChangeKind kind, const EsimSnapshot& esim);

  std::mutex mutex_;
  std::vector<EsimSnapshot> esims_;
  TestAccess access_ = TestAccess::Authorized;
  INT32 authenticationPreference_ = 1;
  bool uiEnabled_ = true;
  std::map<std::wstring, HRESULT> failures_;
  std::atomic<bool> anyFailure_{false};
  std::vector<ScenarioListener*> listeners_;
  std::map<std::wstring, CodeScript> codes_;
  std::map<std::wstring, ProfileScript> profiles_;
  std::map<std::wstring, EsimScript> cards_;
  std::map<std::wstring, DiscoverScript> discoveries_;
  CompletionMode completion_ = CompletionMode::OtherThread;
  std::vector<AccountSnapshot> accounts_;
  std::wstring ghostAccount_;
  std::atomic<INT32> cancelCalls_{0};
  std::atomic<INT32> synchronous_{0};
  std::atomic<INT32> otherThread_{0};
  std::atomic<long> unclosed_{0};
  std::atomic<UINT32> lastBurstUs_{0};
  std::mutex threadsMutex_;
  std::condition_variable threadsIdle_;
  int threads_ = 0;
};

}  // namespace test_component
