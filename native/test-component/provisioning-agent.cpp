#include "provisioning-agent.h"

#include <shobjidl.h>

#include <string>
#include <utility>

#include "imitated-operation.h"
#include "provisioning-control.h"
#include "provisioning-document.h"
#include "provisioning-state.h"
#include "runtime-object.h"
#include "scenario.h"

namespace test_component {
namespace {

constexpr HRESULT kNotFound = static_cast<HRESULT>(0x80070490L);  // ERROR_NOT_FOUND
constexpr const wchar_t* kAgentClass = L"Windows.Networking.NetworkOperators.ProvisioningAgent";

using ApplyOperation = foundation::IAsyncOperation<netops::ProvisionFromXmlDocumentResults*>;

HRESULT Fails(const wchar_t* member) { return Scenario::Get().FailureOf(member); }

class Results final : public RuntimeObject<Results, true, netops::IProvisionFromXmlDocumentResults> {
 public:
  static constexpr const wchar_t* kClassName =
      L"Windows.Networking.NetworkOperators.ProvisionFromXmlDocumentResults";
  Results(bool all, std::wstring xml) : all_(all), xml_(std::move(xml)) {}

  HRESULT STDMETHODCALLTYPE get_AllElementsProvisioned(boolean* value) override {
    if (value == nullptr) return E_POINTER;
    *value = all_ ? 1 : 0;
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE get_ProvisionResultsXml(HSTRING* value) override {
    return MakeHString(xml_, value);
  }

 private:
  const bool all_;
  const std::wstring xml_;
};

class Agent final
    : public RuntimeObject<Agent, true, netops::IProvisioningAgent, IInitializeWithWindow> {
 public:
  static constexpr const wchar_t* kClassName = kAgentClass;
  explicit Agent(std::wstring networkAccountId)
      : networkAccountId_(std::move(networkAccountId)),
        windowInterface_(ProvisioningState::Get().WindowInterface()),
        owner_(GetCurrentThreadId()) {
    ProvisioningState::Get().CountAgent();
  }

  HRESULT STDMETHODCALLTYPE QueryInterface(REFIID iid, void** object) override {
    Touch();
    if (iid == __uuidof(IInitializeWithWindow) && !windowInterface_) {
      if (object != nullptr) *object = nullptr;
      return E_NOINTERFACE;
    }
    return RuntimeObject::QueryInterface(iid, object);
  }
  ULONG STDMETHODCALLTYPE AddRef() override {
    Touch();
    return RuntimeObject::AddRef();
  }
  ULONG STDMETHODCALLTYPE Release() override {
    Touch();
    return RuntimeObject::Release();
  }

  // --- IInitializeWithWindow ----------------------------------------------------------------
  HRESULT STDMETHODCALLTYPE Initialize(HWND window) override {
    Touch();
    if (HRESULT hr = Fails(L"IInitializeWithWindow.Initialize"); FAILED(hr)) return hr;
    ProvisioningState::Get().CountInitialize();
    ownerWindow_ = static_cast<UINT64>(reinterpret_cast<uintptr_t>(window));
    return S_OK;
  }

  // --- IProvisioningAgent -------------------------------------------------------------------
  HRESULT STDMETHODCALLTYPE ProvisionFromXmlDocumentAsync(HSTRING document,
                                                          ApplyOperation** operation) override {
    Touch();
    if (operation == nullptr) return E_POINTER;
    *operation = nullptr;
    if (HRESULT hr = Fails(L"ProvisioningAgent.ProvisionFromXmlDocumentAsync"); FAILED(hr)) {
      return hr;
    }
    std::wstring text = ToWString(document);
    ProvisioningScript script =
        ProvisioningState::Get().Take(AppliedDocument{text, networkAccountId_, ownerWindow_});
    ImitatedOperation<ApplyOperation>::Plan plan;
    plan.durationMs = script.durationMs;
    // Values only: the operation's thread never touches the agent.
    plan.finish = [text = std::move(text), script = std::move(script)](
                      ComPtr<netops::IProvisionFromXmlDocumentResults>* results) -> HRESULT {
      if (FAILED(script.operationError)) return script.operationError;
      const ProvisionedElements elements = ReadProvisionedElements(text);
      // Not a CarrierProvisioning document: Windows rejects the whole of it.
      if (!elements.carrierProvisioning) return E_INVALIDARG;
      bool all = true;
      std::wstring xml = WriteProvisioningResults(elements, script.failures, &all);
      *results->ReleaseAndGetAddressOf() = new Results(all, std::move(xml));  // not Attach: mingw-w64's adds a reference
      return S_OK;
    };
    *operation = ImitatedOperation<ApplyOperation>::Start(std::move(plan));
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE GetProvisionedProfile(netops::ProfileMediaType, HSTRING,
                                                  netops::IProvisionedProfile** profile) override {
    Touch();
    if (profile != nullptr) *profile = nullptr;
    return E_NOTIMPL;  // not imitated: the package does not call it
  }

 private:
  /** The real ProvisioningAgent is not agile: any call from another thread is counted. */
  void Touch() {
    if (GetCurrentThreadId() != owner_) ProvisioningState::Get().CountForeignThreadCall();
  }

  const std::wstring networkAccountId_;
  const bool windowInterface_;
  const DWORD owner_;
  UINT64 ownerWindow_ = 0;
};

class AgentFactory final
    : public RuntimeObject<AgentFactory, true, IActivationFactory,
                           netops::IProvisioningAgentStaticMethods> {
 public:
  static constexpr const wchar_t* kClassName = kAgentClass;

  HRESULT STDMETHODCALLTYPE ActivateInstance(IInspectable** instance) override {
    if (instance == nullptr) return E_POINTER;
    *instance = nullptr;
    if (HRESULT hr = Fails(L"ProvisioningAgent()"); FAILED(hr)) return hr;
    *instance = static_cast<netops::IProvisioningAgent*>(new Agent(L""));
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE CreateFromNetworkAccountId(HSTRING id,
                                                       netops::IProvisioningAgent** agent) override {
    if (agent == nullptr) return E_POINTER;
    *agent = nullptr;
    if (HRESULT hr = Fails(L"ProvisioningAgent.CreateFromNetworkAccountId"); FAILED(hr)) return hr;
    const std::wstring wanted = ToWString(id);
    for (const auto& account : Scenario::Get().Accounts()) {
      if (account.first == wanted) {
        *agent = new Agent(wanted);
        return S_OK;
      }
    }
    return kNotFound;
  }
};

/** "element|name|hresult" lines (hresult in hexadecimal). */
std::vector<ElementFailure> ParseFailures(const std::wstring& text) {
  std::vector<ElementFailure> failures;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find(L'\n', start);
    if (end == std::wstring::npos) end = text.size();
    const std::wstring line = text.substr(start, end - start);
    start = end + 1;
    const size_t first = line.find(L'|');
    const size_t second = first == std::wstring::npos ? first : line.find(L'|', first + 1);
    if (second == std::wstring::npos) continue;
    ElementFailure failure;
    failure.element = line.substr(0, first);
    failure.name = line.substr(first + 1, second - first - 1);
    failure.hr = static_cast<HRESULT>(wcstoul(line.c_str() + second + 1, nullptr, 16));
    failures.push_back(std::move(failure));
  }
  return failures;
}

class ProvisioningControl final
    : public RuntimeObject<ProvisioningControl, false, IActivationFactory, IProvisioningTestControl> {
 public:
  static constexpr const wchar_t* kClassName = kProvisioningControlClass;

  HRESULT STDMETHODCALLTYPE ActivateInstance(IInspectable** instance) override {
    if (instance != nullptr) *instance = nullptr;
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE Reset() override {
    ProvisioningState::Get().Reset();
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE ScriptNext(HSTRING failedElements, HRESULT operationError,
                                       UINT32 durationMs) override {
    ProvisioningScript script;
    script.failures = ParseFailures(ToWString(failedElements));
    script.operationError = operationError;
    script.durationMs = durationMs;
    ProvisioningState::Get().Queue(std::move(script));
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE SetWindowInterface(boolean present) override {
    ProvisioningState::Get().SetWindowInterface(present != 0);
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE AppliedCount(UINT32* count) override {
    if (count == nullptr) return E_POINTER;
    *count = static_cast<UINT32>(ProvisioningState::Get().Applied().size());
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE Applied(UINT32 index, HSTRING* document, HSTRING* networkAccountId,
                                    UINT64* ownerWindow) override {
    if (document == nullptr || networkAccountId == nullptr || ownerWindow == nullptr) {
      return E_POINTER;
    }
    const std::vector<AppliedDocument> applied = ProvisioningState::Get().Applied();
    if (index >= applied.size()) return E_BOUNDS;
    if (HRESULT hr = MakeHString(applied[index].document, document); FAILED(hr)) return hr;
    if (HRESULT hr = MakeHString(applied[index].networkAccountId, networkAccountId); FAILED(hr)) {
      WindowsDeleteString(*document);
      *document = nullptr;
      return hr;
    }
    *ownerWindow = applied[index].ownerWindow;
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE Counts(INT32* agents, INT32* initializeCalls,
                                   INT32* foreignThreadCalls) override {
    if (agents == nullptr || initializeCalls == nullptr || foreignThreadCalls == nullptr) {
      return E_POINTER;
    }
    ProvisioningState::Get().Counts(agents, initializeCalls, foreignThreadCalls);
    return S_OK;
  }
};

}  // namespace

IActivationFactory* NewProvisioningFactory(const wchar_t* classId) {
  if (wcscmp(classId, kAgentClass) == 0) return new AgentFactory();
  if (wcscmp(classId, kProvisioningControlClass) == 0) return new ProvisioningControl();
  return nullptr;
}

}  // namespace test_component
