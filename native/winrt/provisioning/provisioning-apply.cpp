#include "provisioning-apply.h"

// IInitializeWithWindow (shobjidl_core.h in the Windows SDK, shobjidl.h in mingw-w64).
#include <shobjidl.h>

#include <utility>

#include "../core/activation.h"
#include "../core/async-operation.h"
#include "../core/hstring.h"

namespace wmbb {
namespace {

using abi_netops::IProvisionFromXmlDocumentResults;
using abi_netops::IProvisioningAgent;
using abi_netops::IProvisioningAgentStaticMethods;
using ApplyOperation =
    abi_foundation::IAsyncOperation<abi_netops::ProvisionFromXmlDocumentResults*>;

constexpr const char* kApplyCall = "ProvisioningAgent.ProvisionFromXmlDocumentAsync";
constexpr const char* kResultsCall = "ProvisionFromXmlDocumentResults";

/** The default agent (`new ProvisioningAgent()`) or the account's. */
Status MakeAgent(const ProvisioningApplyRequest& request, ComPtr<IProvisioningAgent>* agent) {
  if (request.hasNetworkAccountId) {
    ComPtr<IProvisioningAgentStaticMethods> statics;
    if (auto f = GetActivationFactory(kProvisioningAgentClass,
                                      "RoGetActivationFactory(ProvisioningAgent)",
                                      std::addressof(statics)))
      return f;
    static constexpr const char* kCall = "ProvisioningAgent.CreateFromNetworkAccountId";
    HString id;
    if (auto f = HString::Create(request.networkAccountId, &id)) return f;
    if (auto f = Check(statics->CreateFromNetworkAccountId(id.Get(), agent->ReleaseAndGetAddressOf()),
                       kCall))
      return f;
    if (!*agent) return Failure{E_POINTER, kCall};
    return std::nullopt;
  }
  static constexpr const char* kCall = "ProvisioningAgent()";
  ComPtr<IActivationFactory> factory;
  if (auto f = GetActivationFactory(kProvisioningAgentClass,
                                    "RoGetActivationFactory(ProvisioningAgent)",
                                    std::addressof(factory)))
    return f;
  ComPtr<IInspectable> instance;
  if (auto f = Check(factory->ActivateInstance(&instance), kCall)) return f;
  if (!instance) return Failure{E_POINTER, kCall};
  return Check(instance.As(agent), kCall);
}

/** Hands the agent its owner window, where it takes one. */
Status InitializeOwnerWindow(IProvisioningAgent* agent, uint64_t ownerWindow, OwnerWindowUse* use) {
  *use = OwnerWindowUse::None;
  if (ownerWindow == 0) return std::nullopt;
  ComPtr<IInitializeWithWindow> initialize;
  const HRESULT hr = agent->QueryInterface(__uuidof(IInitializeWithWindow),
                                           reinterpret_cast<void**>(initialize.GetAddressOf()));
  if (hr == E_NOINTERFACE || (SUCCEEDED(hr) && !initialize)) {
    // An agent without it: the window would only own UI, and applying the document does not
    // depend on it, so it is applied anyway and the caller is told (a process warning).
    *use = OwnerWindowUse::Unsupported;
    return std::nullopt;
  }
  if (auto f = Check(hr, "ProvisioningAgent (IInitializeWithWindow)")) return f;
  HWND window = reinterpret_cast<HWND>(static_cast<uintptr_t>(ownerWindow));
  if (auto f = Check(initialize->Initialize(window), "IInitializeWithWindow.Initialize")) return f;
  *use = OwnerWindowUse::Initialized;
  return std::nullopt;
}

/** Reads the results into plain values; the results object is released on the MTA thread. */
ProvisioningApplyEnd ToEnd(AsyncEnd<IProvisionFromXmlDocumentResults>& end, OwnerWindowUse use) {
  ProvisioningApplyEnd out;
  out.kind = end.kind;
  out.failure = end.failure;
  out.ownerWindow = use;
  if (end.kind != AsyncEndKind::Completed) return out;
  ComPtr<IProvisionFromXmlDocumentResults> results = Take(end.result);
  auto fail = [&](Failure failure) {
    out.kind = AsyncEndKind::Failed;
    out.failure = failure;
    out.resultsXml.clear();
  };
  if (!results) {
    fail(Failure{E_POINTER, kResultsCall});
    return out;
  }
  boolean all = 0;
  HString xml;
  if (auto f = Check(results->get_AllElementsProvisioned(&all),
                     "ProvisionFromXmlDocumentResults.AllElementsProvisioned")) {
    fail(*f);
  } else if (auto g = Check(results->get_ProvisionResultsXml(xml.Put()),
                            "ProvisionFromXmlDocumentResults.ProvisionResultsXml")) {
    fail(*g);
  } else {
    out.allElementsProvisioned = all != 0;
    out.resultsXml = xml.View();
  }
  // Its threading is not documented: like the agent, it goes in the MTA, never on the
  // completing thread from inside the operation's callback.
  ReleaseLater([results]() mutable { results.Reset(); });
  results.Reset();
  return out;
}

/** The agent and its operation: cancelled together, released together on the MTA thread. */
class ProvisioningApply final : public AsyncWork {
 public:
  ProvisioningApply(ComPtr<IProvisioningAgent>& agent,
                    std::shared_ptr<AsyncOperation<ApplyOperation>> operation)
      : agent_(Take(agent)), operation_(std::move(operation)) {}

  Status Cancel() override { return operation_->Cancel(); }
  void Close() override {
    operation_->Close();
    // Closing happens on the MTA thread (the glue posts it there), where the agent was made.
    agent_.Reset();
  }

 private:
  ComPtr<IProvisioningAgent> agent_;
  std::shared_ptr<AsyncOperation<ApplyOperation>> operation_;
};

}  // namespace

Status ApplyProvisioningDocument(const ProvisioningApplyRequest& request,
                                 std::function<void(ProvisioningApplyEnd)> onEnd,
                                 std::shared_ptr<AsyncWork>* out) {
  if (!MtaThread::IsCurrent()) return Failure{RPC_E_WRONG_THREAD, kApplyCall};
  ComPtr<IProvisioningAgent> agent;
  if (auto f = MakeAgent(request, &agent)) return f;
  OwnerWindowUse use = OwnerWindowUse::None;
  if (auto f = InitializeOwnerWindow(agent.Get(), request.ownerWindow, &use)) return f;
  HString document;
  if (auto f = HString::Create(request.document, &document)) return f;
  ComPtr<ApplyOperation> operation;
  if (auto f = Check(agent->ProvisionFromXmlDocumentAsync(document.Get(), &operation), kApplyCall))
    return f;
  document.Reset();
  std::shared_ptr<AsyncOperation<ApplyOperation>> watched;
  if (auto f = AsyncOperation<ApplyOperation>::Watch(
          std::move(operation), kApplyCall,
          [onEnd = std::move(onEnd), use](AsyncOperation<ApplyOperation>::End end) {
            onEnd(ToEnd(end, use));
          },
          {}, &watched))
    return f;
  *out = std::make_shared<ProvisioningApply>(agent, std::move(watched));
  return std::nullopt;
}

}  // namespace wmbb
