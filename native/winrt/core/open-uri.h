// Opening a URI the way a desktop app does (ShellExecuteEx, verb "open"): what the eSIM doors
// that need no capability use (`lpa:<activation code>`, `ms-settings:cellular-id`, Windows 11
// 24H2). The shell wants a single-threaded apartment, and the addon's MTA thread must stay in
// the MTA, so each launch runs on a short-lived thread of its own and reports how it ended.
#pragma once

#include <functional>
#include <string>

#include "status.h"

namespace wmbb {

/**
 * Starts ShellExecuteEx(`uri`) on a thread of its own (STA) and calls `onEnd` there with the
 * failure, if any: no handler for the scheme, or the launch refused. Returns a failure only when
 * that thread cannot be started.
 */
Status OpenUri(std::u16string uri, std::function<void(Status)> onEnd);

}  // namespace wmbb
