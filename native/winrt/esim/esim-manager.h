// Windows.Networking.NetworkOperators.ESimManager: the eSIM service's statics.
#pragma once

#include <cstdint>

#include "../core/status.h"

namespace wmbb {

/** ESimManager's class id. Activated on first use, never at load: a machine without the eSIM
 *  service still loads the addon, and only eSIM calls report that the class is missing. */
inline constexpr const wchar_t* kEsimManagerClass = L"Windows.Networking.NetworkOperators.ESimManager";

/** `ESimManager.ServiceInfo`, with enums as their Windows values. */
struct EsimServiceInfoValues {
  int32_t authenticationPreference = 0;
  bool isEsimUiEnabled = false;
};

/** Reads `ESimManager.ServiceInfo`. */
Status ReadEsimServiceInfo(EsimServiceInfoValues* out);

/**
 * `ESimManager.TryCreateESimWatcher()`. A null watcher is not a failure: Windows returns null
 * when the caller lacks the eSIM capability, and the caller decides what to tell the user.
 */
Status TryCreateEsimWatcher(ComPtr<abi_netops::IESimWatcher>* out);

}  // namespace wmbb
