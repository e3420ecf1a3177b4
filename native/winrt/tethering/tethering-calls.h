// The names tethering failures carry when an interface is absent from the running Windows
// (QueryInterface or RoGetActivationFactory answering E_NOINTERFACE, or the class not there).
// lib/native/native-tethering-errors.ts matches on them to say which API is missing and which
// Windows build has it: keep the two in step.
#pragma once

namespace wmbb {

// NetworkOperatorTetheringAccessPointConfiguration2 (build 19041).
inline constexpr const char* kIsBandSupportedCall =
    "NetworkOperatorTetheringAccessPointConfiguration.IsBandSupportedAsync";
inline constexpr const char* kBandCall = "NetworkOperatorTetheringAccessPointConfiguration.Band";
// NetworkOperatorTetheringAccessPointConfiguration3 (build 26100).
inline constexpr const char* kIsAuthenticationKindSupportedCall =
    "NetworkOperatorTetheringAccessPointConfiguration.IsAuthenticationKindSupportedAsync";
inline constexpr const char* kAuthenticationKindCall =
    "NetworkOperatorTetheringAccessPointConfiguration.AuthenticationKind";
// INetworkOperatorTetheringManager2 and its configuration class (build 26100).
inline constexpr const char* kSessionStartCall =
    "NetworkOperatorTetheringManager.StartTetheringAsync(NetworkOperatorTetheringSessionAccessPointConfiguration)";
inline constexpr const char* kSessionConfigurationCall =
    "NetworkOperatorTetheringSessionAccessPointConfiguration()";
// INetworkOperatorTetheringManagerStatics4 (build 19041).
inline constexpr const char* kTimeoutEnabledCall =
    "NetworkOperatorTetheringManager.IsNoConnectionsTimeoutEnabled";
inline constexpr const char* kEnableTimeoutCall =
    "NetworkOperatorTetheringManager.EnableNoConnectionsTimeoutAsync";
inline constexpr const char* kDisableTimeoutCall =
    "NetworkOperatorTetheringManager.DisableNoConnectionsTimeoutAsync";

}  // namespace wmbb
