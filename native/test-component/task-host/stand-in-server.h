// A stand-in for the Node process's COM class CLSID_OperatorEvents, so the component can be
// tested before (and independently of) the addon's server: an IDispatch with the brief's two
// methods, Notify (DISPID 1) and CheckEntitlement (DISPID 2), that appends each call to a record
// file as one JSON line ({"method":…,"deadlineMs":…,"blob":<the blob as sent>}) and answers
// every check with a fixed answer ("1", "0<reason>"), or holds every call ("never") until it
// stops, to test the component's deadline and Canceled.
#pragma once

#include <windows.h>

#include <string>

namespace task_host {

struct StandInOptions {
  std::wstring answer;  // "1", "0<reason>" or "never"
  std::wstring recordPath;
};

class StandInServer {
 public:
  /** Registers the class object (CLSCTX_LOCAL_SERVER, REGCLS_MULTIPLEUSE) on this MTA thread. */
  static HRESULT Start(const StandInOptions& options);
  /** Revokes it and lets a "never" call return (VT_EMPTY). */
  static void Stop();
  /** Calls served so far; waits up to `ms` for at least `count`. */
  static bool WaitForCalls(long count, DWORD ms);
  static long Calls();
};

}  // namespace task_host
