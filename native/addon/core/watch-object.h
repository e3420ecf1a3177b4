// A Windows watcher as a JS object: start() (an operation), stop(), close(), discarded(). Its
// events arrive in batches through the callback given at creation (record-delivery.h).
//
//   StartWatchCreation<Watch>(env, operations, watches, watchClass, info, create)
//
// is the `create…Watcher(onBatch, maxBatch, maxQueued)` export of a capability: it makes the
// delivery on the JS thread (so no event can come first), has the MTA thread make and
// subscribe the Windows watch (`create(queue, &watch) -> Status`; a watch left null means
// Windows gave none, and the promise resolves null), and wraps it in a WatchObject<Watch>.
//
// `Watch` is a class of native/winrt with Start(), Stop() and Close() (EsimWatcher,
// ModemsWatch). It lives in a WatchCell that only the MTA thread touches: start, stop and close
// are tasks posted there; the JS object holds the cell and the delivery.
#pragma once

#include <napi.h>

#include <atomic>
#include <functional>
#include <memory>
#include <set>

#include "../../winrt/core/mta-thread.h"
#include "js-errors.h"
#include "js-operation.h"
#include "record-delivery.h"

namespace wmbb {

/** The Windows side of one watch. `watch` is made, used and released on the MTA thread. */
template <class Watch>
struct WatchCell {
  std::unique_ptr<Watch> watch;
  /** Set on the JS thread once a JS object owns the cell. */
  std::atomic<bool> claimed{false};
};

/** What the environment's registry closes at teardown. */
class ClosableWatch {
 public:
  virtual void CloseNow() = 0;

 protected:
  ~ClosableWatch() = default;
};

/** The watches of one environment, closed together when it tears down (worker exit). */
class WatchRegistry {
 public:
  void Add(ClosableWatch* watch) { watches_.insert(watch); }
  void Remove(ClosableWatch* watch) { watches_.erase(watch); }
  void CloseAll() {
    // CloseNow() removes the watch from the set: iterate over a copy.
    const std::set<ClosableWatch*> watches = watches_;
    for (ClosableWatch* watch : watches) watch->CloseNow();
  }

 private:
  std::set<ClosableWatch*> watches_;
};

template <class Watch>
class WatchObject : public Napi::ObjectWrap<WatchObject<Watch>>, public ClosableWatch {
 public:
  using Cell = WatchCell<Watch>;

  static Napi::Function DefineClass(Napi::Env env, const char* name) {
    return Napi::ObjectWrap<WatchObject>::DefineClass(
        env, name,
        {
            Napi::ObjectWrap<WatchObject>::template InstanceMethod<&WatchObject::Start>("start"),
            Napi::ObjectWrap<WatchObject>::template InstanceMethod<&WatchObject::Stop>("stop"),
            Napi::ObjectWrap<WatchObject>::template InstanceMethod<&WatchObject::Close>("close"),
            Napi::ObjectWrap<WatchObject>::template InstanceMethod<&WatchObject::Discarded>(
                "discarded"),
        });
  }

  /** JS: not constructible by users; made by StartWatchCreation once Windows made the watch. */
  explicit WatchObject(const Napi::CallbackInfo& info) : Napi::ObjectWrap<WatchObject>(info) {}
  ~WatchObject() { CloseNow(); }

  void Attach(std::shared_ptr<RecordDelivery> delivery, std::shared_ptr<Cell> cell,
              std::shared_ptr<WatchRegistry> registry,
              std::shared_ptr<OperationRegistry> operations) {
    delivery_ = std::move(delivery);
    cell_ = std::move(cell);
    cell_->claimed = true;
    registry_ = std::move(registry);
    operations_ = std::move(operations);
    registry_->Add(this);
  }

  /** Stops delivery and has the MTA thread close the watch; any time, any number of times. */
  void CloseNow() override {
    // The queue first (nothing more reaches JS), then Windows, on its thread.
    if (delivery_) delivery_->Close();
    if (cell_) {
      MtaThread::Post([cell = std::move(cell_)] { cell->watch.reset(); });
      cell_.reset();
    }
    if (registry_) registry_->Remove(this);
    registry_.reset();
  }

 private:
  Napi::Value Start(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    if (!cell_) throw WinRtError(env, Failure{RO_E_CLOSED, "watcher start"});
    return StartMtaCall<CallEnd>(
        env, operations_,
        [cell = cell_] {
          if (!cell->watch) return FailedEnd<CallEnd>(Failure{RO_E_CLOSED, "watcher start"});
          if (auto failure = cell->watch->Start()) return FailedEnd<CallEnd>(*failure);
          return CallEnd::Done();
        },
        SettleCallEnd);
  }

