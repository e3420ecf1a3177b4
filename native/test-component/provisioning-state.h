// The provisioning side of the imitated Windows: the scripts queued for the next
// ProvisionFromXmlDocumentAsync calls and what reached the agents (IProvisioningTestControl).
// One per process, shared by the agents and the control, guarded by one lock.
#pragma once

#include <atomic>
#include <deque>
#include <mutex>
#include <string>
#include <vector>

#include "provisioning-document.h"

namespace test_component {

/** What one ProvisionFromXmlDocumentAsync does (IProvisioningTestControl::ScriptNext). */
struct ProvisioningScript {
  std::vector<ElementFailure> failures;
  /** A failure code: the operation ends with AsyncStatus::Error and it. */
  HRESULT operationError = S_OK;
  UINT32 durationMs = 0;
};

/** One document given to an agent. */
struct AppliedDocument {
  std::wstring document;
  std::wstring networkAccountId;
  UINT64 ownerWindow = 0;
};

class ProvisioningState {
 public:
  static ProvisioningState& Get();

  void Reset();
  void Queue(ProvisioningScript script);
  /** The next script (a default one, all applied, when none is queued); records the call. */
  ProvisioningScript Take(AppliedDocument applied);
  std::vector<AppliedDocument> Applied();

  void SetWindowInterface(bool present);
  bool WindowInterface();

  void CountAgent() { ++agents_; }
  void CountInitialize() { ++initializeCalls_; }
  void CountForeignThreadCall() { ++foreignThreadCalls_; }
  void Counts(INT32* agents, INT32* initializeCalls, INT32* foreignThreadCalls);

 private:
  ProvisioningState() = default;

  std::mutex mutex_;
  std::deque<ProvisioningScript> scripts_;
  std::vector<AppliedDocument> applied_;
  bool windowInterface_ = true;
  std::atomic<INT32> agents_{0};
  std::atomic<INT32> initializeCalls_{0};
  std::atomic<INT32> foreignThreadCalls_{0};
};

}  // namespace test_component
