#include "esim-refs.h"

#include <string>

#include "../../winrt/esim/esim-operations.h"
#include "../core/js-errors.h"
#include "../core/mta-object.h"

namespace wmbb {
namespace {

/** ERROR_CANCELLED as an HRESULT: what a cancelled operation reports (lib/native/hresult.ts). */
constexpr uint32_t kCanceled = 0x800704C7u;

using StatusOperation = JsOperation<EsimStatusEnd>;
using InstallOperation = JsOperation<EsimStatusEnd, EsimInstallProgress>;
using DownloadOperation = JsOperation<EsimDownloadEnd>;
using DiscoverOperation = JsOperation<EsimDiscoverEnd>;

/** The end of findProfile: the profile, or null when the eSIM has none with the ICCID. */
struct ProfileEnd {
  AsyncEndKind kind = AsyncEndKind::Failed;
  ComPtr<abi_netops::IESimProfile> profile;
  Failure failure{E_FAIL, ""};
};

/** Settles with the ESimOperationStatus, or rejects with the failure or the cancellation. */
StatusOperation::Settle SettleStatus(const char* call) {
  return [call](Napi::Env env, Napi::Promise::Deferred& deferred, EsimStatusEnd& end) {
    switch (end.kind) {
      case AsyncEndKind::Completed:
        deferred.Resolve(Napi::Number::New(env, end.status));
        break;
      case AsyncEndKind::Canceled:
        deferred.Reject(CanceledError(env, call).Value());
        break;
      case AsyncEndKind::Failed:
        deferred.Reject(WinRtError(env, end.failure).Value());
        break;
    }
  };
}

std::u16string StringArgument(const Napi::CallbackInfo& info, size_t index, const char* function,
                              const char* expected) {
  if (info.Length() <= index || !info[index].IsString()) {
    ThrowTypeError(info.Env(), function, expected);
  }
  return info[index].As<Napi::String>().Utf16Value();
}

/**
 * The `metadata` ref and its properties on a download's or a discovery's result; `metadata:
 * null` when there is none (a failure status, or events rather than metadata).
 */
void SetMetadata(Napi::Env env, Napi::Object& result, EsimRefContext* context,
                 ComPtr<abi_netops::IESimProfileMetadata>& metadata, const EsimMetadataValues& v) {
  if (!metadata) {
    result.Set("metadata", env.Null());
    return;
  }
  result.Set("metadata", context->NewMetadata(metadata));
  result.Set("id", Napi::String::New(env, v.id));
  result.Set("providerId", Napi::String::New(env, v.providerId));
  result.Set("providerName", Napi::String::New(env, v.providerName));
  result.Set("isConfirmationCodeRequired", v.isConfirmationCodeRequired);
  result.Set("state", v.state);
  result.Set("canDelete", v.canDelete);
  result.Set("canDisable", v.canDisable);
  result.Set("isManagedByEnterprise", v.isManagedByEnterprise);
}

/** A JS object wrapping one Windows object of interface `Interface`. */
template <class Derived, class Interface>
class RefObject : public Napi::ObjectWrap<Derived>, public ComRef {
 public:
  explicit RefObject(const Napi::CallbackInfo& info) : Napi::ObjectWrap<Derived>(info) {}
  ~RefObject() override { ReleaseNow(); }

  void Attach(ComPtr<Interface>& object, EsimRefContext* context) {
    object_ = MakeMtaObject(object);
    context_ = context;
    refs_ = context->refs;
    refs_->Add(this);
  }

  void ReleaseNow() override {
    ReleaseOnMta(object_);
    if (refs_) refs_->Remove(this);
    refs_.reset();
  }

 protected:
  Napi::Value CloseRef(const Napi::CallbackInfo& info) {
    ReleaseNow();
    return info.Env().Undefined();
  }

  /** The Windows object, for a task on the MTA thread; a JS error when the ref was closed. */
  MtaObject<Interface> Object(Napi::Env env, const char* call) {
    if (!object_) throw WinRtError(env, Failure{RO_E_CLOSED, call});
    return object_;
  }

  MtaObject<Interface> object_;
  EsimRefContext* context_ = nullptr;
  std::shared_ptr<RefRegistry> refs_;
};

class EsimRefObject final : public RefObject<EsimRefObject, abi_netops::IESim> {
 public:
  using RefObject::RefObject;

  static Napi::Function DefineClass(Napi::Env env) {
    return ObjectWrap::DefineClass(
        env, "NativeEsimRef",
        {
            InstanceMethod<&EsimRefObject::Download>("downloadProfileMetadata"),
            InstanceMethod<&EsimRefObject::Discover>("discover"),
            InstanceMethod<&EsimRefObject::FindProfileMethod>("findProfile"),
            InstanceMethod<&EsimRefObject::Delete>("deleteProfile"),
            InstanceMethod<&EsimRefObject::Reset>("reset"),
            InstanceMethod<&EsimRefObject::Close>("close"),
        });
  }

