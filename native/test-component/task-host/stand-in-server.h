// A stand-in for the Node process's COM class CLSID_OperatorEvents, so the component can be
// tested before (and independently of) the addon's server: an IDispatch with the brief's two
// methods, Notify (DISPID 1) and CheckEntitlement (DISPID 2), that appends each call to a record
// file as one JSON line ({"method":…,"deadlineMs":…,"blob":<the blob as sent>}) and answers
// every check with a fixed answer ("1", "0<reason>"), after --hold-ms if given (a late answer), or
// holds every call until it stops and answers nothing ("never"): the component's deadline and
// Canceled, and its ignoring a late answer, are tested that way.
#pragma once

#include <windows.h>

#include <string>

namespace task_host {

struct StandInOptions {
  std::wstring answer;  // "1", "0<reason>" or "never"
  std::wstring recordPath;
  DWORD holdMs = 0;
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
  /** Waits up to `ms` until no call is in progress. */
  static bool WaitForIdle(DWORD ms);
};

}  // namespace task_host
