// The control addon's hotspot calls (ITetheringTestControl, ../tethering-control.h):
//
//   tetheringReset(), tetheringSetWindowsBuild(build),
//   tetheringSetProfiles(names: string[], internetProfile: string),
//   tetheringSetCapability(n), tetheringSetOperationalState(n),
//   tetheringSetBandSupported(band, supported), tetheringSetAuthenticationKindSupported(kind, supported),
//   tetheringSetStoredAccessPoint({ ssid, passphrase, band, authenticationKind }),
//   tetheringScriptNext('start' | 'stop', status, message, durationMs?),
//   tetheringClientJoined(mac, hostNames: string[]), tetheringClientLeft(mac),
//   tetheringExpireIdleTimeout(): boolean,
//   tetheringHotspot(): { state, clientCount, noConnectionsTimeout },
//   tetheringAccessPoints(): { storedSsid, storedBand,
//                              session: { ssid, band, authenticationKind, passphraseLength } | null },
//   tetheringCounts(): { managers, foreignThreadCalls }
// A failing control call throws an Error naming the call and the HRESULT.
#pragma once

#include <napi.h>

namespace wmbb_test {

/** Adds the calls above to the control addon's exports. */
void DefineTetheringControl(Napi::Env env, Napi::Object exports);

}  // namespace wmbb_test
