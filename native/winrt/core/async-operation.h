// Completion of any IAsyncOperation<T>, IAsyncOperationWithProgress<T, P> or IAsyncAction, on
// any thread.
//
//   AsyncOperation<IAsyncOperation<ESimOperationResult*>>::Watch(operation, "ESim.ResetAsync",
//       onEnd, onProgress, &work);
//
// subscribes a free-threaded completion handler (and, with progress, a progress handler) and
// hands the end to `onEnd` exactly once: Completed with the result (GetResults: an interface, a
// value such as boolean or an enum, or nothing for IAsyncAction), Canceled, or Failed with
// IAsyncInfo::ErrorCode. Windows may call the handler on any thread, or synchronously inside
// put_Completed when the operation has already finished: `onEnd` must therefore neither block
// nor re-enter its caller (the glue queues it for the JS thread). Windows completes on threads
// of the MTA (its pool, RPC threads) or on the addon's MTA thread, so reading the result there
// is legal for agile and MTA objects alike.
//
// Watch, Cancel and Close are called on the addon's MTA thread (mta-thread.h). Nothing here
// closes or releases an operation inside its own completion callback (Microsoft: releasing the
// last UssdSession reference there "may hang"): a Close that arrives while the handler is still
// running is deferred until it has returned, and an operation that ends after its owner let go
// is closed and released by a task queued on the MTA thread.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <type_traits>
#include <utility>

#include "agile-delegate.h"
#include "async-work.h"
#include "release-later.h"
#include "srw-mutex.h"
#include "status.h"

