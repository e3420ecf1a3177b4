#include "ussd-exports.h"

#include <string>

#include "../../winrt/core/release-later.h"
#include "../../winrt/ussd/ussd-session.h"
#include "../core/js-errors.h"
#include "../core/mta-object.h"

namespace wmbb {
namespace {

using SendOperation = JsOperation<UssdReplyEnd>;
constexpr const char* kSendCall = "UssdSession.SendMessageAndGetReplyAsync";

/**
 * Takes over `session` so that whoever lets go of it last, on whatever thread (the JS thread
 * dropping an unsettled end, a finalizer), only queues its release for the MTA thread.
 */
MtaObject<abi_netops::IUssdSession> HoldOnMta(ComPtr<abi_netops::IUssdSession>& session) {
  auto* held = new ComPtr<abi_netops::IUssdSession>();
  held->Swap(session);
  return MtaObject<abi_netops::IUssdSession>(held, [](ComPtr<abi_netops::IUssdSession>* last) {
    try {
      ReleaseLater([last] { delete last; });
    } catch (...) {
      delete last;  // no memory for the task: here, rather than a leak (ReleaseLater's own rule)
    }
  });
}

/** The end of open(): the session (made and held for the MTA thread), or the failure. */
struct OpenEnd {
  AsyncEndKind kind = AsyncEndKind::Failed;
  MtaObject<abi_netops::IUssdSession> session;
  Failure failure{E_FAIL, ""};
};

/** Closes and releases a session on the MTA thread (never inside a completion). */
void CloseOnMta(MtaObject<abi_netops::IUssdSession>& session) {
  if (!session) return;
  try {
    ReleaseLater([held = std::move(session)] {
      CloseUssdSession(held->Get());  // a failure changes nothing: the release follows anyway
      held->Reset();
    });
  } catch (...) {
    // No memory for the task: dropping the last owner still queues the release (HoldOnMta).
  }
  session.reset();
}

/** A JS object holding one UssdSession. */
class UssdSessionObject final : public Napi::ObjectWrap<UssdSessionObject>, public ComRef {
 public:
  explicit UssdSessionObject(const Napi::CallbackInfo& info) : ObjectWrap(info) {}
  ~UssdSessionObject() override { ReleaseNow(); }

  static Napi::Function DefineClass(Napi::Env env) {
    return ObjectWrap::DefineClass(env, "NativeUssdSessionRef",
                                   {
                                       InstanceMethod<&UssdSessionObject::Send>("send"),
                                       InstanceMethod<&UssdSessionObject::Close>("close"),
                                   });
  }

  void Attach(MtaObject<abi_netops::IUssdSession> session, const UssdExports* owner) {
    session_ = std::move(session);
    operations_ = owner->operations();
    refs_ = owner->refs();
    refs_->Add(this);
  }

  /** Garbage collection or teardown: Close and release on the MTA thread. Idempotent. */
  void ReleaseNow() override {
    CloseOnMta(session_);
    Forget();
  }

 private:
  void Forget() {
    if (refs_) refs_->Remove(this);
    refs_.reset();
  }

  Napi::Value Send(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    if (info.Length() < 1 || !info[0].IsString()) ThrowTypeError(env, "send", "(text: string)");
    if (!session_) throw WinRtError(env, Failure{RO_E_CLOSED, kSendCall});
    std::u16string text = info[0].As<Napi::String>().Utf16Value();
    MtaObject<abi_netops::IUssdSession> session = session_;
    return SendOperation::Start(
        env, operations_,
        // Runs on the MTA thread and is destroyed there: the session it holds is never let go
        // by the completion, which gets only `onEnd`.
        [session, text = std::move(text)](SendOperation::EndSink onEnd, SendOperation::ProgressSink,
                                          std::shared_ptr<AsyncWork>* work) {
          return SendUssd(session->Get(), text, std::move(onEnd), work);
        },
        [](Napi::Env env, Napi::Promise::Deferred& deferred, UssdReplyEnd& end) {
          switch (end.kind) {
            case AsyncEndKind::Completed: {
              Napi::Object reply = Napi::Object::New(env);
              reply.Set("resultCode", Napi::Number::New(env, end.resultCode));
              if (end.hasMessage) {
                reply.Set("message", Napi::String::New(env, end.message));
              } else {
                reply.Set("message", env.Null());
              }
              deferred.Resolve(reply);
              break;
            }
            case AsyncEndKind::Canceled:
              deferred.Reject(CanceledError(env, kSendCall).Value());
              break;
            case AsyncEndKind::Failed:
              deferred.Reject(WinRtError(env, end.failure).Value());
              break;
          }
        });
  }

  /** UssdSession.Close and the release, on the MTA thread; settles once both are done. */
  Napi::Value Close(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    MtaObject<abi_netops::IUssdSession> session = std::move(session_);
    session_.reset();
    std::shared_ptr<OperationRegistry> operations = operations_;
    Forget();
    if (!session) {
      // Closed already: nothing to do, but answer the same way.
      return StartMtaCall<CallEnd>(env, operations, [] { return CallEnd::Done(); }, SettleCallEnd);
    }
    return StartMtaCall<CallEnd>(
        env, operations,
        [session] {
          CallEnd end = CallEnd::Done();
          if (auto failure = CloseUssdSession(session->Get())) {
            end.kind = AsyncEndKind::Failed;
            end.failure = *failure;
          }
          session->Reset();  // the release, here on the MTA thread
          return end;
        },
        SettleCallEnd);
  }

  MtaObject<abi_netops::IUssdSession> session_;
  std::shared_ptr<OperationRegistry> operations_;
  std::shared_ptr<RefRegistry> refs_;
};

UssdExports* Self(const Napi::CallbackInfo& info) { return static_cast<UssdExports*>(info.Data()); }

}  // namespace

Napi::Object UssdExports::Define(Napi::Env env) {
  Napi::Object table = Napi::Object::New(env);
  sessionClass_ = Napi::Persistent(UssdSessionObject::DefineClass(env));
  table.Set("open", Napi::Function::New(env, Open, "open", this));
  return table;
}

Napi::Value UssdExports::Open(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1 || !info[0].IsString()) {
    ThrowTypeError(env, "open", "(networkAccountId: string)");
  }
  std::u16string id = info[0].As<Napi::String>().Utf16Value();
  UssdExports* self = Self(info);
  return StartMtaCall<OpenEnd>(
      env, self->operations_,
      [id = std::move(id)] {
        OpenEnd end;
        ComPtr<abi_netops::IUssdSession> session;
        if (auto failure = CreateUssdSession(id, &session)) {
          end.failure = *failure;
        } else {
          end.kind = AsyncEndKind::Completed;
          end.session = HoldOnMta(session);
        }
        return end;
      },
      [self](Napi::Env env, Napi::Promise::Deferred& deferred, OpenEnd& end) {
        if (end.kind != AsyncEndKind::Completed) {
          deferred.Reject(WinRtError(env, end.failure).Value());
          return;
        }
        Napi::Object ref = self->sessionClass_.New({});
        UssdSessionObject::Unwrap(ref)->Attach(std::move(end.session), self);
        deferred.Resolve(ref);
      });
}

}  // namespace wmbb
