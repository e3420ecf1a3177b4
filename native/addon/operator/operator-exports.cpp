#include "operator-exports.h"

#include <atomic>
#include <optional>
#include <string>

#include "../../winrt/core/package-identity.h"
#include "../../winrt/operator/operator-events.h"
#include "../core/js-errors.h"
#include "../core/record-delivery.h"

namespace wmbb {
namespace {

/** The server and whether a JS object owns it (else the environment went first). */
struct ServerCell {
  std::shared_ptr<OperatorEventsServer> server;
  std::atomic<bool> claimed{false};
};

/** Revokes and closes a server that no JS object claimed. MTA thread. */
class UnclaimedServer final : public AsyncWork {
 public:
  explicit UnclaimedServer(std::shared_ptr<ServerCell> cell) : cell_(std::move(cell)) {}
  Status Cancel() override { return std::nullopt; }
  void Close() override {
    if (cell_->claimed) return;
    cell_->server->Close();
    cell_->server->Revoke();
  }

 private:
  std::shared_ptr<ServerCell> cell_;
};

class ServerObject : public Napi::ObjectWrap<ServerObject>, public ClosableWatch {
 public:
  static Napi::Function DefineClass(Napi::Env env) {
    return Napi::ObjectWrap<ServerObject>::DefineClass(
        env, "NativeOperatorServer",
        {
            InstanceMethod<&ServerObject::AnswerJs>("answer"),
            InstanceMethod<&ServerObject::CloseJs>("close"),
            InstanceMethod<&ServerObject::Discarded>("discarded"),
        });
  }

  explicit ServerObject(const Napi::CallbackInfo& info) : Napi::ObjectWrap<ServerObject>(info) {}
  ~ServerObject() { CloseNow(); }

  void Attach(std::shared_ptr<RecordDelivery> delivery, std::shared_ptr<ServerCell> cell,
              std::shared_ptr<WatchRegistry> registry,
              std::shared_ptr<OperationRegistry> operations) {
    delivery_ = std::move(delivery);
    cell_ = std::move(cell);
    cell_->claimed = true;
    registry_ = std::move(registry);
    operations_ = std::move(operations);
    registry_->Add(this);
  }

  /** Releases the callers, stops delivery, has the MTA thread revoke the class. */
  void CloseNow() override {
    if (cell_) {
      cell_->server->Close();
      MtaThread::Post([cell = cell_] { cell->server->Revoke(); });
      cell_.reset();
    }
    if (delivery_) delivery_->Close();
    if (registry_) registry_->Remove(this);
    registry_.reset();
  }

 private:
  Napi::Value AnswerJs(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    if (info.Length() < 2 || !info[0].IsNumber() || !(info[1].IsString() || info[1].IsNull())) {
      ThrowTypeError(env, "answer", "(checkId: number, answer: string | null)");
    }
    if (!cell_) return Napi::Boolean::New(env, false);
    const int64_t id = info[0].As<Napi::Number>().Int64Value();
    if (id < 1 || id > UINT32_MAX) return Napi::Boolean::New(env, false);
    std::optional<std::u16string> answer;
    if (info[1].IsString()) answer = info[1].As<Napi::String>().Utf16Value();
    // A lock and SetEvent: the JS thread never waits on the caller.
    return Napi::Boolean::New(
        env, cell_->server->Answer(static_cast<uint32_t>(id), std::move(answer)));
  }

  Napi::Value CloseJs(const Napi::CallbackInfo& info) {
    CloseNow();
    // Tasks run in order: once this one runs, the revocation posted by CloseNow() has.
    return StartMtaCall<CallEnd>(info.Env(), operations_, [] { return CallEnd::Done(); },
                                 SettleCallEnd);
  }

  Napi::Value Discarded(const Napi::CallbackInfo& info) {
    const uint64_t discarded = delivery_ ? delivery_->queue()->TotalDiscarded() : 0;
    return Napi::Number::New(info.Env(), static_cast<double>(discarded));
  }

  std::shared_ptr<RecordDelivery> delivery_;
  std::shared_ptr<ServerCell> cell_;
  std::shared_ptr<WatchRegistry> registry_;
  std::shared_ptr<OperationRegistry> operations_;
};

OperatorExports* Self(const Napi::CallbackInfo& info) {
  return static_cast<OperatorExports*>(info.Data());
}

}  // namespace

Napi::Object OperatorExports::Define(Napi::Env env) {
  Napi::Object table = Napi::Object::New(env);
  table.Set("hasPackageIdentity",
            Napi::Function::New(env, HasPackageIdentity, "hasPackageIdentity", this));
  serverClass_ = Napi::Persistent(ServerObject::DefineClass(env));
  table.Set("serve", Napi::Function::New(env, Serve, "serve", this));
  return table;
}

Napi::Value OperatorExports::HasPackageIdentity(const Napi::CallbackInfo& info) {
  // A kernel32 call that neither waits nor touches COM: answered on the JS thread, so that
  // createNativeBackend() can choose its notification source at once.
  bool identity = false;
  if (Status failure = wmbb::HasPackageIdentity(&identity)) {
    throw WinRtError(info.Env(), *failure);
  }
  return Napi::Boolean::New(info.Env(), identity);
}

Napi::Value OperatorExports::Serve(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  OperatorExports* self = Self(info);
  // The delivery exists before the class is registered, so no call can come before it.
  std::shared_ptr<RecordDelivery> delivery = DeliveryFromArguments(info, "serve");
  auto cell = std::make_shared<ServerCell>();
  cell->server = std::make_shared<OperatorEventsServer>(delivery->queue());
  using Registration = JsOperation<CallEnd>;
  std::shared_ptr<WatchRegistry> servers = self->servers_;
  std::shared_ptr<OperationRegistry> operations = self->operations_;
  Napi::FunctionReference* serverClass = &self->serverClass_;
  return Registration::Start(
      env, operations,
      [cell](Registration::EndSink onEnd, Registration::ProgressSink,
             std::shared_ptr<AsyncWork>* work) -> Status {
        if (auto failure = cell->server->Register()) return failure;
        *work = std::make_shared<UnclaimedServer>(cell);
        onEnd(CallEnd::Done());
        return std::nullopt;
      },
      [delivery, cell, servers, operations, serverClass](
          Napi::Env env, Napi::Promise::Deferred& deferred, CallEnd& end) {
        if (end.kind != AsyncEndKind::Completed) {
          delivery->Close();
          deferred.Reject(WinRtError(env, end.failure).Value());
          return;
        }
        Napi::Object object = serverClass->New({});
        ServerObject::Unwrap(object)->Attach(delivery, cell, servers, operations);
        deferred.Resolve(object);
      });
}

}  // namespace wmbb
