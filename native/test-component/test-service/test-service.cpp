// wmbb-test-service.exe: a Win32 service of the Wine lane's own, so that the hotspot diagnosis
// reads real SCM states of a service it did not invent (test/windows/tethering-diagnostics-
// control.ts creates it with sc.exe under the name of icssvc or WlanSvc, and starts it). It
// reports SERVICE_RUNNING and stays running until the SCM asks it to stop; started with the
// argument "start-pending" (sc start <name> start-pending) it stays in SERVICE_START_PENDING
// instead, as a service that hangs while starting.
#include <windows.h>

#include <cwchar>

namespace {

SERVICE_STATUS_HANDLE g_status = nullptr;
HANDLE g_stop = nullptr;
SERVICE_STATUS g_state{};

void Report(DWORD state, DWORD accepted) {
  g_state.dwServiceType = SERVICE_WIN32_OWN_PROCESS;
  g_state.dwCurrentState = state;
  g_state.dwControlsAccepted = accepted;
  g_state.dwWin32ExitCode = NO_ERROR;
  g_state.dwWaitHint = state == SERVICE_START_PENDING ? 60000 : 0;
  SetServiceStatus(g_status, &g_state);
}

DWORD WINAPI Control(DWORD control, DWORD, void*, void*) {
  if (control == SERVICE_CONTROL_STOP || control == SERVICE_CONTROL_SHUTDOWN) {
    Report(SERVICE_STOP_PENDING, 0);
    SetEvent(g_stop);
    return NO_ERROR;
  }
  return control == SERVICE_CONTROL_INTERROGATE ? NO_ERROR : ERROR_CALL_NOT_IMPLEMENTED;
}

void WINAPI ServiceMain(DWORD argc, wchar_t** argv) {
  g_status = RegisterServiceCtrlHandlerExW(argc > 0 ? argv[0] : L"", Control, nullptr);
  if (g_status == nullptr) return;
  g_stop = CreateEventW(nullptr, TRUE, FALSE, nullptr);
  const bool hold = argc > 1 && wcscmp(argv[1], L"start-pending") == 0;
  // A pending start still takes a stop, so that the lane can clean up.
  Report(hold ? SERVICE_START_PENDING : SERVICE_RUNNING, SERVICE_ACCEPT_STOP);
  WaitForSingleObject(g_stop, INFINITE);
  Report(SERVICE_STOPPED, 0);
}

}  // namespace

int wmain() {
  // SERVICE_WIN32_OWN_PROCESS: the name in the table is ignored; the SCM passes the real one.
  wchar_t name[] = L"wmbb-test-service";
  SERVICE_TABLE_ENTRYW table[] = {{name, ServiceMain}, {nullptr, nullptr}};
  return StartServiceCtrlDispatcherW(table) ? 0 : 1;
}
