// The imitated hotspot's asynchronous operations: IAsyncOperation<NetworkOperatorTetheringOperationResult>,
// IAsyncOperation<boolean> and IAsyncAction (imitated-operation.h imitates operations whose
// result is an interface and has no IAsyncAction). Run as ITestControl::SetCompletion says:
//
// - other thread (default): a thread of its own waits until the completion handler is set, waits
//   the duration (Cancel ends it sooner, as Canceled), then ends and calls the handler there;
// - synchronous: the operation has ended before it is returned, and the handler runs inside
//   put_Completed on the caller's thread;
// - late cancel: other thread, Cancel counted but not honoured.
//
// The end runs `finish`, which applies the change (so a cancelled start changes nothing) and
// sets the result. Counted like every imitated operation (Scenario: cancels, completions on
// each thread, operations released without IAsyncInfo::Close()).
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

#include "imitated-operation.h"

namespace test_component {

/** The operation's common part; `Derived` adds GetResults and what it returns. */
template <class Derived, class Operation, class Handler>
class HotspotAsync : public RuntimeObject<Derived, true, Operation, IAsyncInfo> {
 public:
  static constexpr const wchar_t* kClassName = L"Windows.Foundation.IAsyncOperation";
  /** Runs at the end (not when cancelled): applies the change and sets the result, or fails. */
  using Finish = std::function<HRESULT(Derived*)>;

  /** Starts `operation` (made by the caller with its first reference, which it hands out). */
  static Operation* Start(Derived* operation, Finish finish, UINT32 durationMs) {
    operation->finish_ = std::move(finish);
    operation->durationMs_ = durationMs;
    if (Scenario::Get().Completion() == CompletionMode::Synchronous) {
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

  ~HotspotAsync() override {
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
      handler->Invoke(static_cast<Operation*>(this), status);
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
    *id = 1;
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
    return S_OK;
  }

 protected:
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
    const bool canceled = cancelRequested_ ||
                          wake_.wait_for(lock, std::chrono::milliseconds(durationMs_),
                                         [this] { return cancelRequested_; });
    lock.unlock();
    End(canceled);
    lock.lock();
    ComPtr<Handler> handler = std::move(completed_);
    const AsyncStatus status = status_;
    handled_ = true;
    lock.unlock();
    if (handler) {
      Scenario::Get().CountCompletion(false);
      handler->Invoke(static_cast<Operation*>(this), status);
    }
  }

  Finish finish_;
  UINT32 durationMs_ = 0;
  std::mutex mutex_;
  std::condition_variable wake_;
  AsyncStatus status_ = AsyncStatus::Started;
  HRESULT error_ = S_OK;
  ComPtr<Handler> completed_;
  bool handled_ = false;
  bool cancelRequested_ = false;
  bool closed_ = false;
};

using HotspotResultOperation =
    foundation::IAsyncOperation<netops::NetworkOperatorTetheringOperationResult*>;

/** An operation whose result is a NetworkOperatorTetheringOperationResult. */
class HotspotResultAsync final
    : public HotspotAsync<HotspotResultAsync, HotspotResultOperation,
                          foundation::IAsyncOperationCompletedHandler<
                              netops::NetworkOperatorTetheringOperationResult*>> {
 public:
  HRESULT STDMETHODCALLTYPE GetResults(netops::INetworkOperatorTetheringOperationResult** results) override {
    if (results == nullptr) return E_POINTER;
    if (HRESULT hr = Readable(); FAILED(hr)) return hr;
    return result_.CopyTo(results);
  }
  void SetResult(netops::INetworkOperatorTetheringOperationResult* result) { result_ = result; }
  ~HotspotResultAsync() override = default;

 private:
  ComPtr<netops::INetworkOperatorTetheringOperationResult> result_;
};

/** An operation whose result is a boolean (IsBandSupportedAsync and its kin). */
class HotspotBoolAsync final
    : public HotspotAsync<HotspotBoolAsync, foundation::IAsyncOperation<boolean>,
                          foundation::IAsyncOperationCompletedHandler<boolean>> {
 public:
  HRESULT STDMETHODCALLTYPE GetResults(boolean* results) override {
    if (results == nullptr) return E_POINTER;
    if (HRESULT hr = Readable(); FAILED(hr)) return hr;
    *results = value_ ? 1 : 0;
    return S_OK;
  }
  void SetResult(bool value) { value_ = value; }

 private:
  bool value_ = false;
};

/** An IAsyncAction (ConfigureAccessPointAsync, the timeout's switches). */
class HotspotActionAsync final
    : public HotspotAsync<HotspotActionAsync, foundation::IAsyncAction,
                          foundation::IAsyncActionCompletedHandler> {
 public:
  HRESULT STDMETHODCALLTYPE GetResults() override { return Readable(); }
};

}  // namespace test_component
