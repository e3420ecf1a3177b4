// Something running in Windows that ends once, delivered to whoever started it: an
// IAsyncOperation (async-operation.h) or an ESimWatcher run to EnumerationCompleted
// (esim/esim-lookup.h). The glue (native/addon/core/js-operation.h) holds one of these per JS promise and
// needs only these two calls, whatever runs underneath.
#pragma once

#include <type_traits>

#include "hstring.h"
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

/** The result of an IAsyncAction: nothing. */
struct NoResult {};

/**
 * How a result of type `Result` is held: an interface (IESimOperationResult, IVectorView<T>,
 * IReference<T>) by a ComPtr, a string by an HString, anything else (boolean, an enum, a struct
 * such as DateTime, NoResult) by value.
 */
template <class Result>
using ResultHolder = std::conditional_t<
    std::is_base_of_v<IUnknown, Result>, ComPtr<Result>,
    std::conditional_t<std::is_same_v<Result, HSTRING>, HString, Result>>;

/**
 * The end of a piece of work whose result is a `Result`. Making one that failed or was cancelled
 * allocates nothing, so a failure can still be reported when memory has run out.
 */
template <class Result>
struct AsyncEnd {
  AsyncEndKind kind = AsyncEndKind::Failed;
  ResultHolder<Result> result{};
  Failure failure{E_FAIL, ""};

  static AsyncEnd Completed(ResultHolder<Result> value) {
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

/** A failed end of any end type that has `kind` and `failure` (AsyncEnd and the glue's plain
 *  structs alike). Allocates nothing. */
template <class End>
End FailedEnd(Failure failure) {
  End end{};
  end.kind = AsyncEndKind::Failed;
  end.failure = failure;
  return end;
}

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
   * thread of the caller's (the addon's MTA thread), never from inside a Windows callback.
   * Idempotent.
   */
  virtual void Close() = 0;
};

/** Work that runs to its end on its own (a shell launch): nothing to cancel or close. */
class UncancellableWork final : public AsyncWork {
 public:
  Status Cancel() override { return std::nullopt; }
  void Close() override {}
};

}  // namespace wmbb
