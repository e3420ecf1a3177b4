// Reads MobileBroadbandAccount objects into event records (layout in core/event-records.h):
//
//   account:  networkAccountId, serviceProviderGuid ("{…}", upper case as Windows prints it),
//             serviceProviderName (strings);
//             device present (0/1), then (MobileBroadbandDeviceInformation) deviceId,
//               manufacturer, model, firmwareInformation (strings), deviceType, cellularClass,
//               dataClasses (flags), customDataClass (string), mobileEquipmentId, subscriberId,
//               simIccId (strings), telephone-number count, numbers…, currentRadioState,
//               networkDeviceStatus;
//             network present (0/1), then (MobileBroadbandNetwork) networkRegistrationState,
//               registeredProviderId, registeredProviderName (strings),
//               registrationNetworkError, packetAttachNetworkError, activationNetworkError,
//               accessPointName (string), registeredDataClass (flags), networkAdapterId
//               (string, "{…}" or '');
//             connection: 0 (this Windows has no IMobileBroadbandAccount2), 1 (no connection
//               profile), or 2 then (the account's first ConnectionProfile) profileName (string),
//               connectivityLevel, signal bars (optional), data plan present (0/1), then
//               megabytesUsed (unsigned), lastSyncTime (0/1, then a 64-bit Unix ms),
//               dataLimitInMegabytes (optional, unsigned), nextBillingCycle (0/1, 64-bit ms);
//             then the first failed read (core/partial-read.h)
//
// Enums and flags travel as their Windows values. Only an account whose NetworkAccountId cannot
// be read becomes an Error record; any other field that fails is empty and reported after.
#pragma once

#include "../core/event-records.h"
#include "../core/status.h"

namespace wmbb {

/** The modems capability's record kinds (lib/native/account-records.ts names them). */
inline constexpr RecordKind kAccount{0x101};

/** Appends `account` to `batch`. Fails only when the account cannot be identified. */
Status WriteAccount(abi_netops::IMobileBroadbandAccount* account, RecordBatch& batch);

}  // namespace wmbb