 private:
  Napi::Value Close(const Napi::CallbackInfo& info) { return CloseRef(info); }
  Napi::Value Download(const Napi::CallbackInfo& info) {
    static constexpr const char* kCall = "ESim.DownloadProfileMetadataAsync";
    Napi::Env env = info.Env();
    const std::u16string code =
        StringArgument(info, 0, "downloadProfileMetadata", "(activationCode: string)");
    MtaObject<abi_netops::IESim> esim = Object(env, kCall);
    EsimRefContext* context = context_;
    return DownloadOperation::Start(
        env, context->operations,
        [esim, code](DownloadOperation::EndSink onEnd, DownloadOperation::ProgressSink,
                     std::shared_ptr<AsyncWork>* work) {
          return DownloadProfileMetadata(esim->Get(), code, std::move(onEnd), work);
        },
        [context](Napi::Env env, Napi::Promise::Deferred& deferred, EsimDownloadEnd& end) {
          if (end.kind == AsyncEndKind::Canceled) {
            deferred.Reject(CanceledError(env, kCall).Value());
            return;
          }
          if (end.kind == AsyncEndKind::Failed) {
            deferred.Reject(WinRtError(env, end.failure).Value());
            return;
          }
          Napi::Object result = Napi::Object::New(env);
          result.Set("status", end.status);
          SetMetadata(env, result, context, end.metadata, end.values);
          deferred.Resolve(result);
        });
  }

  /** discover(serverAddress?, matchingId?): both or neither (the default SM-DS). */
  Napi::Value Discover(const Napi::CallbackInfo& info) {
    static constexpr const char* kCall = "ESim.DiscoverAsync";
    Napi::Env env = info.Env();
    const bool targeted = info.Length() >= 2 && info[0].IsString() && info[1].IsString();
    if (!targeted && info.Length() > 0 && !(info[0].IsUndefined() && (info.Length() < 2 || info[1].IsUndefined()))) {
      ThrowTypeError(env, "discover", "(serverAddress: string, matchingId: string) or ()");
    }
    // The matching id is a secret: it lives in this string and the HSTRING made for the call.
    std::u16string server = targeted ? info[0].As<Napi::String>().Utf16Value() : std::u16string();
    std::u16string matchingId = targeted ? info[1].As<Napi::String>().Utf16Value() : std::u16string();
    MtaObject<abi_netops::IESim> esim = Object(env, kCall);
    EsimRefContext* context = context_;
    return DiscoverOperation::Start(
        env, context->operations,
        [esim, targeted, server = std::move(server), matchingId = std::move(matchingId)](
            DiscoverOperation::EndSink onEnd, DiscoverOperation::ProgressSink,
            std::shared_ptr<AsyncWork>* work) {
          return DiscoverProfiles(esim->Get(), targeted ? &server : nullptr,
                                  targeted ? &matchingId : nullptr, std::move(onEnd), work);
        },
        [context](Napi::Env env, Napi::Promise::Deferred& deferred, EsimDiscoverEnd& end) {
          if (end.kind == AsyncEndKind::Canceled) {
            deferred.Reject(CanceledError(env, kCall).Value());
            return;
          }
          if (end.kind == AsyncEndKind::Failed) {
            deferred.Reject(WinRtError(env, end.failure).Value());
            return;
          }
          Napi::Object result = Napi::Object::New(env);
          result.Set("status", end.status);
          result.Set("kind", end.resultKind);
          Napi::Array events = Napi::Array::New(env, end.events.size());
          for (size_t i = 0; i < end.events.size(); ++i) {
            Napi::Object event = Napi::Object::New(env);
            const EsimDiscoverEvent& e = end.events[i];
            event.Set("matchingId", Napi::String::New(env, e.matchingId));
            event.Set("rspServerAddress", Napi::String::New(env, e.rspServerAddress));
            events.Set(static_cast<uint32_t>(i), event);
          }
          result.Set("events", events);
          SetMetadata(env, result, context, end.metadata, end.values);
          deferred.Resolve(result);
        });
  }

