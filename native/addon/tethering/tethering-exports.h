// The hotspot's export table (`addon.tethering`, typed in lib/native/addon-types.ts as
// NativeTetheringExports). `target` is a connection profile's name, or null for the internet
// connection profile; enums are their Windows values.
//
//   status(target): NativeOperation<{ capability, state, clientCount, maxClientCount }>
//   accessPoint(target): NativeOperation<{ ssid, passphrase, band, authenticationKind }>
//     band / authenticationKind null where this Windows lacks them
//   clients(target): NativeOperation<{ macAddress, hostNames }[]>
//   profileNames(): NativeOperation<string[]>
//   isNoConnectionsTimeoutEnabled(): NativeOperation<boolean>
//   start(target, session | null): NativeOperation<{ status, additionalErrorMessage }>
//   stop(target): NativeOperation<{ status, additionalErrorMessage }>
//   configureAccessPoint(target, accessPoint): NativeOperation<void>
//     accessPoint and session: { ssid, passphrase, band: number | null,
//     authenticationKind: number | null } (null: leave Windows' default)
//   isBandSupported(target, band), isAuthenticationKindSupported(target, kind):
//     NativeOperation<boolean>
//   setNoConnectionsTimeout(enabled): NativeOperation<void>
//
// Every call runs on the addon's MTA thread (winrt/tethering): NetworkOperatorTetheringManager
// is not agile, so it is made, used and released there, and the JS thread never waits. The
// passphrase is a secret: the glue's copies are wiped once Windows or JS has its own.
#pragma once

#include <napi.h>

#include <memory>

#include "../core/js-operation.h"

namespace wmbb {

class TetheringExports {
 public:
  Napi::Object Define(Napi::Env env);
  /** Environment teardown: abandon what is pending (Windows cancels it; the manager is
   *  released with it on the MTA thread when it ends). */
  void Close() { operations_->AbandonAll(); }
  /** This environment's pending operations. */
  const std::shared_ptr<OperationRegistry>& operations() const { return operations_; }

 private:
  static Napi::Value GetStatus(const Napi::CallbackInfo& info);
  static Napi::Value GetAccessPoint(const Napi::CallbackInfo& info);
  static Napi::Value GetClients(const Napi::CallbackInfo& info);
  static Napi::Value GetProfileNames(const Napi::CallbackInfo& info);
  static Napi::Value GetNoConnectionsTimeout(const Napi::CallbackInfo& info);
  static Napi::Value StartHotspot(const Napi::CallbackInfo& info);
  static Napi::Value StopHotspot(const Napi::CallbackInfo& info);
  static Napi::Value Configure(const Napi::CallbackInfo& info);
  static Napi::Value BandSupported(const Napi::CallbackInfo& info);
  static Napi::Value KindSupported(const Napi::CallbackInfo& info);
  static Napi::Value SetTimeout(const Napi::CallbackInfo& info);

  std::shared_ptr<OperationRegistry> operations_ = std::make_shared<OperationRegistry>();
};

}  // namespace wmbb
