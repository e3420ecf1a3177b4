// An imitated IAsyncOperation<T> / IAsyncOperationWithProgress<T, P> (with IAsyncInfo), run the
// way the test asks (ITestControl::SetCompletion):
//
// - other thread (default): a thread of its own waits until the completion handler is set,
//   reports progress in steps spread over the duration, then ends and calls the handler there;
// - synchronous: the operation has ended before it is returned; progress is reported inside
//   put_Progress and the completion handler runs inside put_Completed, on the caller's thread.
//
// Cancel() is counted; a running operation then ends as Canceled (in LateCancel mode it runs to
// its end regardless, as a remote operation that honours a cancel late). An operation released
// without IAsyncInfo::Close() counts as a leak in LiveObjects until Reset(), as does any
// operation still alive.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <thread>
#include <type_traits>

#include "runtime-object.h"
#include "scenario.h"

// A delegate was assigned twice. In the Windows SDK's winerror.h; mingw-w64 10 lacks it.
#ifndef E_ILLEGAL_DELEGATE_ASSIGNMENT
#define E_ILLEGAL_DELEGATE_ASSIGNMENT static_cast<HRESULT>(0x80000018L)
#endif
#ifndef E_ILLEGAL_STATE_CHANGE
#define E_ILLEGAL_STATE_CHANGE static_cast<HRESULT>(0x8000000DL)
#endif

