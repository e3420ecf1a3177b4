#include "radios.h"

#include <windows.devices.radios.h>

#include <atomic>
#include <memory>
#include <mutex>
#include <sstream>
#include <utility>
#include <vector>

#include "connection-profiles.h"
#include "diagnostics-control.h"
#include "imitated-operation.h"
#include "runtime-object.h"

namespace test_component {
namespace {

namespace radios = ABI::Windows::Devices::Radios;
namespace connectivity = ABI::Windows::Networking::Connectivity;
using RadioList = collections::IVectorView<radios::Radio*>;
using RadiosOperation = foundation::IAsyncOperation<RadioList*>;

struct RadioEntry {
  INT32 kind;
  INT32 state;
};

/** What the diagnostics control scripted; one per process, like the component's other state. */
class DiagnosticsState {
 public:
  static DiagnosticsState& Get() {
    static auto* state = new DiagnosticsState();
    return *state;
  }
  void Reset() {
    std::lock_guard<std::mutex> lock(mutex_);
    radios_ = {{radios::RadioKind_WiFi, radios::RadioState_On}};
    radiosError_ = S_OK;
    internetProfile_ = true;
    radioCalls_ = 0;
    profileCalls_ = 0;
  }
  void SetRadios(std::vector<RadioEntry> radios) {
    std::lock_guard<std::mutex> lock(mutex_);
    radios_ = std::move(radios);
  }
  std::vector<RadioEntry> Radios() {
    std::lock_guard<std::mutex> lock(mutex_);
    return radios_;
  }
  std::atomic<HRESULT> radiosError_{S_OK};
  std::atomic<bool> internetProfile_{true};
  std::atomic<INT32> radioCalls_{0};
  std::atomic<INT32> profileCalls_{0};

