#include "operator-events.h"

#include <objbase.h>
#include <oleauto.h>

#include <algorithm>
#include <mutex>
#include <new>

#include "operator-dispatch.h"

namespace wmbb {

/** One CheckEntitlement waiting on its RPC thread. */
struct OperatorEventsServer::Waiter {
  HANDLE event = nullptr;
  std::optional<std::u16string> answer;
  ~Waiter() {
    if (event != nullptr) CloseHandle(event);
  }
};

namespace {
// Whether a server of this process has the class registered. MTA thread only. COM itself
// would take a second REGCLS_MULTIPLEUSE registration of the class as a reference to the first
// (Wine does), so that the second server would never see a call: it is refused here instead.
bool processServes = false;
}  // namespace

OperatorEventsServer::~OperatorEventsServer() { Close(); }

Status OperatorEventsServer::Register() {
  if (registered_) return std::nullopt;
  if (processServes) return Failure{CO_E_OBJISREG, "CoRegisterClassObject"};
  IClassFactory* factory = NewOperatorEventsFactory(shared_from_this());
  if (factory == nullptr) return Failure{E_OUTOFMEMORY, "CoRegisterClassObject"};
  // COM holds its own reference while the class is registered.
  const HRESULT hr = CoRegisterClassObject(kOperatorEventsClsid, factory, CLSCTX_LOCAL_SERVER,
                                           REGCLS_MULTIPLEUSE, &cookie_);
  factory->Release();
  if (FAILED(hr)) return Failure{hr, "CoRegisterClassObject"};
  registered_ = true;
  processServes = true;
  return std::nullopt;
}

void OperatorEventsServer::Revoke() {
  if (!registered_) return;
  registered_ = false;
  processServes = false;
  CoRevokeClassObject(cookie_);
}

bool OperatorEventsServer::Answer(uint32_t checkId, std::optional<std::u16string> answer) {
  std::lock_guard<SrwMutex> lock(mutex_);
  auto found = waiters_.find(checkId);
  if (found == waiters_.end()) return false;
  found->second->answer = std::move(answer);
  SetEvent(found->second->event);
  waiters_.erase(found);  // exactly one answer: a second finds nothing
  return true;
}

void OperatorEventsServer::Close() {
  std::lock_guard<SrwMutex> lock(mutex_);
  closed_ = true;
  for (auto& [id, waiter] : waiters_) SetEvent(waiter->event);  // VT_EMPTY: no answer
  waiters_.clear();
}

HRESULT OperatorEventsServer::Notify(const wchar_t* blob, uint32_t length, VARIANT* result) {
  if (length > kMaxBlobUnits) return E_INVALIDARG;
  {
    std::lock_guard<SrwMutex> lock(mutex_);
    if (closed_) return RPC_E_DISCONNECTED;
  }
  bool queued = false;
  try {
    queued = queue_->Append(kOperatorEventRecord, [&](RecordBatch& batch) -> Status {
      batch.Word(0);
      batch.Text(std::u16string_view(reinterpret_cast<const char16_t*>(blob), length));
      return std::nullopt;
    });
  } catch (...) {
    queue_->NoteOutOfMemory("OperatorEvents.Notify");
  }
  {
    std::lock_guard<SrwMutex> lock(mutex_);
    if (closed_ && !queued) return RPC_E_DISCONNECTED;
  }
  if (result != nullptr) {
    V_VT(result) = VT_BOOL;
    V_BOOL(result) = queued ? VARIANT_TRUE : VARIANT_FALSE;
  }
  return S_OK;
}

HRESULT OperatorEventsServer::CheckEntitlement(const wchar_t* blob, uint32_t length,
                                               int32_t deadlineMs, VARIANT* result) {
  if (length > kMaxBlobUnits) return E_INVALIDARG;
  const DWORD wait = static_cast<DWORD>(std::clamp<int32_t>(deadlineMs, 1, kMaxDeadlineMs));
  std::shared_ptr<Waiter> waiter;
  uint32_t checkId = 0;
  try {
    waiter = std::make_shared<Waiter>();
  } catch (...) {
    return E_OUTOFMEMORY;
  }
  waiter->event = CreateEventW(nullptr, TRUE, FALSE, nullptr);
  if (waiter->event == nullptr) return HRESULT_FROM_WIN32(GetLastError());
  try {
    std::lock_guard<SrwMutex> lock(mutex_);
    if (closed_) return RPC_E_DISCONNECTED;
    if (++nextCheckId_ == 0) ++nextCheckId_;  // 0 means "not a check"
    checkId = nextCheckId_;
    waiters_[checkId] = waiter;
  } catch (...) {
    return E_OUTOFMEMORY;
  }
  bool queued = false;
  try {
    queued = queue_->AppendNeverDiscarded(kOperatorEventRecord, [&](RecordBatch& batch) -> Status {
      batch.Word(static_cast<int32_t>(checkId));
      batch.Text(std::u16string_view(reinterpret_cast<const char16_t*>(blob), length));
      return std::nullopt;
    });
  } catch (...) {
    queue_->NoteOutOfMemory("OperatorEvents.CheckEntitlement");
  }
  if (queued) WaitForSingleObject(waiter->event, wait);
  std::optional<std::u16string> answer;
  {
    std::lock_guard<SrwMutex> lock(mutex_);
    waiters_.erase(checkId);  // timed out: a late answer finds nothing
    answer = std::move(waiter->answer);
    if (!queued && closed_) return RPC_E_DISCONNECTED;
  }
  if (result == nullptr) return S_OK;
  if (!answer) return S_OK;  // VT_EMPTY: the component applies its default
  BSTR text = SysAllocStringLen(reinterpret_cast<const OLECHAR*>(answer->data()),
                                static_cast<UINT>(answer->size()));
  if (text == nullptr) return S_OK;  // no memory for the answer: the default applies
  V_VT(result) = VT_BSTR;
  V_BSTR(result) = text;
  return S_OK;
}

}  // namespace wmbb
