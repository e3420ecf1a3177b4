#include "record-delivery.h"

#include <cstring>
#include <string>

#include "js-errors.h"

namespace wmbb {

Napi::Int32Array WordsToJs(Napi::Env env, const RecordBatch& batch) {
  const std::vector<int32_t>& words = batch.words();
  Napi::ArrayBuffer buffer = Napi::ArrayBuffer::New(env, words.size() * sizeof(int32_t));
  if (!words.empty()) std::memcpy(buffer.Data(), words.data(), words.size() * sizeof(int32_t));
  return Napi::Int32Array::New(env, words.size(), buffer, 0);
}

Napi::String TextToJs(Napi::Env env, const RecordBatch& batch) {
  return Napi::String::New(env, batch.text().data(), batch.text().size());
}

struct RecordDelivery::Context {
  std::shared_ptr<RecordQueue> queue;
  std::shared_ptr<bool> finalized;
};

RecordDelivery::RecordDelivery(Napi::Env env, Napi::Function callback,
                               RecordQueue::Limits limits) {
  // The queue signals through the function; the function is created right after the queue,
  // before any watcher exists, so no signal can come first.
  auto function = std::make_shared<Function>();
  queue_ = std::make_shared<RecordQueue>(limits, [function] { function->NonBlockingCall(); });
  finalized_ = std::make_shared<bool>(false);
  auto* context = new Context{queue_, finalized_};
  *function = Function::New(
      env, callback, "windows-mobile-broadband:events", 0, 1, context,
      [](Napi::Env, void*, Context* finalized) {
        // Env teardown can finalize the function before Close(): close the queue first so that
        // no Windows thread signals a function that is about to be freed.
        finalized->queue->Close();
        *finalized->finalized = true;  // Close() must not release it again
        delete finalized;
      },
      static_cast<void*>(nullptr));
  function->Unref(env);
  function_ = function;
}

void RecordDelivery::Close() {
  if (closed_) return;
  closed_ = true;
  queue_->Close();
  // Env teardown may have finalized the function already (a delivery still held by a pending
  // operation's closure): releasing it then would touch freed memory.
  if (!*finalized_) function_->Release();
}

void RecordDelivery::CallJs(Napi::Env env, Napi::Function callback, Context* context, void*) {
  if (env == nullptr || context == nullptr) return;  // tearing down
  RecordBatch batch;
  if (!context->queue->Take(&batch)) return;
  // Nothing may unwind into Node's dispatcher: every Node-API call below can throw when the
  // environment is going away (a terminated worker), and an exception escaping here would end
  // the thread. The batch is then lost with the environment, which nobody is left to tell.
  try {
    Napi::Int32Array array = WordsToJs(env, batch);
    Napi::String text = TextToJs(env, batch);
    try {
      callback.Call({array, text});
    } catch (const Napi::Error& error) {
      // The TypeScript decoder isolates listeners, so this is a bug there: surface it as an
      // uncaught exception rather than lose it or let it unwind into Node's dispatcher.
      napi_fatal_exception(env, error.Value());
    }
  } catch (...) {
  }
}

std::shared_ptr<RecordDelivery> DeliveryFromArguments(const Napi::CallbackInfo& info,
                                                      const char* name) {
  Napi::Env env = info.Env();
  if (info.Length() < 3 || !info[0].IsFunction() || !info[1].IsNumber() || !info[2].IsNumber()) {
    ThrowTypeError(env, name, "(onBatch: function, maxBatch: number, maxQueued: number)");
  }
  const int64_t maxBatch = info[1].As<Napi::Number>().Int64Value();
  const int64_t maxQueued = info[2].As<Napi::Number>().Int64Value();
  if (maxBatch < 1 || maxBatch > (1 << 24) || maxQueued < 1 || maxQueued > (1 << 24)) {
    throw Napi::RangeError::New(env, std::string(name) +
                                         ": maxBatch and maxQueued must be 1 to 16777216");
  }
  RecordQueue::Limits limits;
  limits.maxBatch = static_cast<uint32_t>(maxBatch);
  limits.maxQueued = static_cast<uint32_t>(maxQueued);
  return std::make_shared<RecordDelivery>(env, info[0].As<Napi::Function>(), limits);
}

}  // namespace wmbb
