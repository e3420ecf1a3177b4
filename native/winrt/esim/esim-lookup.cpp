#include "esim-lookup.h"

#include "../core/agile-delegate.h"
#include "../core/watcher-status.h"
#include "esim-manager.h"
#include "../core/hstring.h"

namespace wmbb {

using abi_foundation::ITypedEventHandler;
using abi_netops::ESimWatcher;
using abi_netops::IESimWatcher;

/** Added: each eSIM present. Holds the lookup weakly: the watcher must not keep it alive. */
class EsimLookup::AddedHandler final
    : public AgileDelegate<ITypedEventHandler<ESimWatcher*, abi_netops::ESimAddedEventArgs*>> {
 public:
  explicit AddedHandler(std::weak_ptr<EsimLookup> lookup) : lookup_(std::move(lookup)) {}
  HRESULT STDMETHODCALLTYPE Invoke(IESimWatcher*, abi_netops::IESimAddedEventArgs* args) override {
    std::shared_ptr<EsimLookup> lookup = lookup_.lock();
    if (!lookup || args == nullptr) return S_OK;
    ComPtr<abi_netops::IESim> esim;
    if (SUCCEEDED(args->get_ESim(&esim)) && esim) lookup->Consider(esim.Get());
    return S_OK;
  }

 private:
  std::weak_ptr<EsimLookup> lookup_;
};

/** EnumerationCompleted (the answer) or Stopped (Windows gave up first). */
class EsimLookup::EndHandler final
    : public AgileDelegate<ITypedEventHandler<ESimWatcher*, IInspectable*>> {
 public:
  EndHandler(std::weak_ptr<EsimLookup> lookup, bool stopped)
      : lookup_(std::move(lookup)), stopped_(stopped) {}
  HRESULT STDMETHODCALLTYPE Invoke(IESimWatcher*, IInspectable*) override {
    std::shared_ptr<EsimLookup> lookup = lookup_.lock();
    if (!lookup) return S_OK;
    if (stopped_) {
      lookup->Finish(End::Failed(
          Failure{E_ILLEGAL_STATE_CHANGE, "ESimWatcher (stopped before its enumeration completed)"}));
    } else {
      ComPtr<abi_netops::IESim> found;
      {
        std::lock_guard<SrwMutex> lock(lookup->mutex_);
        found = lookup->found_;
      }
      lookup->Finish(End::Completed(std::move(found)));
    }
    return S_OK;
  }

 private:
  std::weak_ptr<EsimLookup> lookup_;
  bool stopped_;
};

EsimLookup::EsimLookup(std::u16string id, OnEnd onEnd)
    : id_(std::move(id)), onEnd_(std::move(onEnd)) {}

EsimLookup::~EsimLookup() { Close(); }

Status EsimLookup::Start(std::u16string id, OnEnd onEnd, std::shared_ptr<EsimLookup>* out) {
  ComPtr<IESimWatcher> watcher;
  if (auto f = TryCreateEsimWatcher(&watcher)) return f;
  if (!watcher) {
    onEnd(End::Failed(Failure{E_ACCESSDENIED, kNoWatcher}));
    return std::nullopt;
  }
  std::shared_ptr<EsimLookup> lookup(new EsimLookup(std::move(id), std::move(onEnd)));
  lookup->watcher_ = std::move(watcher);
  if (auto f = lookup->Subscribe()) return f;  // Close() (destructor) removes what was added
  *out = lookup;
  if (auto f = Check(lookup->watcher_->Start(), "ESimWatcher.Start")) {
    out->reset();
    return f;
  }
  return std::nullopt;
}

Status EsimLookup::Subscribe() {
  std::weak_ptr<EsimLookup> self = weak_from_this();
  EventRegistrationToken token{};
  auto added = Adopt(new AddedHandler(self));
  if (auto f = Check(watcher_->add_Added(added.Get(), &token), "ESimWatcher.add_Added")) return f;
  added_ = EventRegistration<IESimWatcher>(watcher_, &IESimWatcher::remove_Added, token);
  auto completed = Adopt(new EndHandler(self, false));
  if (auto f = Check(watcher_->add_EnumerationCompleted(completed.Get(), &token),
                     "ESimWatcher.add_EnumerationCompleted"))
    return f;
  enumerationCompleted_ =
      EventRegistration<IESimWatcher>(watcher_, &IESimWatcher::remove_EnumerationCompleted, token);
  auto stopped = Adopt(new EndHandler(self, true));
  if (auto f = Check(watcher_->add_Stopped(stopped.Get(), &token), "ESimWatcher.add_Stopped"))
    return f;
  stopped_ = EventRegistration<IESimWatcher>(watcher_, &IESimWatcher::remove_Stopped, token);
  return std::nullopt;
}

void EsimLookup::Consider(abi_netops::IESim* esim) {
  {
    std::lock_guard<SrwMutex> lock(mutex_);
    if (ended_ || found_) return;
  }
  // One call per eSIM in the common case (its EID); the modem id only for an eSIM without one.
  HString text;
  if (FAILED(esim->get_Eid(text.Put()))) return;
  bool match = text.View() == std::u16string_view(id_);
  static constexpr std::u16string_view kModemPrefix = u"modem:";
  if (!match && text.View().empty() && id_.size() > kModemPrefix.size() &&
      std::u16string_view(id_).substr(0, kModemPrefix.size()) == kModemPrefix) {
    if (FAILED(esim->get_MobileBroadbandModemDeviceId(text.Put()))) return;
    match = text.View() == std::u16string_view(id_).substr(kModemPrefix.size());
  }
  if (!match) return;
  std::lock_guard<SrwMutex> lock(mutex_);
  if (!found_) found_ = esim;
}

void EsimLookup::Finish(End end) {
  {
    std::lock_guard<SrwMutex> lock(mutex_);
    if (ended_) return;
    ended_ = true;
  }
  try {
    onEnd_(std::move(end));
  } catch (...) {
    // onEnd only queues for the JS thread; see AsyncOperation::OnCompleted.
  }
}

Status EsimLookup::Cancel() {
  Finish(End::Canceled());
  return std::nullopt;
}

void EsimLookup::Close() {
  ComPtr<IESimWatcher> watcher;
  {
    std::lock_guard<SrwMutex> lock(mutex_);
    ended_ = true;
    watcher = Take(watcher_);
    found_.Reset();
  }
  if (!watcher) return;
  StopIfRunning(watcher.Get(), kEsimWatcherStatuses);
  added_.Remove();
  enumerationCompleted_.Remove();
  stopped_.Remove();
}

}  // namespace wmbb
