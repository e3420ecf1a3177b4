// JS objects holding one Windows eSIM object each, and the operations on it:
//
//   NativeEsimRef      (IESim)                 downloadProfileMetadata(code), findProfile(iccid),
//                                              deleteProfile(iccid), reset(), close()
//   NativeProfileRef   (IESimProfile)          setEnabled(enabled), setNickname(name), close()
//   NativeMetadataRef  (IESimProfileMetadata)  confirmInstall(code | undefined, onProgress),
//                                              decline(postpone), close()
//
// Operations return { promise, cancel, abandon } (js-operation.h). close() releases the Windows
// object at once; the environment's teardown releases whatever is still held (RefRegistry).
#pragma once

#include <napi.h>

#include <memory>
#include <set>

#include "../winrt/winrt-abi.h"
#include "js-operation.h"

namespace wmbb {

class ComRef;

/** The refs of one environment, released together when it tears down. */
class RefRegistry {
 public:
  void Add(ComRef* ref) { refs_.insert(ref); }
  void Remove(ComRef* ref) { refs_.erase(ref); }
  void ReleaseAll();

 private:
  std::set<ComRef*> refs_;
};

/** What every ref needs: the registries and the classes of the refs it makes. */
struct EsimRefContext {
  std::shared_ptr<OperationRegistry> operations = std::make_shared<OperationRegistry>();
  std::shared_ptr<RefRegistry> refs = std::make_shared<RefRegistry>();
  Napi::FunctionReference esimClass;
  Napi::FunctionReference profileClass;
  Napi::FunctionReference metadataClass;

  /** Defines the three classes (not exported: refs are made by the addon). */
  void DefineClasses(Napi::Env env);
  Napi::Object NewEsim(ComPtr<abi_netops::IESim> esim);
  Napi::Object NewProfile(ComPtr<abi_netops::IESimProfile> profile);
  Napi::Object NewMetadata(ComPtr<abi_netops::IESimProfileMetadata> metadata);
};

/** Base of the three refs: registration and release. */
class ComRef {
 public:
  virtual ~ComRef() = default;
  /** Releases the Windows object. JS thread. Idempotent. */
  virtual void ReleaseNow() = 0;
};

/** The rejection for a cancelled operation: hresult ERROR_CANCELLED, `canceled: true`. */
Napi::Error CanceledError(Napi::Env env, const char* call);

}  // namespace wmbb
