#include "ussd-session.h"

#include <atomic>
#include <cstring>
#include <vector>

#include "imitated-async.h"
#include "runtime-object.h"
#include "scenario.h"
#include "ussd-network.h"

// In the Windows SDK's winerror.h; mingw-w64 10 lacks it (imitated-operation.h defines the
// other two this file uses).
#ifndef RO_E_CLOSED
#define RO_E_CLOSED static_cast<HRESULT>(0x80000013L)
#endif

namespace test_component {
namespace {

using ReplyOperation = foundation::IAsyncOperation<netops::UssdReply*>;
using ReplyCompleted = foundation::IAsyncOperationCompletedHandler<netops::UssdReply*>;

// What Windows answers for an account id it does not know (ERROR_NOT_FOUND), as accounts.cpp.
constexpr HRESULT kNotFound = static_cast<HRESULT>(0x80070490L);

HRESULT Fails(const wchar_t* member) { return Scenario::Get().FailureOf(member); }

class Message final : public RuntimeObject<Message, true, netops::IUssdMessage> {
 public:
  static constexpr const wchar_t* kClassName = L"Windows.Networking.NetworkOperators.UssdMessage";
  explicit Message(std::wstring text) : text_(std::move(text)) {}

  HRESULT STDMETHODCALLTYPE get_DataCodingScheme(BYTE* value) override {
    if (value == nullptr) return E_POINTER;
    *value = dataCodingScheme_;
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE put_DataCodingScheme(BYTE value) override {
    dataCodingScheme_ = value;
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE GetPayload(UINT32* size, BYTE** value) override {
    if (size == nullptr || value == nullptr) return E_POINTER;
    *size = 0;
    *value = nullptr;
    if (payload_.empty()) return S_OK;
    *value = static_cast<BYTE*>(CoTaskMemAlloc(payload_.size()));
    if (*value == nullptr) return E_OUTOFMEMORY;
    std::memcpy(*value, payload_.data(), payload_.size());
    *size = static_cast<UINT32>(payload_.size());
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE SetPayload(UINT32 size, BYTE* value) override {
    if (size > 0 && value == nullptr) return E_POINTER;
    payload_.assign(value, value + size);
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE get_PayloadAsText(HSTRING* value) override {
    return MakeHString(text_, value);
  }
  HRESULT STDMETHODCALLTYPE put_PayloadAsText(HSTRING value) override {
    text_ = ToWString(value);
    return S_OK;
  }

 private:
  std::wstring text_;
  std::vector<BYTE> payload_;
  BYTE dataCodingScheme_ = 0x0F;  // GSM 7-bit, language unspecified (3GPP TS 23.038)
};

class Reply final : public RuntimeObject<Reply, true, netops::IUssdReply> {
 public:
  static constexpr const wchar_t* kClassName = L"Windows.Networking.NetworkOperators.UssdReply";
  explicit Reply(const UssdScriptedReply& scripted) : scripted_(scripted) {}

  HRESULT STDMETHODCALLTYPE get_ResultCode(netops::UssdResultCode* value) override {
    if (value == nullptr) return E_POINTER;
    *value = static_cast<netops::UssdResultCode>(scripted_.resultCode);
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE get_Message(netops::IUssdMessage** value) override {
    if (value == nullptr) return E_POINTER;
    *value = scripted_.hasMessage ? new Message(scripted_.message) : nullptr;
    return S_OK;
  }

 private:
  UssdScriptedReply scripted_;
};

/**
 * UssdSession. COM clients' references are counted apart from the ones its operations hold, so
 * that the client's last Release is seen where it happens even while an operation keeps the
 * object alive.
 */
class Session final : public RuntimeObject<Session, true, netops::IUssdSession> {
 public:
  static constexpr const wchar_t* kClassName = L"Windows.Networking.NetworkOperators.UssdSession";

  Session() : creator_(GetCurrentThreadId()) {
    UssdNetwork::Get().SessionCreated();
    if (!InExplicitMta()) UssdNetwork::Get().OffThread();
  }
  ~Session() override { UssdNetwork::Get().SessionDestroyed(); }

  HRESULT STDMETHODCALLTYPE QueryInterface(REFIID iid, void** object) override {
    // [Threading(MTA)], not agile: whoever asks learns that it must not be passed around.
    if (iid == __uuidof(IAgileObject)) {
      if (object != nullptr) *object = nullptr;
      return E_NOINTERFACE;
    }
    return RuntimeObject::QueryInterface(iid, object);
  }
  ULONG STDMETHODCALLTYPE AddRef() override {
    ++clients_;
    return ++total_;
  }
  ULONG STDMETHODCALLTYPE Release() override {
    if (--clients_ == 0) {
      if (InUssdCompletion()) UssdNetwork::Get().ReleasedInCompletion();
      CheckThread();
    }
    return Drop();
  }
  /** An operation's hold, not a client's. */
  void Retain() { ++total_; }
  ULONG Drop() {
    const ULONG left = --total_;
    if (left == 0) {
      CheckThread();
      delete this;
    }
    return left;
  }

  HRESULT STDMETHODCALLTYPE SendMessageAndGetReplyAsync(netops::IUssdMessage* message,
                                                        ReplyOperation** result) override;
  HRESULT STDMETHODCALLTYPE Close() override {
    CheckThread();
    if (HRESULT hr = Fails(L"UssdSession.Close"); FAILED(hr)) return hr;
    closed_ = true;
    return S_OK;
  }

 private:
  void CheckThread() {
    if (GetCurrentThreadId() != creator_) UssdNetwork::Get().OffThread();
  }

  const DWORD creator_;
  std::atomic<ULONG> clients_{1};
  std::atomic<ULONG> total_{1};
  std::atomic<bool> closed_{false};
};

/**
 * IAsyncOperation<UssdReply>: an ImitatedAsync that holds its session until closed, and calls
 * its completion handler marked as inside a completion (UssdCompletionScope).
 */
class Operation final : public ImitatedAsync<Operation, ReplyOperation, ReplyCompleted> {
 public:
  static constexpr const wchar_t* kClassName =
      L"Windows.Foundation.IAsyncOperation`1<Windows.Networking.NetworkOperators.UssdReply>";

  /** Starts answering `reply`; the caller owns the returned reference. */
  static ReplyOperation* Start(Session* session, UssdScriptedReply reply, CompletionMode mode) {
    const UINT32 delayMs = reply.delayMs;
    return ImitatedAsync::Start(
        new Operation(session),
        [reply = std::move(reply)](Operation* operation) {
          if (FAILED(reply.error)) return reply.error;
          *operation->result_.GetAddressOf() = new Reply(reply);  // adopts the first reference
          return S_OK;
        },
        delayMs, mode);
  }

  ~Operation() override {
    if (session_ != nullptr) session_->Drop();
  }

  HRESULT STDMETHODCALLTYPE GetResults(netops::IUssdReply** results) override {
    if (results == nullptr) return E_POINTER;
    if (HRESULT hr = Readable(); FAILED(hr)) return hr;
    return result_.CopyTo(results);
  }

  void InvokeCompleted(ReplyCompleted* handler, AsyncStatus status) {
    UssdCompletionScope inCompletion;
    handler->Invoke(this, status);
  }

  /** Where the client closes the operation is where the session may go for good. */
  void OnClosed() {
    result_.Reset();
    Session* session = session_;
    session_ = nullptr;
    if (session != nullptr) session->Drop();
  }

 private:
  explicit Operation(Session* session) : session_(session) { session_->Retain(); }

  Session* session_;
  ComPtr<netops::IUssdReply> result_;
};

HRESULT Session::SendMessageAndGetReplyAsync(netops::IUssdMessage* message,
                                             ReplyOperation** result) {
  if (result == nullptr) return E_POINTER;
  *result = nullptr;
  CheckThread();
  if (HRESULT hr = Fails(L"UssdSession.SendMessageAndGetReplyAsync"); FAILED(hr)) return hr;
  if (closed_) return RO_E_CLOSED;
  if (message == nullptr) return E_INVALIDARG;
  HSTRING payload = nullptr;
  if (HRESULT hr = message->get_PayloadAsText(&payload); FAILED(hr)) return hr;
  const std::wstring text = ToWString(payload);
  WindowsDeleteString(payload);
  *result = Operation::Start(this, UssdNetwork::Get().Answer(text), Scenario::Get().Completion());
  return S_OK;
}

class SessionFactory final
    : public RuntimeObject<SessionFactory, true, IActivationFactory, netops::IUssdSessionStatics> {
 public:
  static constexpr const wchar_t* kClassName = L"Windows.Networking.NetworkOperators.UssdSession";

  HRESULT STDMETHODCALLTYPE ActivateInstance(IInspectable** instance) override {
    if (instance != nullptr) *instance = nullptr;
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE CreateFromNetworkAccountId(HSTRING id,
                                                       netops::IUssdSession** session) override {
    if (session == nullptr) return E_POINTER;
    *session = nullptr;
    if (HRESULT hr = Fails(L"UssdSession.CreateFromNetworkAccountId"); FAILED(hr)) return hr;
    const std::wstring wanted = ToWString(id);
    for (const auto& [accountId, fields] : Scenario::Get().Accounts()) {
      if (accountId == wanted) {
        *session = new Session();
        return S_OK;
      }
    }
    return kNotFound;
  }
  HRESULT STDMETHODCALLTYPE CreateFromNetworkInterfaceId(HSTRING,
                                                         netops::IUssdSession** session) override {
    if (session != nullptr) *session = nullptr;
    return E_NOTIMPL;
  }
};

class MessageFactory final
    : public RuntimeObject<MessageFactory, true, IActivationFactory, netops::IUssdMessageFactory> {
 public:
  static constexpr const wchar_t* kClassName = L"Windows.Networking.NetworkOperators.UssdMessage";

  HRESULT STDMETHODCALLTYPE ActivateInstance(IInspectable** instance) override {
    if (instance != nullptr) *instance = nullptr;
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE CreateMessage(HSTRING text, netops::IUssdMessage** message) override {
    if (message == nullptr) return E_POINTER;
    *message = nullptr;
    if (HRESULT hr = Fails(L"UssdMessage.CreateMessage"); FAILED(hr)) return hr;
    *message = new Message(ToWString(text));
    return S_OK;
  }
};

/** The self-test's completion handler: lets go of the session inside Invoke, as it must not. */
class ReleasingHandler final : public ReplyCompleted {
 public:
  ReleasingHandler(Session* session, HANDLE done) : session_(session), done_(done) {}
  HRESULT STDMETHODCALLTYPE QueryInterface(REFIID iid, void** object) override {
    if (object == nullptr) return E_POINTER;
    *object = nullptr;
    if (iid != __uuidof(IUnknown) && iid != __uuidof(ReplyCompleted) &&
        iid != __uuidof(IAgileObject)) {
      return E_NOINTERFACE;
    }
    *object = static_cast<ReplyCompleted*>(this);
    AddRef();
    return S_OK;
  }
  ULONG STDMETHODCALLTYPE AddRef() override { return ++references_; }
  ULONG STDMETHODCALLTYPE Release() override {
    const ULONG left = --references_;
    if (left == 0) delete this;
    return left;
  }
  HRESULT STDMETHODCALLTYPE Invoke(ReplyOperation*, AsyncStatus) override {
    if (session_ != nullptr) session_->Release();
    session_ = nullptr;
    SetEvent(done_);
    return S_OK;
  }

 private:
  Session* session_;
  HANDLE done_;
  std::atomic<ULONG> references_{1};
};

DWORD WINAPI RunSelfTest(void* parameter) {
  auto* ok = static_cast<bool*>(parameter);
  CoInitializeEx(nullptr, COINIT_MULTITHREADED);
  HANDLE done = CreateEventW(nullptr, TRUE, FALSE, nullptr);
  auto* session = new Session();
  UssdScriptedReply reply;
  reply.resultCode = 0;
  reply.delayMs = 50;
  ReplyOperation* operation = Operation::Start(session, reply, CompletionMode::OtherThread);
  auto* handler = new ReleasingHandler(session, done);
  *ok = SUCCEEDED(operation->put_Completed(handler)) &&
        WaitForSingleObject(done, 5000) == WAIT_OBJECT_0;
  handler->Release();
  ComPtr<IAsyncInfo> info;
  if (SUCCEEDED(operation->QueryInterface(__uuidof(IAsyncInfo),
                                          reinterpret_cast<void**>(info.GetAddressOf())))) {
    // The handler may still be returning: wait until the operation lets itself be closed.
    for (int i = 0; i < 500 && info->Close() == E_ILLEGAL_STATE_CHANGE; ++i) Sleep(10);
  }
  info.Reset();
  operation->Release();
  CloseHandle(done);
  CoUninitialize();
  return 0;
}

}  // namespace

IActivationFactory* NewUssdSessionFactory() { return new SessionFactory(); }
IActivationFactory* NewUssdMessageFactory() { return new MessageFactory(); }

HRESULT SelfTestReleaseInCompletion(INT32* detected) {
  if (detected == nullptr) return E_POINTER;
  INT32 created = 0, destroyed = 0, inCompletionBefore = 0, offThreadBefore = 0;
  UssdNetwork::Get().Counts(&created, &destroyed, &inCompletionBefore, &offThreadBefore);
  bool ok = false;
  HANDLE thread = CreateThread(nullptr, 0, RunSelfTest, &ok, 0, nullptr);
  if (thread == nullptr) return HRESULT_FROM_WIN32(GetLastError());
  WaitForSingleObject(thread, INFINITE);
  CloseHandle(thread);
  INT32 inCompletionAfter = 0, offThreadAfter = 0;
  UssdNetwork::Get().Counts(&created, &destroyed, &inCompletionAfter, &offThreadAfter);
  *detected = inCompletionAfter - inCompletionBefore;
  UssdNetwork::Get().Forgive(*detected, offThreadAfter - offThreadBefore);
  return ok ? S_OK : E_FAIL;
}

}  // namespace test_component