  Napi::Value FindProfileMethod(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    std::u16string iccid = StringArgument(info, 0, "findProfile", "(iccid: string)");
    MtaObject<abi_netops::IESim> esim = Object(env, "ESim.GetProfiles");
    EsimRefContext* context = context_;
    return StartMtaCall<ProfileEnd>(
        env, context->operations,
        [esim, iccid = std::move(iccid)] {
          ProfileEnd end;
          if (auto failure = FindProfile(esim->Get(), iccid, &end.profile)) {
            end.failure = *failure;
            return end;
          }
          end.kind = AsyncEndKind::Completed;
          return end;
        },
        [context](Napi::Env env, Napi::Promise::Deferred& deferred, ProfileEnd& end) {
          if (end.kind != AsyncEndKind::Completed) {
            deferred.Reject(WinRtError(env, end.failure).Value());
          } else if (!end.profile) {
            deferred.Resolve(env.Null());
          } else {
            deferred.Resolve(context->NewProfile(end.profile));
          }
        });
  }

  Napi::Value Delete(const Napi::CallbackInfo& info) {
    static constexpr const char* kCall = "ESim.DeleteProfileAsync";
    Napi::Env env = info.Env();
    const std::u16string iccid = StringArgument(info, 0, "deleteProfile", "(iccid: string)");
    MtaObject<abi_netops::IESim> esim = Object(env, kCall);
    return StatusOperation::Start(
        env, context_->operations,
        [esim, iccid](StatusOperation::EndSink onEnd, StatusOperation::ProgressSink,
                      std::shared_ptr<AsyncWork>* work) {
          return DeleteProfile(esim->Get(), iccid, std::move(onEnd), work);
        },
        SettleStatus(kCall));
  }

  Napi::Value Reset(const Napi::CallbackInfo& info) {
    static constexpr const char* kCall = "ESim.ResetAsync";
    Napi::Env env = info.Env();
    MtaObject<abi_netops::IESim> esim = Object(env, kCall);
    return StatusOperation::Start(
        env, context_->operations,
        [esim](StatusOperation::EndSink onEnd, StatusOperation::ProgressSink,
               std::shared_ptr<AsyncWork>* work) {
          return ResetEsim(esim->Get(), std::move(onEnd), work);
        },
        SettleStatus(kCall));
  }
};

class ProfileRefObject final : public RefObject<ProfileRefObject, abi_netops::IESimProfile> {
 public:
  using RefObject::RefObject;

  static Napi::Function DefineClass(Napi::Env env) {
    return ObjectWrap::DefineClass(
        env, "NativeProfileRef",
        {
            InstanceMethod<&ProfileRefObject::SetEnabled>("setEnabled"),
            InstanceMethod<&ProfileRefObject::SetNickname>("setNickname"),
            InstanceMethod<&ProfileRefObject::Close>("close"),
        });
  }

 private:
  Napi::Value Close(const Napi::CallbackInfo& info) { return CloseRef(info); }
  Napi::Value SetEnabled(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    if (info.Length() < 1 || !info[0].IsBoolean()) {
      ThrowTypeError(env, "setEnabled", "(enabled: boolean)");
    }
    const bool enabled = info[0].As<Napi::Boolean>().Value();
    const char* call = enabled ? "ESimProfile.EnableAsync" : "ESimProfile.DisableAsync";
    MtaObject<abi_netops::IESimProfile> profile = Object(env, call);
    return StatusOperation::Start(
        env, context_->operations,
        [profile, enabled](StatusOperation::EndSink onEnd, StatusOperation::ProgressSink,
                           std::shared_ptr<AsyncWork>* work) {
          return SetProfileEnabled(profile->Get(), enabled, std::move(onEnd), work);
        },
        SettleStatus(call));
  }

