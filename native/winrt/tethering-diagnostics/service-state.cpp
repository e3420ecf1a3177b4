#include "service-state.h"

#include <windows.h>

#include <memory>
#include <vector>

namespace wmbb {
namespace {

/** Closes a service handle when it goes. */
struct ServiceHandleCloser {
  void operator()(SC_HANDLE handle) const {
    if (handle != nullptr) CloseServiceHandle(handle);
  }
};
using ServiceHandle = std::unique_ptr<std::remove_pointer_t<SC_HANDLE>, ServiceHandleCloser>;

/** The start type (SERVICE_DISABLED, …), or -1 when it cannot be read. */
long StartType(SC_HANDLE service) {
  // QUERY_SERVICE_CONFIGW with its strings is at most 8 KB (QueryServiceConfigW's documentation),
  // so one call does; asking for the size first fails under Wine with a null buffer.
  std::vector<unsigned char> buffer(8 * 1024);
  DWORD needed = 0;
  auto* config = reinterpret_cast<QUERY_SERVICE_CONFIGW*>(buffer.data());
  if (!QueryServiceConfigW(service, config, static_cast<DWORD>(buffer.size()), &needed)) {
    if (GetLastError() != ERROR_INSUFFICIENT_BUFFER || needed <= buffer.size()) return -1;
    buffer.resize(needed);
    config = reinterpret_cast<QUERY_SERVICE_CONFIGW*>(buffer.data());
    if (!QueryServiceConfigW(service, config, needed, &needed)) return -1;
  }
  return static_cast<long>(config->dwStartType);
}

}  // namespace

ServiceReading ReadServiceState(const wchar_t* serviceName) {
  ServiceHandle manager(OpenSCManagerW(nullptr, nullptr, SC_MANAGER_CONNECT));
  if (!manager) return ServiceReading::Unknown;
  ServiceHandle service(
      OpenServiceW(manager.get(), serviceName, SERVICE_QUERY_STATUS | SERVICE_QUERY_CONFIG));
  if (!service) {
    return GetLastError() == ERROR_SERVICE_DOES_NOT_EXIST ? ServiceReading::NotFound
                                                          : ServiceReading::Unknown;
  }
  SERVICE_STATUS_PROCESS status{};
  DWORD needed = 0;
  if (!QueryServiceStatusEx(service.get(), SC_STATUS_PROCESS_INFO,
                            reinterpret_cast<LPBYTE>(&status), sizeof status, &needed))
    return ServiceReading::Unknown;
  switch (status.dwCurrentState) {
    case SERVICE_RUNNING:
      return ServiceReading::Running;
    case SERVICE_START_PENDING:
      return ServiceReading::StartPending;
    case SERVICE_STOP_PENDING:
      return ServiceReading::StopPending;
    case SERVICE_PAUSED:
    case SERVICE_PAUSE_PENDING:
    case SERVICE_CONTINUE_PENDING:
      return ServiceReading::Paused;
    case SERVICE_STOPPED:
      // Stopped and disabled is what blocks the hotspot: no one can start it on demand.
      return StartType(service.get()) == SERVICE_DISABLED ? ServiceReading::Disabled
                                                          : ServiceReading::Stopped;
    default:
      return ServiceReading::Unknown;
  }
}

}  // namespace wmbb
