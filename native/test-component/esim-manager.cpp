// The imitated ESimManager statics (IESimManagerStatics on its activation factory).
#include "esim-manager.h"

#include "esim-objects.h"
#include "esim-watcher.h"

namespace test_component {
namespace {

class EsimManagerFactory final
    : public RuntimeObject<EsimManagerFactory, true, IActivationFactory, netops::IESimManagerStatics> {
 public:
  static constexpr const wchar_t* kClassName = L"Windows.Networking.NetworkOperators.ESimManager";

  HRESULT STDMETHODCALLTYPE ActivateInstance(IInspectable** instance) override {
    // ESimManager is a static class: Windows has no constructor for it either.
    if (instance != nullptr) *instance = nullptr;
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE get_ServiceInfo(netops::IESimServiceInfo** value) override {
    if (value == nullptr) return E_POINTER;
    if (HRESULT hr = Scenario::Get().FailureOf(L"ESimManager.ServiceInfo"); FAILED(hr)) return hr;
    *value = NewServiceInfo();
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE TryCreateESimWatcher(netops::IESimWatcher** result) override {
    if (result == nullptr) return E_POINTER;
    *result = nullptr;
    if (HRESULT hr = Scenario::Get().FailureOf(L"ESimManager.TryCreateESimWatcher"); FAILED(hr)) {
      return hr;
    }
    // Windows answers null, not an error, when the caller is not authorized.
    if (Scenario::Get().Access() == TestAccess::WatcherNull) return S_OK;
    *result = NewEsimWatcher();
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE add_ServiceInfoChanged(foundation::IEventHandler<IInspectable*>*,
                                                   EventRegistrationToken*) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE remove_ServiceInfoChanged(EventRegistrationToken) override {
    return E_NOTIMPL;
  }
};

}  // namespace

IActivationFactory* NewEsimManagerFactory() { return new EsimManagerFactory(); }

}  // namespace test_component
