// The control interface of the Wine test component: how a test tells the component which
// Windows to imitate, and asks it how many of its objects are still alive. Shared by the
// component (which implements it) and the test-only control addon (which calls it). Never part
// of the shipped addon.
//
// Activated like any WinRT class, through RoGetActivationFactory("WindowsMobileBroadband.Testing
// .Control"): combase loads the same DLL instance the addon's ESimManager activation loaded, so
// the control and the imitated classes share one state.
#pragma once

#include <windows.h>
#include <inspectable.h>
#include <winstring.h>

inline constexpr const wchar_t* kTestControlClass = L"WindowsMobileBroadband.Testing.Control";

/** How ESimManager answers. */
enum class TestAccess : INT32 {
  Authorized = 0,
  /** TryCreateESimWatcher() returns null, as for a process without the eSIM capability. */
  WatcherNull = 1,
  /** Activating ESimManager fails with REGDB_E_CLASSNOTREG, as where the class is missing. */
  ClassNotRegistered = 2,
};

// {6c0f7d55-3a0e-4a37-9b3e-2f4be1a0c7d1}
MIDL_INTERFACE("6c0f7d55-3a0e-4a37-9b3e-2f4be1a0c7d1")
ITestControl : public IInspectable {
  /** Forgets every eSIM and failure; access Authorized; default service info. */
  virtual HRESULT STDMETHODCALLTYPE Reset() = 0;
  virtual HRESULT STDMETHODCALLTYPE SetAccess(INT32 access) = 0;
  virtual HRESULT STDMETHODCALLTYPE SetServiceInfo(INT32 authenticationPreference, boolean uiEnabled) = 0;
  /** Makes the named member ("ESimManager.ServiceInfo", "ESimWatcher.Start", "ESim.Eid", …)
   *  fail with `hr` until Reset(); S_OK clears it. */
  virtual HRESULT STDMETHODCALLTYPE SetFailure(HSTRING member, HRESULT hr) = 0;
  /** Adds or replaces an eSIM (keyed by EID), keeping the profiles of one it replaces. A
   *  negative memory or slot means "no value". With `notify`, running watchers see Added or
   *  Updated; without, the test composes a change and announces it with Publish(). */
  virtual HRESULT STDMETHODCALLTYPE PutEsim(HSTRING eid, HSTRING firmwareVersion, HSTRING modemDeviceId,
                                            INT32 availableMemory, INT32 state, INT32 slotIndex,
                                            boolean shouldEnableManagingUi, boolean notify) = 0;
  /** Adds or replaces a profile (keyed by ICCID) of an eSIM; with `notify`, running watchers see
   *  Updated. */
  virtual HRESULT STDMETHODCALLTYPE PutProfile(HSTRING eid, HSTRING iccid, INT32 profileClass,
                                               HSTRING nickname, HSTRING providerId,
                                               HSTRING providerName, INT32 state, boolean canDelete,
                                               boolean canDisable, boolean isManagedByEnterprise,
                                               boolean notify) = 0;
  /** Running watchers see the eSIM as it is now: Added (`added` true) or Updated. */
  virtual HRESULT STDMETHODCALLTYPE Publish(HSTRING eid, boolean added) = 0;
  /** Removes an eSIM; running watchers see Removed. */
  virtual HRESULT STDMETHODCALLTYPE RemoveEsim(HSTRING eid) = 0;
  /** Each running watcher raises `count` Updated events for the eSIM back to back from its own
   *  thread, with firmwareVersion "burst-1" … "burst-<count>". Returns at once. */
  virtual HRESULT STDMETHODCALLTYPE Burst(HSTRING eid, UINT32 count) = 0;
  /** Component objects alive, plus event registrations never removed, plus operations
   *  released without IAsyncInfo::Close() since Reset() (the control excluded). */
  virtual HRESULT STDMETHODCALLTYPE LiveObjects(INT32* count) = 0;
  /** Waits until no watcher thread of the component runs; `idle` false on timeout. */
  virtual HRESULT STDMETHODCALLTYPE WaitIdle(UINT32 timeoutMs, boolean* idle) = 0;
  /** Watchers started and not stopped. */
  virtual HRESULT STDMETHODCALLTYPE RunningWatchers(INT32* count) = 0;

  // --- asynchronous operations (esim-operations.h has the rules) ---------------------------
  /** How an activation code is answered: statuses (ESimOperationStatus values) of the
   *  download, the install and a decline; the profile on offer; whether a confirmation code is
   *  required and which one (empty: any); the install's progress and every operation's
   *  duration in ms. Codes are compared as given: pass them normalised. */
  virtual HRESULT STDMETHODCALLTYPE ScriptCode(HSTRING activationCode, INT32 download,
                                               INT32 install, INT32 decline, HSTRING iccid,
                                               INT32 profileClass, HSTRING providerId,
                                               HSTRING providerName, boolean canDelete,
                                               boolean canDisable, boolean isManagedByEnterprise,
                                               boolean confirmationRequired,
                                               HSTRING confirmationCode, UINT32 progressSteps,
                                               INT32 profileSizeBytes, UINT32 durationMs) = 0;
  /** Statuses of a profile's Enable, Disable, SetNickname and Delete (-1: the rules decide) and
   *  their duration in ms. */
  virtual HRESULT STDMETHODCALLTYPE ScriptProfile(HSTRING iccid, INT32 enable, INT32 disable,
                                                  INT32 nickname, INT32 remove,
                                                  UINT32 durationMs) = 0;
  /** Status of an eSIM's Reset (-1: the rules decide) and its duration in ms. */
  virtual HRESULT STDMETHODCALLTYPE ScriptEsim(HSTRING eid, INT32 reset, UINT32 durationMs) = 0;
  /** 0: operations end on a thread of their own; 1: synchronously inside put_Completed;
   *  2: on a thread of their own, Cancel() not honoured (they end when their time is up). */
  virtual HRESULT STDMETHODCALLTYPE SetCompletion(INT32 mode) = 0;
  /** IAsyncInfo::Cancel() calls, and completions inside put_Completed / on another thread,
   *  since Reset(). */
  virtual HRESULT STDMETHODCALLTYPE OperationCounts(INT32* cancelCalls, INT32* synchronous,
                                                    INT32* otherThread) = 0;
  /** How long the last finished Burst() took on its watcher's thread, in microseconds: making
   *  each event and raising it, with the handlers' time (the addon reading the eSIM and queuing
   *  it) included. 0 before the first burst after Reset() and while one runs. */
  virtual HRESULT STDMETHODCALLTYPE LastBurstMicroseconds(UINT32* microseconds) = 0;

  // --- mobile broadband accounts (accounts.h) ------------------------------------------------
  /** Adds or replaces an account; `fields` is "name=value" lines (accounts.cpp's names). */
  virtual HRESULT STDMETHODCALLTYPE PutAccount(HSTRING networkAccountId, HSTRING fields) = 0;
  virtual HRESULT STDMETHODCALLTYPE RemoveAccount(HSTRING networkAccountId) = 0;
  /** An id AvailableNetworkAccountIds lists but no account answers to (empty: none). */
  virtual HRESULT STDMETHODCALLTYPE SetGhostAccount(HSTRING networkAccountId) = 0;
  /** NetworkInformation.NetworkStatusChanged to every handler, on a thread of its own. */
  virtual HRESULT STDMETHODCALLTYPE RaiseNetworkStatusChanged() = 0;
  /** What a discovery at `server` finds (empty: the default SM-DS of ESim.DiscoverAsync()): the
   *  status, on success the events ("matchingId|smdpAddress" lines), and how long it takes. */
  virtual HRESULT STDMETHODCALLTYPE ScriptDiscover(HSTRING server, HSTRING events, INT32 status,
                                                   UINT32 durationMs) = 0;
};

#ifdef __CRT_UUID_DECL
__CRT_UUID_DECL(ITestControl, 0x6c0f7d55, 0x3a0e, 0x4a37, 0x9b, 0x3e, 0x2f, 0x4b, 0xe1, 0xa0, 0xc7, 0xd1)
#endif