namespace test_component {

template <class Operation>
struct ImitatedTraits;

template <class T>
struct ImitatedTraits<foundation::IAsyncOperation<T>> {
  using Completed = foundation::IAsyncOperationCompletedHandler<T>;
  using ProgressHandler = IUnknown;  // none: never called
  using Progress = int;
  static constexpr bool kProgress = false;
};

template <class T, class P>
struct ImitatedTraits<foundation::IAsyncOperationWithProgress<T, P>> {
  using Completed = foundation::IAsyncOperationWithProgressCompletedHandler<T, P>;
  using ProgressHandler = foundation::IAsyncOperationProgressHandler<T, P>;
  using Progress = netops::ESimProfileInstallProgress;
  static constexpr bool kProgress = true;
};

template <class C, class R>
R ImitatedResultOf(HRESULT (STDMETHODCALLTYPE C::*)(R*));

template <class Operation>
class ImitatedOperation final
    : public RuntimeObject<ImitatedOperation<Operation>, true, Operation, IAsyncInfo> {
 public:
  static constexpr const wchar_t* kClassName = L"Windows.Foundation.IAsyncOperation";
  using Traits = ImitatedTraits<Operation>;
  using Completed = typename Traits::Completed;
  using ProgressHandler = typename Traits::ProgressHandler;
  using ResultPointer = decltype(ImitatedResultOf(&Operation::GetResults));
  using Result = std::remove_pointer_t<ResultPointer>;

  /** What the operation does. */
  struct Plan {
    /** Runs at the end (not when cancelled): applies the change, makes the result or fails. */
    std::function<HRESULT(ComPtr<Result>*)> finish;
    UINT32 progressSteps = 0;
    INT32 totalBytes = 0;
    UINT32 durationMs = 0;
  };

  /** Starts an operation; the caller owns the returned reference. */
  static Operation* Start(Plan plan) {
    auto* operation = new ImitatedOperation(std::move(plan));
    if (Scenario::Get().Completion() == CompletionMode::Synchronous) {
      operation->Finish(false);
    } else {
      operation->AddRef();  // the thread's
      Scenario::Get().ThreadStarted();
      std::thread([operation] {
        operation->Run();
        operation->Release();
        Scenario::Get().ThreadEnded();
      }).detach();
    }
    return operation;
  }

  ~ImitatedOperation() override {
    if (!closed_) Scenario::Get().CountUnclosed();
  }

  // --- IAsyncOperation(WithProgress) ----------------------------------------------------------
  HRESULT STDMETHODCALLTYPE put_Progress(ProgressHandler* handler) {
    if constexpr (Traits::kProgress) {
      std::unique_lock<std::mutex> lock(mutex_);
      if (progress_) return E_ILLEGAL_DELEGATE_ASSIGNMENT;
      progress_ = handler;
      if (status_ == AsyncStatus::Started) return S_OK;
      // Synchronous mode: the whole progress happened already; report it now, in order.
      ComPtr<ProgressHandler> progress = progress_;
      lock.unlock();
      for (UINT32 step = 1; step <= plan_.progressSteps; ++step) Report(progress.Get(), step);
      return S_OK;
    } else {
      return E_NOTIMPL;
    }
  }
  HRESULT STDMETHODCALLTYPE get_Progress(ProgressHandler** handler) {
    if (handler == nullptr) return E_POINTER;
    std::lock_guard<std::mutex> lock(mutex_);
    return progress_.CopyTo(handler);
  }
  HRESULT STDMETHODCALLTYPE put_Completed(Completed* handler) override {
    if (handler == nullptr) return E_POINTER;
    std::unique_lock<std::mutex> lock(mutex_);
    if (completed_ || handled_) return E_ILLEGAL_DELEGATE_ASSIGNMENT;
    if (status_ != AsyncStatus::Started) {
      // Ended already: the handler runs now, inside this call, on the caller's thread.
      handled_ = true;
      const AsyncStatus status = status_;
      lock.unlock();
      Scenario::Get().CountCompletion(true);
      handler->Invoke(this, status);
      return S_OK;
    }
    completed_ = handler;
    wake_.notify_all();
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE get_Completed(Completed** handler) override {
    if (handler == nullptr) return E_POINTER;
    std::lock_guard<std::mutex> lock(mutex_);
    return completed_.CopyTo(handler);
  }
  HRESULT STDMETHODCALLTYPE GetResults(ResultPointer* results) override {
    if (results == nullptr) return E_POINTER;
    std::lock_guard<std::mutex> lock(mutex_);
    if (closed_) return E_ILLEGAL_METHOD_CALL;
    if (status_ != AsyncStatus::Completed) return E_ILLEGAL_METHOD_CALL;
    return result_.CopyTo(results);
  }

  // --- IAsyncInfo ---------------------------------------------------------------------------
  HRESULT STDMETHODCALLTYPE get_Id(UINT32* id) override {
    if (id == nullptr) return E_POINTER;
    *id = id_;
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE get_Status(AsyncStatus* status) override {
    if (status == nullptr) return E_POINTER;
    std::lock_guard<std::mutex> lock(mutex_);
    *status = status_;
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE get_ErrorCode(HRESULT* code) override {
    if (code == nullptr) return E_POINTER;
    std::lock_guard<std::mutex> lock(mutex_);
    *code = status_ == AsyncStatus::Error ? error_ : S_OK;
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE Cancel() override {
    Scenario::Get().CountCancel();
    if (Scenario::Get().Completion() == CompletionMode::LateCancel) return S_OK;
    std::lock_guard<std::mutex> lock(mutex_);
    if (closed_) return E_ILLEGAL_METHOD_CALL;
    if (status_ == AsyncStatus::Started) {
      cancelRequested_ = true;
      wake_.notify_all();
    }
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE Close() override {
    std::lock_guard<std::mutex> lock(mutex_);
    if (status_ == AsyncStatus::Started) return E_ILLEGAL_STATE_CHANGE;
    closed_ = true;
    result_.Reset();
    return S_OK;
  }

 private:
  explicit ImitatedOperation(Plan plan) : plan_(std::move(plan)), id_(NextId()) {}

  static UINT32 NextId() {
    static std::atomic<UINT32> next{1};
    return next++;
  }

  /** Ends the operation: its result or error, or Canceled. Not under the lock. */
  void Finish(bool canceled) {
    ComPtr<Result> result;
    HRESULT hr = S_OK;
    if (!canceled) hr = plan_.finish(&result);
    std::lock_guard<std::mutex> lock(mutex_);
    if (canceled) {
      status_ = AsyncStatus::Canceled;
    } else if (FAILED(hr)) {
      status_ = AsyncStatus::Error;
      error_ = hr;
    } else {
      status_ = AsyncStatus::Completed;
      result_ = std::move(result);
    }
    plan_.finish = nullptr;
  }

  void Report(ProgressHandler* handler, UINT32 step) {
    if constexpr (Traits::kProgress) {
      netops::ESimProfileInstallProgress progress{};
      progress.TotalSizeInBytes = plan_.totalBytes;
      progress.InstalledSizeInBytes =
          static_cast<INT32>(static_cast<int64_t>(plan_.totalBytes) * step / plan_.progressSteps);
      handler->Invoke(this, progress);
    }
  }

  /** Waits `ms` or until cancelled; true when cancelled. */
  bool WaitCancelled(std::unique_lock<std::mutex>& lock, UINT32 ms) {
    return wake_.wait_for(lock, std::chrono::milliseconds(ms), [this] { return cancelRequested_; });
  }

  /** The operation's own thread (other-thread mode). */
  void Run() {
    std::unique_lock<std::mutex> lock(mutex_);
    // Completing before anyone listens would make the end synchronous: wait for the handler.
    wake_.wait(lock, [this] { return completed_ || cancelRequested_; });
    const UINT32 steps = Traits::kProgress ? plan_.progressSteps : 0;
    const UINT32 slices = steps == 0 ? 1 : steps;
    bool canceled = cancelRequested_;
    for (UINT32 slice = 1; slice <= slices && !canceled; ++slice) {
      canceled = WaitCancelled(lock, plan_.durationMs / slices);
      if (canceled || slice > steps) break;
      ComPtr<ProgressHandler> progress = progress_;
      lock.unlock();
      if (progress) Report(progress.Get(), slice);
      lock.lock();
      canceled = cancelRequested_;
    }
    lock.unlock();
    Finish(canceled);
    lock.lock();
    ComPtr<Completed> handler = std::move(completed_);
    const AsyncStatus status = status_;
    handled_ = true;
    progress_.Reset();
    lock.unlock();
    if (handler) {
      Scenario::Get().CountCompletion(false);
      handler->Invoke(this, status);
    }
  }

  Plan plan_;
  const UINT32 id_;
  std::mutex mutex_;
  std::condition_variable wake_;
  AsyncStatus status_ = AsyncStatus::Started;
  HRESULT error_ = S_OK;
  ComPtr<Result> result_;
  ComPtr<Completed> completed_;
  ComPtr<ProgressHandler> progress_;
  bool handled_ = false;
  bool cancelRequested_ = false;
  bool closed_ = false;
};

}  // namespace test_component
