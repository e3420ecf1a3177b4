// JS objects holding one Windows eSIM object each, and the operations on it:
//
//   NativeEsimRef      (IESim)                 downloadProfileMetadata(code), findProfile(iccid)
//                                              (an operation too), deleteProfile(iccid), reset(),
//                                              discover(server?, matchingId?), close()
//   NativeProfileRef   (IESimProfile)          setEnabled(enabled), setNickname(name), close()
//   NativeMetadataRef  (IESimProfileMetadata)  confirmInstall(code | undefined, onProgress),
//                                              decline(postpone), close()
//
// Operations return { promise, cancel, abandon } (js-operation.h). Each ref holds its object as
// an MtaObject (core/mta-object.h): the JS thread never calls it; operations use it on the MTA
// thread. close() has the MTA thread release it; the environment's teardown releases whatever
// is still held (RefRegistry).
#pragma once

#include <napi.h>

#include <memory>
#include <set>

#include "../../winrt/core/winrt-abi.h"
#include "../core/js-operation.h"
#include "../core/mta-object.h"

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
  /** Each takes the reference over from its argument (which is left null). */
  Napi::Object NewEsim(ComPtr<abi_netops::IESim>& esim);
  Napi::Object NewProfile(ComPtr<abi_netops::IESimProfile>& profile);
  Napi::Object NewMetadata(ComPtr<abi_netops::IESimProfileMetadata>& metadata);
};

/** Base of the three refs: registration and release. */
class ComRef {
 public:
  virtual ~ComRef() = default;
  /** Has the MTA thread release the Windows object. JS thread. Idempotent. */
  virtual void ReleaseNow() = 0;
};

/** The rejection for a cancelled operation: hresult ERROR_CANCELLED, `canceled: true`. */
Napi::Error CanceledError(Napi::Env env, const char* call);

}  // namespace wmbb
