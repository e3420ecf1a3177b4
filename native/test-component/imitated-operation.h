// An imitated IAsyncOperation<T> / IAsyncOperationWithProgress<T, P> whose result is an
// interface: an ImitatedAsync (imitated-async.h) that reports its progress in steps spread over
// its duration. Synchronous: the operation has ended before it is returned, and its progress is
// reported inside put_Progress, on the caller's thread.
//
// Cancel() is counted; a running operation then ends as Canceled (in LateCancel mode it runs to
// its end regardless, as a remote operation that honours a cancel late). An operation released
// without IAsyncInfo::Close() counts as a leak in LiveObjects until Reset(), as does any
// operation still alive.
#pragma once

#include <cstdint>
#include <type_traits>

#include "imitated-async.h"

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
    : public ImitatedAsync<ImitatedOperation<Operation>, Operation,
                           typename ImitatedTraits<Operation>::Completed> {
 public:
  using Traits = ImitatedTraits<Operation>;
  using Base = ImitatedAsync<ImitatedOperation<Operation>, Operation, typename Traits::Completed>;
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
    const UINT32 durationMs = plan.durationMs;
    return Base::Start(
        new ImitatedOperation(plan.progressSteps, plan.totalBytes),
        [finish = std::move(plan.finish)](ImitatedOperation* operation) {
          ComPtr<Result> result;
          const HRESULT hr = finish(&result);
          if (SUCCEEDED(hr)) operation->result_ = std::move(result);
          return hr;
        },
        durationMs);
  }

  // --- IAsyncOperation(WithProgress) ----------------------------------------------------------
  HRESULT STDMETHODCALLTYPE put_Progress(ProgressHandler* handler) {
    if constexpr (Traits::kProgress) {
      std::unique_lock<std::mutex> lock(this->mutex_);
      if (progress_) return E_ILLEGAL_DELEGATE_ASSIGNMENT;
      progress_ = handler;
      if (this->status_ == AsyncStatus::Started) return S_OK;
      // Synchronous mode: the whole progress happened already; report it now, in order.
      ComPtr<ProgressHandler> progress = progress_;
      lock.unlock();
      for (UINT32 step = 1; step <= progressSteps_; ++step) Report(progress.Get(), step);
      return S_OK;
    } else {
      return E_NOTIMPL;
    }
  }
  HRESULT STDMETHODCALLTYPE get_Progress(ProgressHandler** handler) {
    if (handler == nullptr) return E_POINTER;
    std::lock_guard<std::mutex> lock(this->mutex_);
    return progress_.CopyTo(handler);
  }
  HRESULT STDMETHODCALLTYPE GetResults(ResultPointer* results) override {
    if (results == nullptr) return E_POINTER;
    if (HRESULT hr = this->Readable(); FAILED(hr)) return hr;
    return result_.CopyTo(results);
  }

  // --- ImitatedAsync's hooks ------------------------------------------------------------------
  /** The duration in slices, one progress step reported after each. */
  bool WaitDuration(std::unique_lock<std::mutex>& lock) {
    const UINT32 steps = Traits::kProgress ? progressSteps_ : 0;
    const UINT32 slices = steps == 0 ? 1 : steps;
    bool canceled = this->cancelRequested_;
    for (UINT32 slice = 1; slice <= slices && !canceled; ++slice) {
      canceled = this->WaitCancelled(lock, this->durationMs_ / slices);
      if (canceled || slice > steps) break;
      ComPtr<ProgressHandler> progress = progress_;
      lock.unlock();
      if (progress) Report(progress.Get(), slice);
      lock.lock();
      canceled = this->cancelRequested_;
    }
    return canceled;
  }
  void OnEnded() { progress_.Reset(); }
  void OnClosed() { result_.Reset(); }

 private:
  ImitatedOperation(UINT32 progressSteps, INT32 totalBytes)
      : progressSteps_(progressSteps), totalBytes_(totalBytes) {}

  void Report(ProgressHandler* handler, UINT32 step) {
    if constexpr (Traits::kProgress) {
      netops::ESimProfileInstallProgress progress{};
      progress.TotalSizeInBytes = totalBytes_;
      progress.InstalledSizeInBytes =
          static_cast<INT32>(static_cast<int64_t>(totalBytes_) * step / progressSteps_);
      handler->Invoke(this, progress);
    }
  }

  const UINT32 progressSteps_;
  const INT32 totalBytes_;
  ComPtr<Result> result_;
  ComPtr<ProgressHandler> progress_;
};

}  // namespace test_component