 private:
  DiagnosticsState() { Reset(); }
  std::mutex mutex_;
  std::vector<RadioEntry> radios_;
};

class Radio final : public RuntimeObject<Radio, true, radios::IRadio> {
 public:
  static constexpr const wchar_t* kClassName = L"Windows.Devices.Radios.Radio";
  explicit Radio(RadioEntry entry) : entry_(entry) {}
  HRESULT STDMETHODCALLTYPE SetStateAsync(radios::RadioState, IInspectable**) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE add_StateChanged(IInspectable*, EventRegistrationToken*) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE remove_StateChanged(EventRegistrationToken) override { return E_NOTIMPL; }
  HRESULT STDMETHODCALLTYPE get_State(radios::RadioState* value) override {
    if (value == nullptr) return E_POINTER;
    *value = static_cast<radios::RadioState>(entry_.state);
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE get_Name(HSTRING* value) override {
    return MakeHString(entry_.kind == radios::RadioKind_WiFi ? L"Wi-Fi" : L"Radio", value);
  }
  HRESULT STDMETHODCALLTYPE get_Kind(radios::RadioKind* value) override {
    if (value == nullptr) return E_POINTER;
    *value = static_cast<radios::RadioKind>(entry_.kind);
    return S_OK;
  }

 private:
  RadioEntry entry_;
};

class RadioListView final : public RuntimeObject<RadioListView, true, RadioList> {
 public:
  static constexpr const wchar_t* kClassName =
      L"Windows.Foundation.Collections.IVectorView`1<Windows.Devices.Radios.Radio>";
  explicit RadioListView(std::vector<RadioEntry> entries) {
    for (const RadioEntry& entry : entries) radios_.push_back(Adopt(new Radio(entry)));
  }
  HRESULT STDMETHODCALLTYPE GetAt(UINT32 index, radios::IRadio** value) override {
    if (value == nullptr) return E_POINTER;
    if (index >= radios_.size()) return E_BOUNDS;
    return radios_[index].CopyTo(value);
  }
  HRESULT STDMETHODCALLTYPE get_Size(UINT32* value) override {
    if (value == nullptr) return E_POINTER;
    *value = static_cast<UINT32>(radios_.size());
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE IndexOf(radios::IRadio*, UINT32*, BOOLEAN*) override { return E_NOTIMPL; }
  HRESULT STDMETHODCALLTYPE GetMany(UINT32, UINT32, radios::IRadio**, UINT32*) override {
    return E_NOTIMPL;
  }

 private:
  static ComPtr<radios::IRadio> Adopt(Radio* radio) {
    ComPtr<radios::IRadio> held;
    *held.GetAddressOf() = radio;  // not Attach, which adds a reference under mingw-w64
    return held;
  }
  std::vector<ComPtr<radios::IRadio>> radios_;
};

class RadioFactory final
    : public RuntimeObject<RadioFactory, true, IActivationFactory, radios::IRadioStatics> {
 public:
  static constexpr const wchar_t* kClassName = L"Windows.Devices.Radios.Radio";
  HRESULT STDMETHODCALLTYPE ActivateInstance(IInspectable** instance) override {
    if (instance != nullptr) *instance = nullptr;
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE GetRadiosAsync(RadiosOperation** operation) override {
    if (operation == nullptr) return E_POINTER;
    DiagnosticsState& state = DiagnosticsState::Get();
    ++state.radioCalls_;
    const HRESULT error = state.radiosError_.load();
    std::vector<RadioEntry> entries = state.Radios();
    ImitatedOperation<RadiosOperation>::Plan plan;
    plan.durationMs = 20;
    plan.finish = [error, entries](ComPtr<RadioList>* result) -> HRESULT {
      if (FAILED(error)) return error;
      // Not Attach: mingw-w64's ComPtr::Attach adds a reference.
      *result->ReleaseAndGetAddressOf() = new RadioListView(entries);
      return S_OK;
    };
    *operation = ImitatedOperation<RadiosOperation>::Start(std::move(plan));
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE GetDeviceSelector(HSTRING*) override { return E_NOTIMPL; }
  HRESULT STDMETHODCALLTYPE FromIdAsync(HSTRING, IInspectable**) override { return E_NOTIMPL; }
  HRESULT STDMETHODCALLTYPE RequestAccessAsync(IInspectable**) override { return E_NOTIMPL; }
};

class DiagnosticsControl final
    : public RuntimeObject<DiagnosticsControl, false, IActivationFactory, IDiagnosticsTestControl> {
 public:
  static constexpr const wchar_t* kClassName = kDiagnosticsControlClass;
  HRESULT STDMETHODCALLTYPE ActivateInstance(IInspectable** instance) override {
    if (instance != nullptr) *instance = nullptr;
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE Reset() override {
    DiagnosticsState::Get().Reset();
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE SetRadios(HSTRING text) override {
    std::vector<RadioEntry> entries;
    std::wistringstream lines(ToWString(text));
    RadioEntry entry{};
    while (lines >> entry.kind >> entry.state) entries.push_back(entry);
    if (!lines.eof()) return E_INVALIDARG;
    DiagnosticsState::Get().SetRadios(std::move(entries));
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE SetRadiosError(HRESULT hr) override {
    DiagnosticsState::Get().radiosError_ = hr;
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE SetInternetProfile(boolean present) override {
    DiagnosticsState::Get().internetProfile_ = present != 0;
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE Counts(INT32* radioCalls, INT32* profileCalls) override {
    if (radioCalls == nullptr || profileCalls == nullptr) return E_POINTER;
    *radioCalls = DiagnosticsState::Get().radioCalls_;
    *profileCalls = DiagnosticsState::Get().profileCalls_;
    return S_OK;
  }
};

}  // namespace

IActivationFactory* NewRadiosFactory(const wchar_t* classId) {
  if (wcscmp(classId, L"Windows.Devices.Radios.Radio") == 0) return new RadioFactory();
  if (wcscmp(classId, kDiagnosticsControlClass) == 0) return new DiagnosticsControl();
  return nullptr;
}

bool InternetProfilePresent() {
  DiagnosticsState& state = DiagnosticsState::Get();
  ++state.profileCalls_;
  return state.internetProfile_;
}

}  // namespace test_component
