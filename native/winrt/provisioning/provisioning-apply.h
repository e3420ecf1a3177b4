// ProvisioningAgent.ProvisionFromXmlDocumentAsync, on the addon's MTA thread.
//
// ProvisioningAgent is threading "both" and not agile: the agent is made here (the default one
// through its activation factory, or ProvisioningAgent.CreateFromNetworkAccountId for one
// account), told its owner window (IInitializeWithWindow, for the UI Windows may show a
// desktop app), used to start the operation and released on this same thread when the
// operation is closed. The end is read into plain values on the thread Windows completes on
// (an MTA thread), so the JS thread makes no Windows call to settle its promise.
//
// The document can hold secrets (passwords): it is handed to Windows and to nothing else, and
// no failure here carries it, only the call's name and its HRESULT.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "../core/async-work.h"

namespace wmbb {

inline constexpr const wchar_t* kProvisioningAgentClass =
    L"Windows.Networking.NetworkOperators.ProvisioningAgent";

/** What became of the owner window the caller gave. */
enum class OwnerWindowUse : int32_t {
  /** None was given. */
  None = 0,
  /** IInitializeWithWindow::Initialize(hwnd) succeeded before the call. */
  Initialized = 1,
  /** The agent does not implement IInitializeWithWindow: the document was applied without it
   *  (the window only owns UI Windows may show; provisioning itself does not need it). */
  Unsupported = 2,
};

/** The end of ProvisionFromXmlDocumentAsync. */
struct ProvisioningApplyEnd {
  AsyncEndKind kind = AsyncEndKind::Failed;
  /** ProvisionFromXmlDocumentResults.AllElementsProvisioned (Completed only). */
  bool allElementsProvisioned = false;
  /** ProvisionFromXmlDocumentResults.ProvisionResultsXml (Completed only). */
  std::u16string resultsXml;
  OwnerWindowUse ownerWindow = OwnerWindowUse::None;
  Failure failure{E_FAIL, ""};
};

/** How to apply a document. */
struct ProvisioningApplyRequest {
  /** The CarrierProvisioning document, as the caller wrote it. */
  std::u16string document;
  /** The account whose agent applies it; empty: the default agent. */
  std::u16string networkAccountId;
  bool hasNetworkAccountId = false;
  /** The owner window (an HWND's value); 0: none. */
  uint64_t ownerWindow = 0;
};

/**
 * Makes the agent, initializes its owner window, starts ProvisionFromXmlDocumentAsync and
 * watches it. `onEnd` runs once, on the thread Windows completes on (possibly before this
 * returns). The work's Close() releases the agent (call it on the MTA thread, as the glue
 * does). On failure nothing was started, the agent is released here and `onEnd` never runs.
 * MTA thread only.
 */
Status ApplyProvisioningDocument(const ProvisioningApplyRequest& request,
                                 std::function<void(ProvisioningApplyEnd)> onEnd,
                                 std::shared_ptr<AsyncWork>* out);

}  // namespace wmbb
