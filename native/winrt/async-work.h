// Something running in Windows that ends once, delivered to whoever started it: an
// IAsyncOperation (async-operation.h) or an ESimWatcher run to EnumerationCompleted
// (esim-lookup.h). The glue (native/addon/js-operation.h) holds one of these per JS promise and
// needs only these two calls, whatever runs underneath.
#pragma once

#include "status.h"

namespace wmbb {

/** How a piece of asynchronous work ended. */
enum class AsyncEndKind {
  /** It finished; the result is valid. */
  Completed,
  /** It was cancelled (IAsyncInfo::Cancel, or Windows cancelled it). */
  Canceled,
  /** It failed; the failure names the HRESULT (IAsyncInfo::ErrorCode) and the call. */
  Failed,
};

/** The end of a piece of work whose result is an interface `Result` (IESimOperationResult, …). */
template <class Result>
struct AsyncEnd {
  AsyncEndKind kind = AsyncEndKind::Failed;
  ComPtr<Result> result;
  Failure failure{E_FAIL, ""};

  static AsyncEnd Completed(ComPtr<Result> value) {
    AsyncEnd end;
    end.kind = AsyncEndKind::Completed;
    end.result = std::move(value);
    return end;
  }
  static AsyncEnd Canceled() {
    AsyncEnd end;
    end.kind = AsyncEndKind::Canceled;
    return end;
  }
  static AsyncEnd Failed(Failure failure) {
    AsyncEnd end;
    end.failure = failure;
    return end;
  }
};

class AsyncWork {
 public:
  virtual ~AsyncWork() = default;

  /**
   * Asks Windows to cancel (IAsyncInfo::Cancel). The end still arrives, as Canceled, or as
   * whatever Windows finished with first. Any thread; harmless after the end.
   */
  virtual Status Cancel() = 0;

  /**
   * Releases the work for good. After the end: closes it (IAsyncInfo::Close) and releases it
   * now. Before the end (the environment is going away): cancels it, stops delivering, and
   * closes and releases it when Windows ends it, off the completing thread. Call it from a
   * thread of the caller's (the JS thread), never from inside a Windows callback. Idempotent.
   */
  virtual void Close() = 0;
};

}  // namespace wmbb
