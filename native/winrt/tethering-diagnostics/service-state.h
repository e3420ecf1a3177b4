// A Windows service's state as the Service Control Manager reports it, for the hotspot
// diagnosis: the Mobile Hotspot service (icssvc) and WLAN AutoConfig (WlanSvc). Plain Win32
// (advapi32), no WinRT and no elevation: SC_MANAGER_CONNECT and SERVICE_QUERY_STATUS |
// SERVICE_QUERY_CONFIG are granted to every interactive user on a default Windows.
#pragma once

#include <cstdint>

namespace wmbb {

/** lib/backend.ts ServiceState, in the same order (lib/native/native-tethering-diagnostics.ts). */
enum class ServiceReading : int32_t {
  Running = 0,
  Stopped = 1,
  StartPending = 2,
  StopPending = 3,
  Paused = 4,
  /** Its start type is SERVICE_DISABLED and it is not running. */
  Disabled = 5,
  /** ERROR_SERVICE_DOES_NOT_EXIST: this Windows has no such service. */
  NotFound = 6,
  /** Access denied, or any other failure to read it. */
  Unknown = 7,
};

/** Reads one service's state. Any thread; never throws; a few RPCs to services.exe. */
ServiceReading ReadServiceState(const wchar_t* serviceName);

}  // namespace wmbb
