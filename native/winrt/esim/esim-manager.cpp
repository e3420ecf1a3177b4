#include "esim-manager.h"

#include "../core/activation.h"

namespace wmbb {
namespace {

Status GetStatics(ComPtr<abi_netops::IESimManagerStatics>* out) {
  return GetActivationFactory(kEsimManagerClass, "RoGetActivationFactory(ESimManager)", out);
}

}  // namespace

Status ReadEsimServiceInfo(EsimServiceInfoValues* out) {
  ComPtr<abi_netops::IESimManagerStatics> statics;
  if (auto f = GetStatics(&statics)) return f;
  ComPtr<abi_netops::IESimServiceInfo> info;
  if (auto f = Check(statics->get_ServiceInfo(&info), "ESimManager.ServiceInfo")) return f;
  if (!info) return Failure{E_POINTER, "ESimManager.ServiceInfo"};
  abi_netops::ESimAuthenticationPreference preference{};
  if (auto f = Check(info->get_AuthenticationPreference(&preference),
                     "ESimServiceInfo.AuthenticationPreference"))
    return f;
  boolean uiEnabled = 0;
  if (auto f = Check(info->get_IsESimUiEnabled(&uiEnabled), "ESimServiceInfo.IsESimUiEnabled"))
    return f;
  out->authenticationPreference = static_cast<int32_t>(preference);
  out->isEsimUiEnabled = uiEnabled != 0;
  return std::nullopt;
}

Status TryCreateEsimWatcher(ComPtr<abi_netops::IESimWatcher>* out) {
  ComPtr<abi_netops::IESimManagerStatics> statics;
  if (auto f = GetStatics(&statics)) return f;
  return Check(statics->TryCreateESimWatcher(out->ReleaseAndGetAddressOf()),
               "ESimManager.TryCreateESimWatcher");
}

}  // namespace wmbb
