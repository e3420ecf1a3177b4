// The known, documented policies that keep the mobile hotspot from starting, read from the
// registry (HKLM, read access only). Names are stable: lib/tethering/diagnose-hotspot.ts has
// each one's documented meaning and remedy.
//
// - NC_ShowSharedAccessUI = 0 under HKLM\SOFTWARE\Policies\Microsoft\Windows\Network Connections:
//   the Group Policy "Prohibit use of Internet Connection Sharing on your DNS domain network".
// - AllowInternetSharing = 0 under HKLM\SOFTWARE\Microsoft\PolicyManager\current\device\Wifi:
//   the MDM Policy CSP Wifi/AllowInternetSharing ("Internet sharing is not allowed").
#pragma once

#include <string>
#include <vector>

namespace wmbb {

/** The names of the policies set to block (empty: none). Any thread; never throws. */
std::vector<std::string> ReadBlockingPolicies();

}  // namespace wmbb
