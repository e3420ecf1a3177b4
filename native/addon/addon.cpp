// The addon's entry point. Context-aware: every environment (main thread, each worker thread)
// gets its own export tables, one per capability, and an environment's watchers, operations and
// objects are closed when it tears down.
//
// Exports (typed in lib/native/addon-types.ts, which must match):
//   core     core/core-exports.h
//   esim     esim/esim-exports.h
//   modems   modems/modems-exports.h
//   operatorTasks   operator-tasks/operator-tasks-exports.h
//   operator operator/operator-exports.h
//   ussd     ussd/ussd-exports.h
//   provisioning   provisioning/provisioning-exports.h
//   tetheringDiagnostics   tethering-diagnostics/diagnostics-exports.h
//   tethering      tethering/tethering-exports.h
// Every Windows call is made on the addon's MTA thread (winrt/core/mta-thread.h); the JS thread
// never waits on Windows. Failures reject with an Error carrying `hresult` and `call`
// (core/js-errors.h).
#include <napi.h>

#include "../winrt/core/module-pin.h"
#include "core/core-exports.h"
#include "core/js-errors.h"
#include "core/teardown-hold.h"
#include "esim/esim-exports.h"
#include "modems/modems-exports.h"
#include "operator-tasks/operator-tasks-exports.h"
#include "operator/operator-exports.h"
#include "ussd/ussd-exports.h"
#include "provisioning/provisioning-exports.h"
#include "tethering-diagnostics/diagnostics-exports.h"
#include "tethering/tethering-exports.h"

namespace wmbb {
namespace {

/** One environment's capabilities. */
struct Instance {
  CoreExports core;
  EsimExports esim;
  ModemsExports modems;
  OperatorTasksExports operatorTasks;
  OperatorExports operatorEvents;
  UssdExports ussd;
  ProvisioningExports provisioning;
  TetheringDiagnosticsExports tetheringDiagnostics;
  TetheringExports tethering;
};

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  // Before anything can hand Windows a pointer into this module.
  if (auto failure = PinModule()) throw WinRtError(env, *failure);
  // Before anything of ours can be queued for finalization (core/teardown-hold.h).
  HoldEnvironmentThroughTeardown(env);
  auto* instance = new Instance();
  // Deleted when the environment goes, after its cleanup hooks have run.
  env.SetInstanceData<Instance>(instance);
  exports.Set("core", instance->core.Define(env));
  exports.Set("esim", instance->esim.Define(env));
  exports.Set("modems", instance->modems.Define(env));
  exports.Set("operatorTasks", instance->operatorTasks.Define(env));
  exports.Set("operator", instance->operatorEvents.Define(env));
  exports.Set("ussd", instance->ussd.Define(env));
  exports.Set("provisioning", instance->provisioning.Define(env));
  exports.Set("tetheringDiagnostics", instance->tetheringDiagnostics.Define(env));
  exports.Set("tethering", instance->tethering.Define(env));
  // Before the environment's thread-safe functions are torn down: unsubscribe from Windows,
  // abandon pending operations (Windows cancels them; they are closed when they end) and
  // release every Windows object still held, each on the MTA thread.
  env.AddCleanupHook([instance] {
    instance->esim.Close();
    instance->modems.Close();
    instance->operatorTasks.Close();
    instance->operatorEvents.Close();
    instance->ussd.Close();
    instance->provisioning.Close();
    instance->tetheringDiagnostics.Close();
    instance->tethering.Close();
    instance->core.Close();
  });
  return exports;
}

}  // namespace
}  // namespace wmbb

static Napi::Object InitWindowsMobileBroadband(Napi::Env env, Napi::Object exports) {
  return wmbb::Init(env, exports);
}
NODE_API_MODULE(windows_mobile_broadband, InitWindowsMobileBroadband)
