#include "modems-exports.h"

#include <string>

#include "../../winrt/modems/accounts.h"
#include "../../winrt/modems/modems-watch.h"
#include "../core/js-errors.h"
#include "../core/record-delivery.h"

namespace wmbb {
namespace {

/** Records read on the MTA thread, or the failure that stopped the read. */
struct RecordsEnd {
  AsyncEndKind kind = AsyncEndKind::Failed;
  RecordBatch batch;
  Failure failure{E_FAIL, ""};
};

void SettleRecords(Napi::Env env, Napi::Promise::Deferred& deferred, RecordsEnd& end) {
  if (end.kind != AsyncEndKind::Completed) {
    deferred.Reject(WinRtError(env, end.failure).Value());
    return;
  }
  Napi::Object result = Napi::Object::New(env);
  result.Set("words", WordsToJs(env, end.batch));
  result.Set("text", TextToJs(env, end.batch));
  deferred.Resolve(result);
}

template <class Read>
RecordsEnd ReadRecords(Read&& read) {
  RecordsEnd end;
  if (auto failure = read(&end.batch)) {
    end.failure = *failure;
  } else {
    end.kind = AsyncEndKind::Completed;
  }
  return end;
}

ModemsExports* Self(const Napi::CallbackInfo& info) {
  return static_cast<ModemsExports*>(info.Data());
}

}  // namespace

Napi::Object ModemsExports::Define(Napi::Env env) {
  Napi::Object table = Napi::Object::New(env);
  table.Set("accounts", Napi::Function::New(env, Accounts, "accounts", this));
  table.Set("account", Napi::Function::New(env, Account, "account", this));
  watchClass_ = Napi::Persistent(WatchObject<ModemsWatch>::DefineClass(env, "NativeModemsWatcher"));
  table.Set("createWatcher", Napi::Function::New(env, CreateWatcher, "createWatcher", this));
  return table;
}

Napi::Value ModemsExports::Accounts(const Napi::CallbackInfo& info) {
  return StartMtaCall<RecordsEnd>(
      info.Env(), Self(info)->operations_,
      [] { return ReadRecords([](RecordBatch* batch) { return ReadAccounts(batch); }); },
      SettleRecords);
}

Napi::Value ModemsExports::Account(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1 || !info[0].IsString()) {
    ThrowTypeError(env, "account", "(networkAccountId: string)");
  }
  std::u16string id = info[0].As<Napi::String>().Utf16Value();
  return StartMtaCall<RecordsEnd>(
      env, Self(info)->operations_,
      [id = std::move(id)] {
        return ReadRecords([&id](RecordBatch* batch) { return ReadAccount(id, batch); });
      },
      SettleRecords);
}

Napi::Value ModemsExports::CreateWatcher(const Napi::CallbackInfo& info) {
  ModemsExports* self = Self(info);
  return StartWatchCreation<ModemsWatch>(info, "createWatcher", self->operations_, self->watches_,
                                         &self->watchClass_, ModemsWatch::Create);
}

}  // namespace wmbb
