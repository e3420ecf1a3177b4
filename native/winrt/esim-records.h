// Reads ESim and ESimProfile objects into event records (layout in event-records.h):
//
//   eSIM:    eid, firmwareVersion, modemDeviceId (strings), availableMemoryInBytes (optional),
//            state, slotIndex (optional), shouldEnableManagingUi, profile count, profiles…
//   profile: id, class, nickname, providerId, providerName, state, canDelete, canDisable,
//            isManagedByEnterprise
//
// Enums travel as their documented Windows values; lib/native/event-records.ts names them.
#pragma once

#include "event-records.h"
#include "status.h"

namespace wmbb {

/** Appends `esim` and its profiles to `batch`. On failure the queue drops the partial record
 *  and queues an Error record naming the failed call instead (RecordQueue::Append). */
Status WriteEsim(abi_netops::IESim* esim, RecordBatch& batch);

}  // namespace wmbb
