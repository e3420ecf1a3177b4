// The hotspot's asynchronous operations, started on the addon's MTA thread: StartTetheringAsync
// (with or without a session configuration), StopTetheringAsync, ConfigureAccessPointAsync,
// IsBandSupportedAsync, IsAuthenticationKindSupportedAsync and the no-connections timeout's
// switches.
//
// Each makes its manager (tethering-manager.h) and whatever configuration object it needs, starts
// the operation and watches it (core/async-operation.h); the objects stay alive with the
// operation and are released together, on the MTA thread, when the work is closed (the glue
// posts Close there). The end is read into plain values on the thread Windows completes on.
// `onEnd` runs once, possibly before the call returns; on failure nothing was started, every
// object is released here and `onEnd` never runs. MTA thread only.
//
// An interface this Windows lacks fails with E_NOINTERFACE (or the class's activation failure)
// naming the API (tethering-calls.h). The passphrase is handed to Windows and nothing else: no
// failure carries it.
#pragma once

#include <memory>
#include <optional>

#include "../core/status.h"
#include "tethering-types.h"

namespace wmbb {

/** StartTetheringAsync(), or StartTetheringAsync(configuration) with `session`. */
Status StartTethering(const TetheringTarget& target, const std::optional<AccessPoint>& session,
                      TetheringOnEnd<TetheringResultRead> onEnd, std::shared_ptr<AsyncWork>* out);

/** StopTetheringAsync(). */
Status StopTethering(const TetheringTarget& target, TetheringOnEnd<TetheringResultRead> onEnd,
                     std::shared_ptr<AsyncWork>* out);

/**
 * A new NetworkOperatorTetheringAccessPointConfiguration with the given fields, then
 * ConfigureAccessPointAsync. Band Auto and authentication kind Wpa2 are what a Windows without
 * those properties uses anyway, so they need no interface there; any other value does.
 */
Status ConfigureAccessPoint(const TetheringTarget& target, const AccessPoint& accessPoint,
                            TetheringOnEnd<NoResult> onEnd, std::shared_ptr<AsyncWork>* out);

/** IsBandSupportedAsync(band) of the current access point configuration (its adapter's). */
Status IsBandSupported(const TetheringTarget& target, int32_t band, TetheringOnEnd<bool> onEnd,
                       std::shared_ptr<AsyncWork>* out);

/** IsAuthenticationKindSupportedAsync(kind) of the current access point configuration. */
Status IsAuthenticationKindSupported(const TetheringTarget& target, int32_t kind,
                                     TetheringOnEnd<bool> onEnd, std::shared_ptr<AsyncWork>* out);

/** EnableNoConnectionsTimeoutAsync() or DisableNoConnectionsTimeoutAsync(). */
Status SetNoConnectionsTimeout(bool enabled, TetheringOnEnd<NoResult> onEnd,
                               std::shared_ptr<AsyncWork>* out);

}  // namespace wmbb
