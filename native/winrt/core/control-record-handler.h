// The handler of a watcher's EnumerationCompleted and Stopped events: each is a record without
// a body on the watcher's queue. Every watcher (ESimWatcher, MobileBroadbandAccountWatcher, …)
// raises them with its own sender type, so the handler is a template over that.
#pragma once

#include <memory>

#include "agile-delegate.h"
#include "record-queue.h"

namespace wmbb {

/** `Handler`: ITypedEventHandler<Watcher*, IInspectable*>; `SenderAbi`: the watcher's ABI
 *  interface. `what` names the event in an out-of-memory report (a string literal). */
template <class Handler, class SenderAbi>
class ControlRecordHandler final : public AgileDelegate<Handler> {
 public:
  ControlRecordHandler(std::shared_ptr<RecordQueue> queue, RecordKind kind, const char* what)
      : queue_(std::move(queue)), kind_(kind), what_(what) {}

  HRESULT STDMETHODCALLTYPE Invoke(SenderAbi*, IInspectable*) override {
    try {
      queue_->AppendControl(kind_);
    } catch (...) {
      queue_->NoteOutOfMemory(what_);
    }
    return S_OK;
  }

 private:
  std::shared_ptr<RecordQueue> queue_;
  RecordKind kind_;
  const char* what_;
};

}  // namespace wmbb
