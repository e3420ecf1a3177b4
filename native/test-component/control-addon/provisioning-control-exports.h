// The control addon's provisioning calls (IProvisioningTestControl, provisioning-control.h):
//
//   provisioningReset()
//   provisioningScriptNext({ failedElements?: [{ element, name?, hresult }], operationError?,
//                            durationMs? })
//   provisioningSetWindowInterface(present)
//   provisioningApplied(): [{ document, networkAccountId, ownerWindow: bigint }]
//   provisioningCounts(): { agents, initializeCalls, foreignThreadCalls }
#pragma once

#include <napi.h>

namespace wmbb_test {

/** Adds the calls above to the control addon's exports. */
void DefineProvisioningControl(Napi::Env env, Napi::Object exports);

}  // namespace wmbb_test