  Napi::Value SetNickname(const Napi::CallbackInfo& info) {
    static constexpr const char* kCall = "ESimProfile.SetNicknameAsync";
    Napi::Env env = info.Env();
    const std::u16string nickname = StringArgument(info, 0, "setNickname", "(nickname: string)");
    MtaObject<abi_netops::IESimProfile> profile = Object(env, kCall);
    return StatusOperation::Start(
        env, context_->operations,
        [profile, nickname](StatusOperation::EndSink onEnd, StatusOperation::ProgressSink,
                            std::shared_ptr<AsyncWork>* work) {
          return SetProfileNickname(profile->Get(), nickname, std::move(onEnd), work);
        },
        SettleStatus(kCall));
  }
};

class MetadataRefObject final
    : public RefObject<MetadataRefObject, abi_netops::IESimProfileMetadata> {
 public:
  using RefObject::RefObject;

  static Napi::Function DefineClass(Napi::Env env) {
    return ObjectWrap::DefineClass(
        env, "NativeMetadataRef",
        {
            InstanceMethod<&MetadataRefObject::Confirm>("confirmInstall"),
            InstanceMethod<&MetadataRefObject::Decline>("decline"),
            InstanceMethod<&MetadataRefObject::Close>("close"),
        });
  }

 private:
  Napi::Value Close(const Napi::CallbackInfo& info) { return CloseRef(info); }
  Napi::Value Confirm(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    const bool withCode = info.Length() > 0 && info[0].IsString();
    if (info.Length() < 2 || !(withCode || info[0].IsUndefined()) ||
        !(info[1].IsFunction() || info[1].IsUndefined())) {
      ThrowTypeError(env, "confirmInstall",
                     "(confirmationCode: string | undefined, onProgress: function | undefined)");
    }
    // The confirmation code is a secret: it lives in this string (carried by the task to the
    // MTA thread) and the HSTRING made from it for the call, nowhere else, and no error
    // repeats it.
    std::u16string code = withCode ? info[0].As<Napi::String>().Utf16Value() : std::u16string();
    const char* call = withCode ? "ESimProfileMetadata.ConfirmInstallWithConfirmationCodeAsync"
                                : "ESimProfileMetadata.ConfirmInstallAsync";
    MtaObject<abi_netops::IESimProfileMetadata> metadata = Object(env, call);
    Napi::Function onProgress =
        info[1].IsFunction() ? info[1].As<Napi::Function>() : Napi::Function();
    return InstallOperation::Start(
        env, context_->operations,
        [metadata, code = std::move(code), withCode](InstallOperation::EndSink onEnd,
                                                     InstallOperation::ProgressSink onReport,
                                                     std::shared_ptr<AsyncWork>* work) {
          return ConfirmInstall(metadata->Get(), withCode ? &code : nullptr, std::move(onEnd),
                                std::move(onReport), work);
        },
        SettleStatus(call), onProgress,
        [](Napi::Env env, Napi::Function& callback, const EsimInstallProgress& progress) {
          callback.Call({Napi::Number::New(env, progress.totalSizeInBytes),
                         Napi::Number::New(env, progress.installedSizeInBytes)});
        });
  }

  Napi::Value Decline(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    if (info.Length() < 1 || !info[0].IsBoolean()) {
      ThrowTypeError(env, "decline", "(postpone: boolean)");
    }
    const bool postpone = info[0].As<Napi::Boolean>().Value();
    const char* call = postpone ? "ESimProfileMetadata.PostponeInstallAsync"
                                : "ESimProfileMetadata.DenyInstallAsync";
    MtaObject<abi_netops::IESimProfileMetadata> metadata = Object(env, call);
    return StatusOperation::Start(
        env, context_->operations,
        [metadata, postpone](StatusOperation::EndSink onEnd, StatusOperation::ProgressSink,
                             std::shared_ptr<AsyncWork>* work) {
          return DeclineInstall(metadata->Get(), postpone, std::move(onEnd), work);
        },
        SettleStatus(call));
  }
};

template <class Wrapper, class Interface>
Napi::Object NewRef(Napi::FunctionReference& constructor, ComPtr<Interface>& object,
                    EsimRefContext* context) {
  Napi::Object ref = constructor.New({});
  Wrapper::Unwrap(ref)->Attach(object, context);
  return ref;
}

}  // namespace

void RefRegistry::ReleaseAll() {
  // ReleaseNow() removes the ref from the set: iterate over a copy.
  const std::set<ComRef*> refs = refs_;
  for (ComRef* ref : refs) ref->ReleaseNow();
}

void EsimRefContext::DefineClasses(Napi::Env env) {
  esimClass = Napi::Persistent(EsimRefObject::DefineClass(env));
  profileClass = Napi::Persistent(ProfileRefObject::DefineClass(env));
  metadataClass = Napi::Persistent(MetadataRefObject::DefineClass(env));
}

Napi::Object EsimRefContext::NewEsim(ComPtr<abi_netops::IESim>& esim) {
  return NewRef<EsimRefObject>(esimClass, esim, this);
}

Napi::Object EsimRefContext::NewProfile(ComPtr<abi_netops::IESimProfile>& profile) {
  return NewRef<ProfileRefObject>(profileClass, profile, this);
}

Napi::Object EsimRefContext::NewMetadata(ComPtr<abi_netops::IESimProfileMetadata>& metadata) {
  return NewRef<MetadataRefObject>(metadataClass, metadata, this);
}

Napi::Error CanceledError(Napi::Env env, const char* call) {
  Napi::Error error = Napi::Error::New(env, std::string(call) + " was cancelled");
  error.Set("hresult", Napi::Number::New(env, static_cast<double>(kCanceled)));
  error.Set("call", Napi::String::New(env, call));
  error.Set("canceled", Napi::Boolean::New(env, true));
  return error;
}

}  // namespace wmbb
