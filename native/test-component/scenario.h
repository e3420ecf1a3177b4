// The Windows the component imitates: which eSIMs exist, how ESimManager answers, which calls
// fail. One per process, changed through ITestControl, read by the imitated classes.
#pragma once

#include <atomic>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
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

/** eSIM objects are immutable snapshots: a change makes a new one, so threads never race. */
using EsimSnapshot = std::shared_ptr<const EsimData>;

enum class ChangeKind { Added, Updated, Removed };

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
  std::mutex threadsMutex_;
  std::condition_variable threadsIdle_;
  int threads_ = 0;
};

}  // namespace test_component
