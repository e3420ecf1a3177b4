// The imitated Windows.Networking.NetworkOperators hotspot classes, for the tethering
// conformance under Wine: NetworkOperatorTetheringManager (statics 1–4, the manager, its client
// manager and INetworkOperatorTetheringManager2), NetworkOperatorTetheringAccessPointConfiguration
// (activatable, interfaces 1–3), NetworkOperatorTetheringSessionAccessPointConfiguration,
// operation results and clients with HostName objects, all over TetheringState
// (tethering-state.h) and scripted through WindowsMobileBroadband.Testing.TetheringControl
// (tethering-control.h). The interfaces newer than the Windows build the control plays are
// absent (QueryInterface answers E_NOINTERFACE, the session class is not registered). A manager
// counts every call made on a thread other than the one that made it: the real class is not
// agile.
#pragma once

#include <string>

#include "tethering-state.h"
#include "winrt.h"

namespace test_component {

/**
 * The activation factory for one of the hotspot classes or the tethering control; null for
 * another class id. `*failure` is set instead when the class is one the played Windows lacks
 * (REGDB_E_CLASSNOTREG). The caller owns the result.
 */
IActivationFactory* NewTetheringFactory(const wchar_t* classId, HRESULT* failure);

/** The factories of the two configuration classes (tethering-configurations.cpp). */
IActivationFactory* NewAccessPointFactory();
IActivationFactory* NewSessionFactory();
/** The factory of WindowsMobileBroadband.Testing.TetheringControl (tethering-control.cpp). */
IActivationFactory* NewTetheringControlFactory();

/** A new NetworkOperatorTetheringAccessPointConfiguration holding `accessPoint`. */
netops::INetworkOperatorTetheringAccessPointConfiguration* NewAccessPointConfiguration(
    const HotspotAccessPoint& accessPoint);

/** The fields of an access point configuration (any implementation of the interfaces). */
HRESULT ReadAccessPointConfiguration(netops::INetworkOperatorTetheringAccessPointConfiguration* from,
                                     HotspotAccessPoint* out);
/** The fields of a session configuration. */
HRESULT ReadSessionConfiguration(netops::INetworkOperatorTetheringSessionAccessPointConfiguration* from,
                                 HotspotAccessPoint* out);

/** NetworkInformation.GetConnectionProfiles: the hotspot's profiles (TetheringState). */
HRESULT TetheringConnectionProfiles(
    collections::IVectorView<ABI::Windows::Networking::Connectivity::ConnectionProfile*>** out);
/** NetworkInformation.GetInternetConnectionProfile: the internet one, or null. */
HRESULT TetheringInternetProfile(ABI::Windows::Networking::Connectivity::IConnectionProfile** out);
/** The name of a profile given to CreateFromConnectionProfile; E_INVALIDARG for one that is
 *  not among the hotspot's profiles. */
HRESULT TetheringProfileName(ABI::Windows::Networking::Connectivity::IConnectionProfile* profile,
                             std::wstring* name);

}  // namespace test_component
