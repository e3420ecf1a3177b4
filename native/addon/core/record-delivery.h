// Carries a RecordQueue's batches to a JS callback on the JS thread through one thread-safe
// function: callback(words: Int32Array, text: string). The function is unref'd: a watcher
// never keeps the process alive by itself (the public layer's ref()/unref() decides that).
#pragma once

#include <napi.h>

#include <memory>

#include "../../winrt/core/record-queue.h"

namespace wmbb {

/** A batch's words as an Int32Array of their own. JS thread. */
Napi::Int32Array WordsToJs(Napi::Env env, const RecordBatch& batch);

/** A batch's text (every string of it, back to back) as one JS string. JS thread. */
Napi::String TextToJs(Napi::Env env, const RecordBatch& batch);

class RecordDelivery {
 public:
  /** Creates the queue and the thread-safe function calling `callback`. */
  RecordDelivery(Napi::Env env, Napi::Function callback, RecordQueue::Limits limits);
  ~RecordDelivery() { Close(); }
  RecordDelivery(const RecordDelivery&) = delete;
  RecordDelivery& operator=(const RecordDelivery&) = delete;

  const std::shared_ptr<RecordQueue>& queue() const { return queue_; }

  /** Stops delivery: closes the queue, then releases the thread-safe function. JS thread.
   *  Idempotent, and safe after the environment finalized the function. */
  void Close();

 private:
  struct Context;
  static void CallJs(Napi::Env env, Napi::Function callback, Context* context, void* unused);
  using Function = Napi::TypedThreadSafeFunction<Context, void, CallJs>;

  std::shared_ptr<RecordQueue> queue_;
  std::shared_ptr<Function> function_;
  std::shared_ptr<bool> finalized_;
  bool closed_ = false;
};

/**
 * The delivery of an export taking `(onBatch: function, maxBatch: number, maxQueued: number)` (a
 * watcher's creation, the operator server's `serve`), its arguments checked: a TypeError or a
 * RangeError naming `name` otherwise. JS thread.
 */
std::shared_ptr<RecordDelivery> DeliveryFromArguments(const Napi::CallbackInfo& info,
                                                      const char* name);

}  // namespace wmbb