namespace wmbb {
namespace async_detail {

/** What GetResults writes: an interface pointer (IESimOperationResult*), a string (HSTRING) or
 *  a value (boolean, an enum, a struct); nothing for IAsyncAction. */
template <class C, class R>
R ResultOf(HRESULT (STDMETHODCALLTYPE C::*)(R*));
template <class C>
void ResultOf(HRESULT (STDMETHODCALLTYPE C::*)());

/** The result type AsyncEnd is made of: the interface itself for an interface pointer. */
template <class R>
using ResultType = std::conditional_t<
    std::is_void_v<R>, NoResult,
    std::conditional_t<std::is_pointer_v<R> && std::is_base_of_v<IUnknown, std::remove_pointer_t<R>>,
                       std::remove_pointer_t<R>, R>>;

/** The progress value a progress handler receives (ESimProfileInstallProgress). */
template <class C, class O, class P>
P ProgressOf(HRESULT (STDMETHODCALLTYPE C::*)(O*, P));

/** No progress: the traits of IAsyncOperation<T>. */
struct NoProgress {};

}  // namespace async_detail

template <class Operation>
struct AsyncTraits;

template <class TResult>
struct AsyncTraits<abi_foundation::IAsyncOperation<TResult>> {
  using CompletedHandler = abi_foundation::IAsyncOperationCompletedHandler<TResult>;
  using ProgressHandler = void;
  using Progress = async_detail::NoProgress;
  static constexpr bool kHasProgress = false;
};

/** IAsyncAction: no result, no progress. */
template <>
struct AsyncTraits<abi_foundation::IAsyncAction> {
  using CompletedHandler = abi_foundation::IAsyncActionCompletedHandler;
  using ProgressHandler = void;
  using Progress = async_detail::NoProgress;
  static constexpr bool kHasProgress = false;
};

template <class TResult, class TProgress>
struct AsyncTraits<abi_foundation::IAsyncOperationWithProgress<TResult, TProgress>> {
  using CompletedHandler =
      abi_foundation::IAsyncOperationWithProgressCompletedHandler<TResult, TProgress>;
  using ProgressHandler = abi_foundation::IAsyncOperationProgressHandler<TResult, TProgress>;
  using Progress = decltype(async_detail::ProgressOf(&ProgressHandler::Invoke));
  static constexpr bool kHasProgress = true;
};

template <class Operation>
class AsyncOperation final : public AsyncWork,
                             public std::enable_shared_from_this<AsyncOperation<Operation>> {
 public:
  using Traits = AsyncTraits<Operation>;
  /** The result: an interface (IESimOperationResult, IVectorView<T>, …), HSTRING, a value
   *  (boolean, an enum, a struct), or NoResult (IAsyncAction). */
  using Result = async_detail::ResultType<decltype(async_detail::ResultOf(&Operation::GetResults))>;
  using Progress = typename Traits::Progress;
  using End = AsyncEnd<Result>;
  using OnEnd = std::function<void(End)>;
  using OnProgress = std::function<void(const Progress&)>;

  /**
   * Subscribes to `operation`. `onEnd` runs once, on the thread Windows completes on, possibly
   * before this returns; `onProgress` (operations with progress only; may be empty) runs for
   * each report before it. `call` (a string literal) names the Windows member in failures.
   * On failure nothing was subscribed, the operation is cancelled and closed, and `onEnd` never
   * runs.
   */
  static Status Watch(ComPtr<Operation> operation, const char* call, OnEnd onEnd,
                      OnProgress onProgress, std::shared_ptr<AsyncOperation>* out) {
    if (!operation) return Failure{E_POINTER, call};
    std::shared_ptr<AsyncOperation> self(
        new AsyncOperation(operation, call, std::move(onEnd), std::move(onProgress)));
    if (auto f = Check(operation->QueryInterface(__uuidof(IAsyncInfo),
                                                 reinterpret_cast<void**>(self->info_.GetAddressOf())),
                       call))
      return f;
    if constexpr (Traits::kHasProgress) {
      if (self->onProgress_) {
        auto handler = Adopt(new ProgressHandler(self));
        if (auto f = Check(operation->put_Progress(handler.Get()), call)) {
          self->Abort();
          return f;
        }
      }
    }
    *out = self;  // before put_Completed: the end may arrive inside it
    auto handler = Adopt(new CompletedHandler(self));
    if (auto f = Check(operation->put_Completed(handler.Get()), call)) {
      out->reset();
      self->Abort();
      return f;
    }
    return std::nullopt;
  }

  Status Cancel() override {
    ComPtr<IAsyncInfo> info;
    {
      std::lock_guard<SrwMutex> lock(mutex_);
      if (ended_ || closed_) return std::nullopt;
      info = info_;
    }
    // Outside the lock: an implementation may complete (and call the handler) inside Cancel.
    return Check(info->Cancel(), "IAsyncInfo.Cancel");
  }

  void Close() override {
    ComPtr<IAsyncInfo> info;
    ComPtr<Operation> operation;
    bool cancel = false;
    {
      std::lock_guard<SrwMutex> lock(mutex_);
      if (closed_) return;
      closed_ = true;
      if (ended_ && inCallback_) {
        // The end was delivered but its handler has not returned yet: it closes and releases
        // the operation on the MTA thread once it has (CallbackReturned).
        closeDeferred_ = true;
        return;
      }
      if (ended_) {
        info = Take(info_);
        operation = Take(operation_);
      } else {
        cancel = true;  // the completion handler closes and releases it, off its thread
        info = info_;
      }
    }
    if (cancel) {
      info->Cancel();
      return;
    }
    if (info) info->Close();
  }

 private:
  using CompletedHandlerInterface = typename Traits::CompletedHandler;

  class CompletedHandler final : public AgileDelegate<CompletedHandlerInterface> {
   public:
    explicit CompletedHandler(std::shared_ptr<AsyncOperation> owner) : owner_(std::move(owner)) {}
    HRESULT STDMETHODCALLTYPE Invoke(Operation* operation, AsyncStatus status) override {
      owner_->OnCompleted(operation, status);
      owner_->CallbackReturned();
      return S_OK;
    }

   private:
    std::shared_ptr<AsyncOperation> owner_;
  };

  template <class Handler, bool kEnabled = Traits::kHasProgress>
  class ProgressHandlerOf;
  template <class Handler>
  class ProgressHandlerOf<Handler, true> final : public AgileDelegate<Handler> {
   public:
    explicit ProgressHandlerOf(std::shared_ptr<AsyncOperation> owner) : owner_(std::move(owner)) {}
    HRESULT STDMETHODCALLTYPE Invoke(Operation*, Progress progress) override {
      owner_->OnProgressReport(progress);
      return S_OK;
    }

   private:
    std::shared_ptr<AsyncOperation> owner_;
  };
  using ProgressHandler = ProgressHandlerOf<typename Traits::ProgressHandler>;

  AsyncOperation(ComPtr<Operation> operation, const char* call, OnEnd onEnd, OnProgress onProgress)
      : operation_(std::move(operation)),
        call_(call),
        onEnd_(std::move(onEnd)),
        onProgress_(std::move(onProgress)) {}

  /** Subscribing failed: nothing will be delivered; cancel and close what Windows started. */
  void Abort() {
    ComPtr<IAsyncInfo> info;
    ComPtr<Operation> operation;
    {
      std::lock_guard<SrwMutex> lock(mutex_);
      ended_ = true;
      closed_ = true;
      info = Take(info_);
      operation = Take(operation_);
    }
    if (info) {
      info->Cancel();
      info->Close();
    }
  }

  void OnProgressReport(const Progress& progress) noexcept {
    if (ended_.load(std::memory_order_acquire)) return;
    try {
      onProgress_(progress);
    } catch (...) {
      // Only allocation can throw here; a lost progress report is not worth an end.
    }
  }

  /** Runs on Windows' thread; never throws into Windows. */
  void OnCompleted(Operation* operation, AsyncStatus status) noexcept {
    bool abandoned = false;
    ComPtr<IAsyncInfo> info;
    ComPtr<Operation> held;
    {
      std::lock_guard<SrwMutex> lock(mutex_);
      if (ended_) return;  // delivered once only
      ended_.store(true, std::memory_order_release);
      if (closed_) {
        abandoned = true;
        info = Take(info_);
        held = Take(operation_);
      } else {
        inCallback_ = true;
      }
    }
    if (abandoned) {
      // The owner is gone: close and release on the MTA thread, not inside this callback.
      CloseLater(std::move(info), std::move(held));
      return;
    }
    try {
      onEnd_(Read(operation, status));
    } catch (...) {
      // Reading the result or queuing it ran out of memory. A failed end allocates nothing,
      // so the caller still learns that the operation ended.
      try {
        onEnd_(End::Failed(Failure{E_OUTOFMEMORY, call_}));
      } catch (...) {
        // Not even that: the JS side never settles, and its environment's teardown cleans up.
      }
    }
  }

  /** The completion handler has returned: a Close that came meanwhile can happen now. */
  void CallbackReturned() noexcept {
    ComPtr<IAsyncInfo> info;
    ComPtr<Operation> held;
    {
      std::lock_guard<SrwMutex> lock(mutex_);
      if (!inCallback_) return;
      inCallback_ = false;
      if (!closeDeferred_) return;
      info = Take(info_);
      held = Take(operation_);
    }
    CloseLater(std::move(info), std::move(held));
  }

  /** IAsyncInfo::Close and the release, as a task on the MTA thread. */
  static void CloseLater(ComPtr<IAsyncInfo> info, ComPtr<Operation> held) noexcept {
    try {
      ReleaseLater([info, held]() mutable {
        if (info) info->Close();
        info.Reset();
        held.Reset();
      });
    } catch (...) {
      // No memory for the task: the operation leaks, which is better than ending the host.
    }
  }

  End Read(Operation* operation, AsyncStatus status) {
    if (operation == nullptr) operation = operation_.Get();
    if (status == AsyncStatus::Completed) {
      ResultHolder<Result> result{};
      HRESULT hr;
      if constexpr (std::is_same_v<Result, NoResult>) {
        hr = operation->GetResults();
      } else if constexpr (std::is_base_of_v<IUnknown, Result>) {
        hr = operation->GetResults(result.GetAddressOf());
      } else if constexpr (std::is_same_v<Result, HSTRING>) {
        hr = operation->GetResults(result.Put());
      } else {
        hr = operation->GetResults(&result);
      }
      if (FAILED(hr)) return End::Failed(Failure{hr, call_});
      return End::Completed(std::move(result));
    }
    if (status == AsyncStatus::Canceled) return End::Canceled();
    HRESULT code = E_FAIL;
    ComPtr<IAsyncInfo> info;
    if (SUCCEEDED(operation->QueryInterface(__uuidof(IAsyncInfo),
                                            reinterpret_cast<void**>(info.GetAddressOf())))) {
      if (FAILED(info->get_ErrorCode(&code)) || SUCCEEDED(code)) code = E_FAIL;
    }
    // Started (or a status this version does not know) is no end: say so rather than wait.
    if (status != AsyncStatus::Error) code = E_ILLEGAL_STATE_CHANGE;
    return End::Failed(Failure{code, call_});
  }

  SrwMutex mutex_;
  ComPtr<Operation> operation_;
  ComPtr<IAsyncInfo> info_;
  const char* const call_;
  const OnEnd onEnd_;
  const OnProgress onProgress_;
  std::atomic<bool> ended_{false};
  bool closed_ = false;
  // The completion handler is delivering the end (set under the lock).
  bool inCallback_ = false;
  // Close() came while it was: CallbackReturned() closes and releases.
  bool closeDeferred_ = false;
};

}  // namespace wmbb
