// The provisioning capability's export table (`addon.provisioning`, typed in
// lib/native/addon-types.ts as NativeProvisioningExports):
//
//   apply(document, networkAccountId | null, ownerWindow | null):
//     NativeOperation<{ allElementsProvisioned, resultsXml, ownerWindow }>
//     ProvisioningAgent (the default one, or CreateFromNetworkAccountId), IInitializeWithWindow
//     with `ownerWindow` (a bigint HWND), then ProvisionFromXmlDocumentAsync; `ownerWindow` in
//     the result says what became of the window (winrt/provisioning/provisioning-apply.h:
//     0 none given, 1 initialized, 2 the agent takes none). `cancel()` is IAsyncInfo::Cancel.
//
// The agent is not agile: it is made, used and released on the addon's MTA thread; the export
// returns at once. The document may hold passwords: it goes to Windows only, the glue's copy is
// wiped once Windows has its own, and no error carries it.
#pragma once

#include <napi.h>

#include <memory>

#include "../core/js-operation.h"

namespace wmbb {

class ProvisioningExports {
 public:
  Napi::Object Define(Napi::Env env);
  /** Environment teardown: abandon what is pending (Windows cancels it; it is released when it
   *  ends). */
  void Close() { operations_->AbandonAll(); }

 private:
  static Napi::Value Apply(const Napi::CallbackInfo& info);

  std::shared_ptr<OperationRegistry> operations_ = std::make_shared<OperationRegistry>();
};

}  // namespace wmbb
