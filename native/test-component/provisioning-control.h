// The provisioning part of the Wine test component's control: how a test scripts what the
// imitated ProvisioningAgent answers and reads what reached it (provisioning-agent.h). A class
// of its own, WindowsMobileBroadband.Testing.ProvisioningControl, so that ITestControl stays
// as it is; the common knobs still come from ITestControl (Reset() does not reset this part):
// SetCompletion (the operation ends on a thread of its own, inside put_Completed, or honours
// Cancel late), OperationCounts, LiveObjects (agents and results count), PutAccount (the
// accounts CreateFromNetworkAccountId knows) and SetFailure for these members:
// "ProvisioningAgent()" (activation), "ProvisioningAgent.CreateFromNetworkAccountId",
// "IInitializeWithWindow.Initialize", "ProvisioningAgent.ProvisionFromXmlDocumentAsync" (the
// call itself fails, before any operation exists).
#pragma once

#include <windows.h>
#include <inspectable.h>
#include <winstring.h>

inline constexpr const wchar_t* kProvisioningControlClass =
    L"WindowsMobileBroadband.Testing.ProvisioningControl";

// {1bbd3e4d-cc72-4fc7-855f-64aea4e23d6b}
MIDL_INTERFACE("1bbd3e4d-cc72-4fc7-855f-64aea4e23d6b")
IProvisioningTestControl : public IInspectable {
  /** Forgets scripts and records; agents take IInitializeWithWindow again. */
  virtual HRESULT STDMETHODCALLTYPE Reset() = 0;
  /**
   * Queues what the next ProvisionFromXmlDocumentAsync does (then they succeed again):
   * `failedElements` as "element|name|hresult" lines (name may be empty: any; hresult in hex),
   * reported failed in the result document with the rest applied; or, when `operationError`
   * is a failure (E_ACCESSDENIED: another operator's profiles), the operation ends with
   * AsyncStatus::Error and that code. It takes `durationMs` to end (Cancel ends it sooner).
   */
  virtual HRESULT STDMETHODCALLTYPE ScriptNext(HSTRING failedElements, HRESULT operationError,
                                               UINT32 durationMs) = 0;
  /** Whether new agents answer IInitializeWithWindow (true after Reset). */
  virtual HRESULT STDMETHODCALLTYPE SetWindowInterface(boolean present) = 0;
  /** Documents given to ProvisionFromXmlDocumentAsync since Reset, in order. */
  virtual HRESULT STDMETHODCALLTYPE AppliedCount(UINT32* count) = 0;
  /** One of them: the document as given, the agent's account ("" for the default agent) and
   *  the owner window the agent was initialized with (0: none). */
  virtual HRESULT STDMETHODCALLTYPE Applied(UINT32 index, HSTRING* document,
                                            HSTRING* networkAccountId, UINT64* ownerWindow) = 0;
  /** Agents made, IInitializeWithWindow::Initialize calls, and calls into an agent (its
   *  release included) on a thread other than the one that made it, since Reset. */
  virtual HRESULT STDMETHODCALLTYPE Counts(INT32* agents, INT32* initializeCalls,
                                           INT32* foreignThreadCalls) = 0;
};

#ifdef __CRT_UUID_DECL
__CRT_UUID_DECL(IProvisioningTestControl, 0x1bbd3e4d, 0xcc72, 0x4fc7, 0x85, 0x5f, 0x64, 0xae, 0xa4,
                0xe2, 0x3d, 0x6b)
#endif
