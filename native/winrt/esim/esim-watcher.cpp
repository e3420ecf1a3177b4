#include "esim-watcher.h"

#include "../core/agile-delegate.h"
#include "../core/control-record-handler.h"
#include "../core/watcher-status.h"
#include "esim-records.h"

namespace wmbb {
namespace {

using abi_foundation::ITypedEventHandler;
using abi_netops::ESimWatcher;
using abi_netops::IESimWatcher;

/**
 * Added / Updated / Removed: reads the eSIM of the event args into a record. Runs on the thread
 * Windows raises the event on; never throws (an exception must not unwind into Windows) and
 * never blocks on the JS thread.
 */
template <class ArgsClass, class ArgsInterface>
class EsimChangedHandler final
    : public AgileDelegate<ITypedEventHandler<ESimWatcher*, ArgsClass*>> {
 public:
  EsimChangedHandler(std::shared_ptr<RecordQueue> queue, RecordKind kind, const char* call)
      : queue_(std::move(queue)), kind_(kind), call_(call) {}

  HRESULT STDMETHODCALLTYPE Invoke(IESimWatcher*, ArgsInterface* args) override {
    try {
      ComPtr<abi_netops::IESim> esim;
      HRESULT hr = args == nullptr ? E_POINTER : args->get_ESim(&esim);
      if (SUCCEEDED(hr) && !esim) hr = E_POINTER;
      if (FAILED(hr)) {
        queue_->AppendError(Failure{hr, call_});
        return S_OK;
      }
      queue_->Append(kind_, [&](RecordBatch& batch) { return WriteEsim(esim.Get(), batch); });
    } catch (...) {
      // Only allocation can throw here; the event is lost, and says so without allocating.
      queue_->NoteOutOfMemory(call_);
    }
    return S_OK;
  }

 private:
  std::shared_ptr<RecordQueue> queue_;
  RecordKind kind_;
  const char* call_;
};

/** EnumerationCompleted / Stopped: a record without a body. */
using ControlHandler =
    ControlRecordHandler<ITypedEventHandler<ESimWatcher*, IInspectable*>, IESimWatcher>;
constexpr const char* kControlEvent = "ESimWatcher event";

}  // namespace

EsimWatcher::EsimWatcher(ComPtr<IESimWatcher> watcher, std::shared_ptr<RecordQueue> queue)
    : watcher_(std::move(watcher)), queue_(std::move(queue)) {}

Status EsimWatcher::Create(ComPtr<IESimWatcher> watcher, std::shared_ptr<RecordQueue> queue,
                           std::unique_ptr<EsimWatcher>* out) {
  std::unique_ptr<EsimWatcher> created(new EsimWatcher(std::move(watcher), std::move(queue)));
  if (auto f = created->Subscribe()) return f;  // the destructor removes what was added
  *out = std::move(created);
  return std::nullopt;
}

Status EsimWatcher::Subscribe() {
  using Added = EsimChangedHandler<abi_netops::ESimAddedEventArgs, abi_netops::IESimAddedEventArgs>;
  using Updated =
      EsimChangedHandler<abi_netops::ESimUpdatedEventArgs, abi_netops::IESimUpdatedEventArgs>;
  using Removed =
      EsimChangedHandler<abi_netops::ESimRemovedEventArgs, abi_netops::IESimRemovedEventArgs>;
  if (auto f = wmbb::Subscribe(
          watcher_, &IESimWatcher::add_Added, &IESimWatcher::remove_Added,
          Adopt(new Added(queue_, kEsimAdded, "ESimAddedEventArgs.ESim")),
          "ESimWatcher.add_Added", &added_))
    return f;
  if (auto f = wmbb::Subscribe(
          watcher_, &IESimWatcher::add_Updated, &IESimWatcher::remove_Updated,
          Adopt(new Updated(queue_, kEsimUpdated, "ESimUpdatedEventArgs.ESim")),
          "ESimWatcher.add_Updated", &updated_))
    return f;
  if (auto f = wmbb::Subscribe(
          watcher_, &IESimWatcher::add_Removed, &IESimWatcher::remove_Removed,
          Adopt(new Removed(queue_, kEsimRemoved, "ESimRemovedEventArgs.ESim")),
          "ESimWatcher.add_Removed", &removed_))
    return f;
  if (auto f = wmbb::Subscribe(watcher_, &IESimWatcher::add_EnumerationCompleted,
                               &IESimWatcher::remove_EnumerationCompleted,
                               Adopt(new ControlHandler(queue_, RecordKind::EnumerationCompleted,
                                                        kControlEvent)),
                               "ESimWatcher.add_EnumerationCompleted", &enumerationCompleted_))
    return f;
  return wmbb::Subscribe(watcher_, &IESimWatcher::add_Stopped, &IESimWatcher::remove_Stopped,
                         Adopt(new ControlHandler(queue_, RecordKind::Stopped, kControlEvent)),
                         "ESimWatcher.add_Stopped", &stopped_);
}

Status EsimWatcher::Start() {
  if (!watcher_) return Failure{RO_E_CLOSED, "ESimWatcher.Start"};
  return Check(watcher_->Start(), "ESimWatcher.Start");
}

Status EsimWatcher::Stop() {
  bool raisesStopped = false;
  if (auto f = StopWatcher(watcher_.Get(), kEsimWatcherStatuses, "ESimWatcher.Status",
                           "ESimWatcher.Stop", &raisesStopped))
    return f;
  // Not running (never started, or stopped already): Windows raises nothing; say it here.
  if (!raisesStopped) queue_->AppendControl(RecordKind::Stopped);
  return std::nullopt;
}

void EsimWatcher::Close() {
  if (!watcher_) return;
  StopIfRunning(watcher_.Get(), kEsimWatcherStatuses);
  added_.Remove();
  updated_.Remove();
  removed_.Remove();
  enumerationCompleted_.Remove();
  stopped_.Remove();
  watcher_.Reset();
}

}  // namespace wmbb
