// The hop to Node: a thread of the component's own (Run must return at once, and may have been
// called on a thread that must not block) that enters the MTA, creates CLSID_OperatorEvents in
// the serving Node process (CLSCTX_LOCAL_SERVER, IID_IDispatch: the OS's own IDispatch proxy
// marshals the call, so nothing but the class is registered) and invokes Notify or
// CheckEntitlement with the blob. For a check, a thread-pool timer gives the default answer at
// the deadline whatever the call is doing.
#pragma once

#include <functional>
#include <memory>

#include "task-run.h"

namespace wmbb {

/** {45AEED8D-934E-4C22-8336-3DDB3EB844B2}: "WindowsMobileBroadband.OperatorEvents". */
inline constexpr CLSID kClsidOperatorEvents = {
    0x45aeed8d, 0x934e, 0x4c22, {0x83, 0x36, 0x3d, 0xdb, 0x3e, 0xb8, 0x44, 0xb2}};
inline constexpr DISPID kDispidNotify = 1;
inline constexpr DISPID kDispidCheckEntitlement = 2;

/**
 * Starts the forwarding thread for `run`. `after` is called on that thread once the call has
 * returned (or failed) and the outcome is settled, to unregister what Run registered. If the
 * thread cannot start, the outcome is settled at once (the default answer, or the deferral).
 */
void StartForwarding(std::shared_ptr<TaskRun> run, std::function<void()> after);

}  // namespace wmbb
