// Reads ESim and ESimProfile objects into event records (layout in core/event-records.h):
//
//   eSIM:    eid, firmwareVersion, modemDeviceId (strings), availableMemoryInBytes (optional),
//            state, slotIndex (optional), shouldEnableManagingUi, profile count, profiles…,
//            then the first failed read: hresult (0: none) and the call (a string)
//   profile: id, class, nickname, providerId, providerName, state, canDelete, canDisable,
//            isManagedByEnterprise
//
// An eSIM whose other fields cannot be read still arrives with what could be read: a field
// that fails takes its empty value, a profile that fails is left out, and the first failure
// travels with the record (the TypeScript side delivers the eSIM, then reports the failure).
// Only an eSIM whose EID or modem id cannot be read, which nothing could identify, becomes an
// Error record instead. Removed eSIMs are the usual case: Windows may no longer answer for
// anything but their identity.
//
// Enums travel as their documented Windows values; lib/native/event-records.ts names them.
#pragma once

#include "../core/event-records.h"
#include "../core/status.h"

namespace wmbb {

/** The eSIM capability's record kinds (lib/native/event-records.ts names them). */
inline constexpr RecordKind kEsimAdded{1};
inline constexpr RecordKind kEsimUpdated{2};
inline constexpr RecordKind kEsimRemoved{3};

/** Appends `esim` and its profiles to `batch`. Fails only when the eSIM cannot be identified;
 *  the queue then drops the partial record and queues an Error record (RecordQueue::Append). */
Status WriteEsim(abi_netops::IESim* esim, RecordBatch& batch);

}  // namespace wmbb
