// One asynchronous Windows operation as a JS object:
//
//   { promise: Promise<T>, cancel(): void, abandon(): void }
//
// The JS thread never calls Windows: starting the operation (`begin`), cancelling it and closing
// it are tasks posted to the addon's MTA thread (winrt/core/mta-thread.h), which runs them in
// order. The operation's end and its progress reports arrive on Windows' threads (or on the MTA
// thread, synchronously inside put_Completed) and are queued in a mailbox; one thread-safe
// function carries them to the JS thread, where progress reaches `onProgress` in order and then
// the promise settles. A `begin` that fails settles the promise with its failure the same way.
// `cancel()` is IAsyncInfo::Cancel (the promise then rejects with the cancellation error the
// TypeScript side turns into ERR_ABORTED). `abandon()` stops waiting: the promise never settles
// and Windows' operation is cancelled and released when it ends.
//
// The thread-safe function is referenced while the operation is pending: an awaited operation
// keeps the process alive, as any pending I/O does. When the environment goes away (a worker
// thread is terminated) Node finalizes the function: the operation is then abandoned, and no
// Windows thread ever touches the environment again (the mailbox is closed under its lock
// before the function is released, as in RecordQueue).
#pragma once

#include <napi.h>

#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <utility>
#include <vector>

#include "../../winrt/core/async-work.h"
#include "../../winrt/core/mta-thread.h"
#include "../../winrt/core/srw-mutex.h"
#include "js-errors.h"

namespace wmbb {

class JsOperationSide;

/** The pending operations of one environment, abandoned together when it tears down. */
class OperationRegistry {
 public:
  void Add(JsOperationSide* side) { sides_.insert(side); }
  void Remove(JsOperationSide* side) { sides_.erase(side); }
  /** Abandons every pending operation (environment cleanup). */
  void AbandonAll();

 private:
  std::set<JsOperationSide*> sides_;
};

/** The JS-thread half of an operation (see JsOperation): only ever touched on the JS thread. */
class JsOperationSide {
 public:
  virtual ~JsOperationSide() = default;
  /** Stops delivery and releases the Windows operation when it ends. Idempotent. */
  virtual void Abandon() = 0;
};

/** The end of a call whose only result is success or a failure (a watcher's Start, flush). */
struct CallEnd {
  AsyncEndKind kind = AsyncEndKind::Failed;
  Failure failure{E_FAIL, ""};
  static CallEnd Done() {
    CallEnd end;
    end.kind = AsyncEndKind::Completed;
    return end;
  }
};

/** Settles a CallEnd: undefined, or the failure. */
void SettleCallEnd(Napi::Env env, Napi::Promise::Deferred& deferred, CallEnd& end);

/** No progress reports (operations without progress). */
struct NoJsProgress {};

/**
 * Starts operations whose end is an `End` (a plain-value struct) and whose progress reports
 * are `Progress` values.
 */
template <class End, class Progress = NoJsProgress>
class JsOperation {
 public:
  /** Delivers the end to the queue; any thread. */
  using EndSink = std::function<void(End)>;
  using ProgressSink = std::function<void(const Progress&)>;
  /**
   * Starts the Windows operation, handing it the two sinks, and sets the work to cancel and
   * close. Runs later, on the MTA thread: capture by value. A `begin` that starts nothing
   * (a call that ends at once) delivers its end through the sink itself and sets no work.
   */
  using Begin = std::function<Status(EndSink, ProgressSink, std::shared_ptr<AsyncWork>*)>;
  /** Settles the promise with the end: resolve or reject. JS thread. */
  using Settle = std::function<void(Napi::Env, Napi::Promise::Deferred&, End&)>;
  /** Calls the JS progress callback with one report. JS thread. */
  using Report = void (*)(Napi::Env, Napi::Function&, const Progress&);

  /**
   * Posts `begin` to the MTA thread and returns `{ promise, cancel, abandon }` at once.
   * `onProgress` may be empty (no JS callback). A failure to start rejects the promise; only a
   * failure to post (no MTA thread) throws.
   */
  static Napi::Object Start(Napi::Env env, const std::shared_ptr<OperationRegistry>& registry,
                            Begin begin, Settle settle, Napi::Function onProgress = {},
                            Report report = nullptr);

