// The hotspot diagnosis's export table (`addon.tetheringDiagnostics`, typed in
// lib/native/addon-types.ts as NativeTetheringDiagnosticsExports):
//
//   read(): NativeOperation<{ mobileHotspotService, wlanService, wifiRadio, wifiRadioError,
//                             internetProfile, blockingPolicies }>
//     services as winrt/tethering-diagnostics/service-state.h ServiceReading values, the radio
//     as diagnostics-read.h WifiRadioReading (a RadioState, or -1 for no Wi-Fi radio), the
//     radio's HRESULT when it could not be read, the policies by name.
//
// Everything is read on the addon's MTA thread (the SCM and registry reads too, so that the JS
// thread never waits on services.exe); the export returns at once.
#pragma once

#include <napi.h>

#include <memory>

#include "../core/js-operation.h"

namespace wmbb {

class TetheringDiagnosticsExports {
 public:
  Napi::Object Define(Napi::Env env);
  /** Environment teardown: abandon what is pending (it is released when it ends). */
  void Close() { operations_->AbandonAll(); }

 private:
  static Napi::Value Read(const Napi::CallbackInfo& info);

  std::shared_ptr<OperationRegistry> operations_ = std::make_shared<OperationRegistry>();
};

}  // namespace wmbb
