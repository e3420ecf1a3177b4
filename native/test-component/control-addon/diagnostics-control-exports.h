// The control addon's hotspot diagnosis calls (IDiagnosticsTestControl, diagnostics-control.h):
//
//   diagnosticsReset()
//   diagnosticsSetRadios([{ kind, state }])   RadioKind / RadioState values; [] for none
//   diagnosticsSetRadiosError(hresult)        0: GetRadiosAsync succeeds
//   diagnosticsSetInternetProfile(present)
//   diagnosticsCounts(): { radioCalls, profileCalls }
#pragma once

#include <napi.h>

namespace wmbb_test {

/** Adds the calls above to the control addon's exports. */
void DefineDiagnosticsControl(Napi::Env env, Napi::Object exports);

}  // namespace wmbb_test
