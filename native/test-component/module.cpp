// The test component's DLL exports. combase calls DllGetActivationFactory with the class id the
// registry mapped to this DLL (HKLM\Software\Microsoft\WindowsRuntime\ActivatableClassId\<id>,
// value DllPath), so one DLL stands in for several Windows classes.
#include <cwchar>

#include "account-watcher.h"
#include "accounts.h"
#include "background-tasks.h"
#include "control.h"
#include "esim-manager.h"
#include "live-objects.h"
#include "provisioning-agent.h"
#include "radios.h"
#include "scenario.h"
#include "tethering-classes.h"
#include "ussd-control-factory.h"
#include "ussd-session.h"

extern "C" __declspec(dllexport) HRESULT WINAPI DllGetActivationFactory(HSTRING classId,
                                                                      IActivationFactory** factory) {
  using namespace test_component;
  if (factory == nullptr) return E_POINTER;
  *factory = nullptr;
  const wchar_t* name = WindowsGetStringRawBuffer(classId, nullptr);
  if (wcscmp(name, L"Windows.Networking.NetworkOperators.ESimManager") == 0) {
    if (Scenario::Get().Access() == TestAccess::ClassNotRegistered) return REGDB_E_CLASSNOTREG;
    *factory = NewEsimManagerFactory();
    return S_OK;
  }
  if (wcscmp(name, L"Windows.Networking.NetworkOperators.MobileBroadbandAccount") == 0) {
    *factory = NewAccountFactory();
    return S_OK;
  }
  if (wcscmp(name, L"Windows.Networking.NetworkOperators.MobileBroadbandAccountWatcher") == 0) {
    *factory = NewAccountWatcherFactory();
    return S_OK;
  }
  if (wcscmp(name, L"Windows.Networking.Connectivity.NetworkInformation") == 0) {
    *factory = NewNetworkInformationFactory();
    return S_OK;
  }
  if (IActivationFactory* background = NewBackgroundTaskFactory(name)) {
    *factory = background;
    return S_OK;
  }
  if (wcscmp(name, L"Windows.Networking.NetworkOperators.UssdSession") == 0) {
    // SetFailure("UssdSession", hr): activation fails, as where the class is missing.
    if (HRESULT hr = Scenario::Get().FailureOf(L"UssdSession"); FAILED(hr)) return hr;
    *factory = NewUssdSessionFactory();
    return S_OK;
  }
  if (wcscmp(name, L"Windows.Networking.NetworkOperators.UssdMessage") == 0) {
    *factory = NewUssdMessageFactory();
    return S_OK;
  }
  if (wcscmp(name, kUssdTestControlClass) == 0) {
    *factory = NewUssdControlFactory();
    return S_OK;
  }
  if (IActivationFactory* provisioning = NewProvisioningFactory(name)) {
    *factory = provisioning;
    return S_OK;
  }
  // Windows.Devices.Radios.Radio and the diagnostics control (radios.h).
  if (IActivationFactory* radios = NewRadiosFactory(name)) {
    *factory = radios;
    return S_OK;
  }
  // The hotspot classes and their control (tethering-classes.h).
  HRESULT tethering = S_OK;
  if (IActivationFactory* hotspot = NewTetheringFactory(name, &tethering)) {
    *factory = hotspot;
    return S_OK;
  }
  if (FAILED(tethering)) return tethering;
  if (wcscmp(name, kTestControlClass) == 0) {
    *factory = NewControlFactory();
    return S_OK;
  }
  return CLASS_E_CLASSNOTAVAILABLE;
}

extern "C" __declspec(dllexport) HRESULT WINAPI DllCanUnloadNow() {
  return test_component::LiveObjectCount().load() == 0 ? S_OK : S_FALSE;
}