  Napi::Value Stop(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    if (!cell_) throw WinRtError(env, Failure{RO_E_CLOSED, "watcher stop"});
    std::shared_ptr<RecordQueue> queue = delivery_->queue();
    // Windows answers with the Stopped event; a failure to stop ends the watch all the same, so
    // that the JS side never waits for a Stopped that will not come.
    Status posted = MtaThread::Post([cell = cell_, queue] {
      Status failure =
          cell->watch ? cell->watch->Stop() : Status(Failure{RO_E_CLOSED, "watcher stop"});
      if (failure) {
        queue->AppendError(*failure);
        queue->AppendControl(RecordKind::Stopped);
      }
    });
    if (posted) throw WinRtError(env, *posted);
    return env.Undefined();
  }

  Napi::Value Close(const Napi::CallbackInfo& info) {
    CloseNow();
    return info.Env().Undefined();
  }

  Napi::Value Discarded(const Napi::CallbackInfo& info) {
    const uint64_t discarded = delivery_ ? delivery_->queue()->TotalDiscarded() : 0;
    return Napi::Number::New(info.Env(), static_cast<double>(discarded));
  }

  std::shared_ptr<RecordDelivery> delivery_;
  std::shared_ptr<Cell> cell_;
  std::shared_ptr<WatchRegistry> registry_;
  std::shared_ptr<OperationRegistry> operations_;
};

/** How a capability makes its Windows watch on the MTA thread; a null watch: none given. */
template <class Watch>
using CreateWatch = std::function<Status(std::shared_ptr<RecordQueue>, std::unique_ptr<Watch>*)>;

namespace watch_detail {

/** The creation's end: whether Windows gave a watch (subscribed into the cell). */
struct WatchEnd {
  AsyncEndKind kind = AsyncEndKind::Failed;
  bool available = false;
  Failure failure{E_FAIL, ""};
};

/** Closes a watch that no JS object claimed (the environment went away first). */
template <class Watch>
class UnclaimedWatch final : public AsyncWork {
 public:
  explicit UnclaimedWatch(std::shared_ptr<WatchCell<Watch>> cell) : cell_(std::move(cell)) {}
  Status Cancel() override { return std::nullopt; }
  void Close() override {
    if (!cell_->claimed) cell_->watch.reset();
  }

 private:
  std::shared_ptr<WatchCell<Watch>> cell_;
};

}  // namespace watch_detail

/** The `create…Watcher(onBatch, maxBatch, maxQueued)` export; see the top of this file. */
template <class Watch>
Napi::Value StartWatchCreation(const Napi::CallbackInfo& info, const char* name,
                               std::shared_ptr<OperationRegistry> operations,
                               std::shared_ptr<WatchRegistry> watches,
                               Napi::FunctionReference* watchClass, CreateWatch<Watch> create) {
  Napi::Env env = info.Env();
  // The delivery exists before Windows' watch does, so no event can come before it.
  std::shared_ptr<RecordDelivery> delivery = DeliveryFromArguments(info, name);
  auto cell = std::make_shared<WatchCell<Watch>>();
  std::shared_ptr<RecordQueue> queue = delivery->queue();
  using End = watch_detail::WatchEnd;
  using Creation = JsOperation<End>;
  return Creation::Start(
      env, operations,
      [cell, queue, create = std::move(create)](typename Creation::EndSink onEnd,
                                                typename Creation::ProgressSink,
                                                std::shared_ptr<AsyncWork>* work) -> Status {
        if (auto failure = create(queue, &cell->watch)) return failure;
        End end;
        end.kind = AsyncEndKind::Completed;
        end.available = cell->watch != nullptr;
        *work = std::make_shared<watch_detail::UnclaimedWatch<Watch>>(cell);
        onEnd(end);
        return std::nullopt;
      },
      [delivery, cell, watches, operations, watchClass](Napi::Env env,
                                                        Napi::Promise::Deferred& deferred,
                                                        End& end) {
        if (end.kind != AsyncEndKind::Completed || !end.available) {
          delivery->Close();
          if (end.kind != AsyncEndKind::Completed) {
            deferred.Reject(WinRtError(env, end.failure).Value());
          } else {
            deferred.Resolve(env.Null());
          }
          return;
        }
        Napi::Object object = watchClass->New({});
        WatchObject<Watch>::Unwrap(object)->Attach(delivery, cell, watches, operations);
        deferred.Resolve(object);
      });
}

}  // namespace wmbb
