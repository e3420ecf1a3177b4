// An imitated IAsyncOperation<T>, IAsyncOperationWithProgress<T, P> or IAsyncAction (with
// IAsyncInfo) whose result is set by a `finish` function: the base of every imitated operation,
// the hotspot's (hotspot-async.h), USSD's reply (ussd-session.cpp) and those with an interface
// result and progress (imitated-operation.h). Run as ITestControl::SetCompletion says, or as the
// caller asks:
//
// - other thread (default): a thread of its own waits until the completion handler is set, waits
//   the duration (Cancel ends it sooner, as Canceled; Derived may report progress meanwhile),
//   then ends and calls the handler there;
// - synchronous: the operation has ended before it is returned, and the handler runs inside
//   put_Completed on the caller's thread;
// - late cancel: other thread, Cancel counted but not honoured.
//
// The end runs `finish`, which applies the change (so a cancelled start changes nothing) and
// sets the result. Counted like every imitated operation (Scenario: cancels, completions on
// each thread, operations released without IAsyncInfo::Close()).
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

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

/** A new operation's IAsyncInfo::Id: unique, as Windows' are. */
inline UINT32 NextImitatedAsyncId() {
  static std::atomic<UINT32> next{1};
  return next++;
}

/**
 * The operation's common part; `Derived` adds GetResults and what it returns, and may hide
 * InvokeCompleted (how its completion handler is called), WaitDuration (what happens while the
 * operation runs on its thread), OnEnded (what it lets go of once ended, under the lock) and
 * OnClosed (what IAsyncInfo::Close lets go of, called once, outside the lock).
 */
template <class Derived, class Operation, class Handler>
class ImitatedAsync : public RuntimeObject<Derived, true, Operation, IAsyncInfo> {
 public:
  static constexpr const wchar_t* kClassName = L"Windows.Foundation.IAsyncOperation";
  /** Runs at the end (not when cancelled): applies the change and sets the result, or fails. */
  using Finish = std::function<HRESULT(Derived*)>;

  /**
   * Starts `operation` (made by the caller with its first reference, which it hands out), run
   * as `mode` says (by default as the test set with ITestControl::SetCompletion).
   */
  static Operation* Start(Derived* operation, Finish finish, UINT32 durationMs,
                          CompletionMode mode = Scenario::Get().Completion()) {
    operation->finish_ = std::move(finish);
    operation->durationMs_ = durationMs;
    operation->mode_ = mode;
    if (mode == CompletionMode::Synchronous) {
      operation->End(false);
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

  ~ImitatedAsync() override {
    if (!closed_) Scenario::Get().CountUnclosed();
  }

  HRESULT STDMETHODCALLTYPE put_Completed(Handler* handler) override {
    if (handler == nullptr) return E_POINTER;
    std::unique_lock<std::mutex> lock(mutex_);
    if (completed_ || handled_) return E_ILLEGAL_DELEGATE_ASSIGNMENT;
    if (status_ != AsyncStatus::Started) {
      handled_ = true;
      const AsyncStatus status = status_;
      lock.unlock();
      Scenario::Get().CountCompletion(true);
      static_cast<Derived*>(this)->InvokeCompleted(handler, status);
      return S_OK;
    }
    completed_ = handler;
    wake_.notify_all();
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE get_Completed(Handler** handler) override {
    if (handler == nullptr) return E_POINTER;
    std::lock_guard<std::mutex> lock(mutex_);
    return completed_.CopyTo(handler);
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
    if (mode_ == CompletionMode::LateCancel) return S_OK;
    std::lock_guard<std::mutex> lock(mutex_);
    if (closed_) return E_ILLEGAL_METHOD_CALL;
    if (status_ == AsyncStatus::Started) {
      cancelRequested_ = true;
      wake_.notify_all();
    }
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE Close() override {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (status_ == AsyncStatus::Started) return E_ILLEGAL_STATE_CHANGE;
      if (closed_) return S_OK;
      closed_ = true;
    }
    static_cast<Derived*>(this)->OnClosed();
    return S_OK;
  }

  /** Calls the completion handler (Derived may hide it to call it otherwise). */
  void InvokeCompleted(Handler* handler, AsyncStatus status) {
    handler->Invoke(static_cast<Operation*>(this), status);
  }
  /** What Close lets go of (Derived may hide it): nothing here. */
  void OnClosed() {}

 protected:
  /**
   * The operation's time on its own thread, under `lock`: waits the duration, or until
   * cancelled; true when cancelled (Derived may hide it to report progress meanwhile).
   */
  bool WaitDuration(std::unique_lock<std::mutex>& lock) {
    return cancelRequested_ || WaitCancelled(lock, durationMs_);
  }
  /** Waits `ms` or until cancelled, under `lock`; true when cancelled. */
  bool WaitCancelled(std::unique_lock<std::mutex>& lock, UINT32 ms) {
    return wake_.wait_for(lock, std::chrono::milliseconds(ms), [this] { return cancelRequested_; });
  }
  /** What the ended operation lets go of, under the lock (Derived may hide it): nothing here. */
  void OnEnded() {}

  /** GetResults' common checks: ended, completed, not closed. */
  HRESULT Readable() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (closed_ || status_ != AsyncStatus::Completed) return E_ILLEGAL_METHOD_CALL;
    return S_OK;
  }

 private:
  void End(bool canceled) {
    const HRESULT hr = canceled ? S_OK : finish_(static_cast<Derived*>(this));
    std::lock_guard<std::mutex> lock(mutex_);
    if (canceled) {
      status_ = AsyncStatus::Canceled;
    } else if (FAILED(hr)) {
      status_ = AsyncStatus::Error;
      error_ = hr;
    } else {
      status_ = AsyncStatus::Completed;
    }
    finish_ = nullptr;
  }

  void Run() {
    std::unique_lock<std::mutex> lock(mutex_);
    // Ending before anyone listens would make the end synchronous: wait for the handler.
    wake_.wait(lock, [this] { return completed_ || cancelRequested_; });
    const bool canceled = static_cast<Derived*>(this)->WaitDuration(lock);
    lock.unlock();
    End(canceled);
    lock.lock();
    ComPtr<Handler> handler = std::move(completed_);
    const AsyncStatus status = status_;
    handled_ = true;
    static_cast<Derived*>(this)->OnEnded();
    lock.unlock();
    if (handler) {
      Scenario::Get().CountCompletion(false);
      static_cast<Derived*>(this)->InvokeCompleted(handler.Get(), status);
    }
  }

  Finish finish_;
  CompletionMode mode_ = CompletionMode::OtherThread;
  const UINT32 id_ = NextImitatedAsyncId();
  HRESULT error_ = S_OK;
  ComPtr<Handler> completed_;
  bool handled_ = false;
  bool closed_ = false;

 protected:
  // What Derived's own members (progress) share with the operation's state.
  UINT32 durationMs_ = 0;
  std::mutex mutex_;
  std::condition_variable wake_;
  AsyncStatus status_ = AsyncStatus::Started;
  bool cancelRequested_ = false;
};

}  // namespace test_component
