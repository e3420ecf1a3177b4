// What the hotspot is now, read on the addon's MTA thread in one task each: its status, its
// stored access point, its clients, and whether Windows turns it off when idle. Each read makes
// the manager, reads and releases it before the task ends (tethering-manager.h).
#pragma once

#include <vector>

#include "../core/status.h"
#include "tethering-types.h"

namespace wmbb {

/** Capability, TetheringOperationalState, ClientCount and MaxClientCount. */
Status ReadTetheringStatus(const TetheringTarget& target, TetheringStatusRead* out);

/**
 * GetCurrentAccessPointConfiguration: SSID, passphrase, and Band / AuthenticationKind where
 * this Windows has them (kAbsent otherwise).
 */
Status ReadAccessPoint(const TetheringTarget& target, AccessPoint* out);

/** GetTetheringClients: each client's MacAddress and its HostNames' DisplayName. */
Status ReadTetheringClients(const TetheringTarget& target, std::vector<TetheringClientRead>* out);

/** INetworkOperatorTetheringManagerStatics4.IsNoConnectionsTimeoutEnabled. */
Status ReadNoConnectionsTimeout(bool* enabled);

}  // namespace wmbb