 private:
  /** The thread-safe queue between Windows' threads and the JS thread. */
  class Mailbox {
   public:
    void SetSignal(std::function<void()> signal) { signal_ = std::move(signal); }
    void PushEnd(End end) {
      std::lock_guard<SrwMutex> lock(mutex_);
      if (closed_ || end_) return;
      end_.emplace(std::move(end));
      SignalLocked();
    }
    void PushProgress(const Progress& progress) {
      std::lock_guard<SrwMutex> lock(mutex_);
      if (closed_ || end_) return;
      progress_.push_back(progress);
      SignalLocked();
    }
    /** JS thread: everything queued so far. */
    void Take(std::vector<Progress>* progress, std::optional<End>* end) {
      std::lock_guard<SrwMutex> lock(mutex_);
      signalled_ = false;
      progress->swap(progress_);
      if (end_) {
        *end = std::move(end_);
        end_.reset();
        closed_ = true;  // nothing comes after the end
      }
    }
    /** No more deliveries, no more signals. */
    void Close() {
      std::lock_guard<SrwMutex> lock(mutex_);
      closed_ = true;
      progress_.clear();
    }

   private:
    void SignalLocked() {
      // Under the lock on purpose: Close() takes it before the function is released, so no
      // signal can reach a released function.
      if (!signalled_) {
        signalled_ = true;
        signal_();
      }
    }
    SrwMutex mutex_;
    std::function<void()> signal_;
    std::vector<Progress> progress_;
    std::optional<End> end_;
    bool signalled_ = false;
    bool closed_ = false;
  };

  /** What `cancel()` and `abandon()` reach; shared by the side and the two JS functions.
   *  JS thread only. */
  struct Control {
    bool finished = false;
  };

  /** The Windows work, touched only by tasks on the MTA thread. */
  struct MtaSide {
    std::shared_ptr<AsyncWork> work;
  };

  class Side;
  static void CallJs(Napi::Env env, Napi::Function callback, Side* side, void*);
  using Function = Napi::TypedThreadSafeFunction<Side, void, CallJs>;

  class Side final : public JsOperationSide {
   public:
    Side(Napi::Env env, std::shared_ptr<OperationRegistry> registry, Settle settle, Report report)
        : deferred(Napi::Promise::Deferred::New(env)),
          registry(std::move(registry)),
          settle(std::move(settle)),
          report(report) {}

    void Abandon() override {
      if (control->finished) return;
      Finish();
      // The promise is left pending: nobody is there to see it settle.
    }

    /** Ends delivery: closes the Windows work (now or when it ends, on the MTA thread) and the
     *  function. */
    void Finish() {
      if (control->finished) return;
      control->finished = true;
      mailbox->Close();
      // Queued after `begin`, so the work exists by then if it ever will. Should the post fail
      // there is no MTA thread, so nothing was ever started.
      MtaThread::Post([mta = mta] {
        if (mta->work) mta->work->Close();
        mta->work.reset();
      });
      registry->Remove(this);
      // The finalizer deletes this side; inside the finalizer the function is already going.
      if (!finalizing) function.Release();
    }

