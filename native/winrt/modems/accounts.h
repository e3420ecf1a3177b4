// The machine's mobile broadband accounts, read on the addon's MTA thread:
// MobileBroadbandAccount.AvailableNetworkAccountIds, then CreateFromNetworkAccountId for each.
// Microsoft's list of mobile broadband APIs: desktop processes "have unrestricted access to the
// Mobile Broadband Account API", for every account.
#pragma once

#include <string>

#include "../core/event-records.h"
#include "../core/status.h"

namespace wmbb {

inline constexpr const wchar_t* kMobileBroadbandAccountClass =
    L"Windows.Networking.NetworkOperators.MobileBroadbandAccount";

/**
 * Writes one account record per account into `batch`. An account that disappears between the
 * list and its read (CreateFromNetworkAccountId fails) is an Error record naming the call, and
 * the others are still read. Fails only when the list itself cannot be had.
 */
Status ReadAccounts(RecordBatch* batch);

/** Writes the account record of `networkAccountId`, or fails (unknown id: the call's HRESULT). */
Status ReadAccount(const std::u16string& networkAccountId, RecordBatch* batch);

}  // namespace wmbb
