// The Node side of the operator app's hop (docs/native.md, "Serving the operator app's events"):
// the COM class WindowsMobileBroadband.OperatorEvents, CLSID_OperatorEvents
// {45AEED8D-934E-4C22-8336-3DDB3EB844B2}, an IDispatch with two methods:
//
//   DISPID 1  Notify(blob: BSTR) -> VT_BOOL
//     queues the blob as an OperatorEvent record (check id 0); returns once queued, never waits
//     for JavaScript. VARIANT_FALSE: the bounded queue was full (the loss is counted and
//     reported to JavaScript as overflow).
//   DISPID 2  CheckEntitlement(blob: BSTR, deadlineMs: VT_I4) -> VT_BSTR | VT_EMPTY
//     queues the blob with a fresh check id (never discarded) and waits on the calling RPC
//     thread until JavaScript answers ("1" allow, "0" + reason deny) or deadlineMs (clamped to
//     1..25000) passes; VT_EMPTY when nobody answered in time or the server closed.
//
// The data travels as one versioned JSON blob in a BSTR, so the OS's own IDispatch proxy
// marshals every call: nothing is registered but the class. No N-API here: the addon glue
// (native/addon/operator) owns the JS side.
//
// Threads: Register() and Revoke() run on the addon's MTA thread (CoRegisterClassObject with
// CLSCTX_LOCAL_SERVER, REGCLS_MULTIPLEUSE); Notify and CheckEntitlement run on COM's RPC threads
// (the MTA); Answer() and Close() on the JS thread. A client may hold the object after Close():
// every later call answers RPC_E_DISCONNECTED. The module is pinned, so the code outlives them.
#pragma once

#include <windows.h>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "../core/event-records.h"
#include "../core/record-queue.h"
#include "../core/srw-mutex.h"
#include "../core/status.h"

namespace wmbb {

/** {45AEED8D-934E-4C22-8336-3DDB3EB844B2} */
inline constexpr CLSID kOperatorEventsClsid = {
    0x45aeed8d, 0x934e, 0x4c22, {0x83, 0x36, 0x3d, 0xdb, 0x3e, 0xb8, 0x44, 0xb2}};

/** One blob: check id (0 for Notify), then the blob as a string (lib/native/operator-records.ts). */
inline constexpr RecordKind kOperatorEventRecord{0x201};

/** DISPIDs of the hop. */
inline constexpr DISPID kNotifyDispId = 1;
inline constexpr DISPID kCheckEntitlementDispId = 2;
/** The longest blob accepted, in UTF-16 units (1 MiB). */
inline constexpr uint32_t kMaxBlobUnits = 1048576;
inline constexpr int32_t kMaxDeadlineMs = 25000;

class OperatorEventsServer : public std::enable_shared_from_this<OperatorEventsServer> {
 public:
  explicit OperatorEventsServer(std::shared_ptr<RecordQueue> queue) : queue_(std::move(queue)) {}
  ~OperatorEventsServer();
  OperatorEventsServer(const OperatorEventsServer&) = delete;
  OperatorEventsServer& operator=(const OperatorEventsServer&) = delete;

  /** MTA thread: registers the class object. Fails with CO_E_OBJISREG when another server of
   *  this process has it registered (one serving connection per process). */
  Status Register();
  /** MTA thread: revokes the class object (CoCreateInstance then no longer finds it here).
   *  Idempotent. */
  void Revoke();

  /**
   * Gives a waiting CheckEntitlement its answer ("1", or "0" + reason), or releases it with
   * VT_EMPTY (no answer). False when no call waits for `checkId` (answered, timed out, closed).
   * Any thread; never blocks beyond a short lock.
   */
  bool Answer(uint32_t checkId, std::optional<std::u16string> answer);

  /** Refuses further calls and releases every waiting one with VT_EMPTY. Any thread. */
  void Close();

  /** The methods, called by the dispatch object on RPC threads. */
  HRESULT Notify(const wchar_t* blob, uint32_t length, VARIANT* result);
  HRESULT CheckEntitlement(const wchar_t* blob, uint32_t length, int32_t deadlineMs,
                           VARIANT* result);

 private:
  struct Waiter;

  std::shared_ptr<RecordQueue> queue_;
  SrwMutex mutex_;
  bool closed_ = false;
  uint32_t nextCheckId_ = 0;
  std::map<uint32_t, std::shared_ptr<Waiter>> waiters_;
  // Touched only on the MTA thread.
  DWORD cookie_ = 0;
  bool registered_ = false;
};

}  // namespace wmbb