    Napi::Promise::Deferred deferred;
    std::shared_ptr<OperationRegistry> registry;
    Settle settle;
    Report report;
    std::shared_ptr<Mailbox> mailbox = std::make_shared<Mailbox>();
    std::shared_ptr<Control> control = std::make_shared<Control>();
    std::shared_ptr<MtaSide> mta = std::make_shared<MtaSide>();
    Function function;
    bool finalizing = false;
  };
};

template <class End, class Progress>
Napi::Object JsOperation<End, Progress>::Start(Napi::Env env,
                                              const std::shared_ptr<OperationRegistry>& registry,
                                              Begin begin, Settle settle,
                                              Napi::Function onProgress, Report report) {
  auto* side = new Side(env, registry, std::move(settle), report);
  auto finalize = [](Napi::Env, void*, Side* finalized) {
    // Env teardown can finalize the function before the operation ended: abandon it first, so
    // that no Windows thread signals a function about to be freed.
    finalized->finalizing = true;
    finalized->Abandon();
    delete finalized;
  };
  if (!onProgress.IsEmpty()) {
    side->function = Function::New(env, onProgress, "windows-mobile-broadband:operation", 0, 1,
                                   side, finalize, static_cast<void*>(nullptr));
  } else {
    side->function = Function::New(env, "windows-mobile-broadband:operation", 0, 1, side, finalize,
                                   static_cast<void*>(nullptr));
  }
  Function function = side->function;
  side->mailbox->SetSignal([function] { function.NonBlockingCall(); });

  std::weak_ptr<Mailbox> mailbox = side->mailbox;
  EndSink onEnd = [mailbox](End end) {
    if (auto box = mailbox.lock()) box->PushEnd(std::move(end));
  };
  ProgressSink onReport;
  if (!onProgress.IsEmpty()) {
    onReport = [mailbox](const Progress& progress) {
      if (auto box = mailbox.lock()) box->PushProgress(progress);
    };
  }
  Status posted = MtaThread::Post(
      [begin = std::move(begin), onEnd, onReport = std::move(onReport), mta = side->mta]() mutable {
        std::shared_ptr<AsyncWork> work;
        if (Status failure = begin(onEnd, std::move(onReport), &work)) {
          onEnd(FailedEnd<End>(*failure));
          return;
        }
        mta->work = std::move(work);
        // A begin that set no work has delivered its end already; this one is then ignored.
        if (!mta->work) onEnd(FailedEnd<End>(Failure{E_UNEXPECTED, "the addon (nothing started)"}));
      });
  if (posted) {
    side->Finish();
    throw WinRtError(env, *posted);
  }
  registry->Add(side);

  Napi::Object result = Napi::Object::New(env);
  result.Set("promise", side->deferred.Promise());
  std::shared_ptr<Control> control = side->control;
  std::shared_ptr<MtaSide> mta = side->mta;
  result.Set("cancel", Napi::Function::New(env, [control, mta](const Napi::CallbackInfo& info) {
               // A refused cancellation changes nothing: the operation ends as Windows decides.
               if (!control->finished) {
                 MtaThread::Post([mta] {
                   if (mta->work) mta->work->Cancel();
                 });
               }
               return info.Env().Undefined();
             }));
  result.Set("abandon", Napi::Function::New(env, [side, control](const Napi::CallbackInfo& info) {
               if (!control->finished) side->Abandon();
               return info.Env().Undefined();
             }));
  return result;
}

/**
 * A call that ends at once, made on the MTA thread: `body` runs there and returns its end (a
 * struct with `kind` and `failure`, plus whatever it read); `settle` turns it into the promise's
 * value on the JS thread. Returns `{ promise, cancel, abandon }` like any operation.
 */
template <class End>
Napi::Object StartMtaCall(Napi::Env env, const std::shared_ptr<OperationRegistry>& registry,
                          std::function<End()> body,
                          typename JsOperation<End>::Settle settle) {
  using Call = JsOperation<End>;
  return Call::Start(
      env, registry,
      [body = std::move(body)](typename Call::EndSink onEnd, typename Call::ProgressSink,
                               std::shared_ptr<AsyncWork>*) -> Status {
        onEnd(body());
        return std::nullopt;
      },
      std::move(settle));
}

template <class End, class Progress>
void JsOperation<End, Progress>::CallJs(Napi::Env env, Napi::Function callback, Side* side, void*) {
  if (env == nullptr || side == nullptr || side->control->finished) return;
  std::vector<Progress> progress;
  std::optional<End> end;
  side->mailbox->Take(&progress, &end);
  if (side->report != nullptr && !callback.IsEmpty()) {
    try {
      for (const Progress& value : progress) side->report(env, callback, value);
    } catch (const Napi::Error& error) {
      // The TypeScript side never throws from a progress callback: this is a bug there.
      // Surface it rather than let it unwind into Node's dispatcher; the operation goes on.
      napi_fatal_exception(env, error.Value());
    }
  }
  // A progress callback may have abandoned the operation.
  if (!end || side->control->finished) return;
  // Settle, then Finish() has the MTA thread close (IAsyncInfo::Close) and release the
  // operation, after its completion callback has returned (async-operation.h).
  try {
    side->settle(env, side->deferred, *end);
  } catch (const Napi::Error& error) {
    // Making the result failed (out of memory in JS): the promise says so.
    side->deferred.Reject(error.Value());
  }
  side->Finish();
}

}  // namespace wmbb
