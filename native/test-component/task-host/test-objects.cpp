#include "test-objects.h"

#include <mutex>
#include <vector>

#include "../../operator-task/sms-abi.h"
#include "observed.h"

// __uuidof for the SMS interfaces, which sms-abi.h declares with plain IID constants.
__CRT_UUID_DECL(wmbb::sms::ISmsMessage, 0xed3c5e28, 0x6984, 0x4b07, 0x81, 0x1d, 0x8d, 0x59, 0x06,
                0xed, 0x3c, 0xea)
__CRT_UUID_DECL(wmbb::sms::ISmsBinaryMessage, 0x5bf4e813, 0x3b53, 0x4c6e, 0xb6, 0x1a, 0xd8, 0x6a,
                0x63, 0x75, 0x56, 0x50)

namespace task_host {
namespace {

namespace netops = ABI::Windows::Networking::NetworkOperators;
using test_component::MakeHString;
using test_component::RuntimeObject;

std::u16string FromWide(HSTRING value) {
  UINT32 length = 0;
  const wchar_t* raw = WindowsGetStringRawBuffer(value, &length);
  return std::u16string(reinterpret_cast<const char16_t*>(raw), length);
}

class TestDeferral final
    : public RuntimeObject<TestDeferral, false, background::IBackgroundTaskDeferral> {
 public:
  static constexpr const wchar_t* kClassName =
      L"Windows.ApplicationModel.Background.BackgroundTaskDeferral";
  HRESULT STDMETHODCALLTYPE Complete() override {
    Observed::Get().DeferralCompleted();
    return S_OK;
  }
};

/** A binary SMS (SmsBinaryMessage): Id 7, class None, format GsmDeliver, the case's PDU. */
class TestSms final : public RuntimeObject<TestSms, false, wmbb::sms::ISmsBinaryMessage,
                                           wmbb::sms::ISmsMessage> {
 public:
  static constexpr const wchar_t* kClassName = L"Windows.Devices.Sms.SmsBinaryMessage";
  explicit TestSms(bool unreadable) : unreadable_(unreadable) {}
  HRESULT STDMETHODCALLTYPE get_Id(UINT32* value) override {
    *value = 7;
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE get_MessageClass(INT32* value) override {
    *value = 0;
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE get_Format(INT32* value) override {
    *value = 4;  // GsmDeliver
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE put_Format(INT32) override { return E_NOTIMPL; }
  HRESULT STDMETHODCALLTYPE GetData(UINT32* size, BYTE** value) override {
    *size = 0;
    *value = nullptr;
    if (unreadable_) return E_FAIL;
    const std::string hex = kSmsPdu;
    *value = static_cast<BYTE*>(CoTaskMemAlloc(hex.size() / 2));
    if (*value == nullptr) return E_OUTOFMEMORY;
    for (size_t i = 0; i < hex.size() / 2; ++i) {
      (*value)[i] = static_cast<BYTE>(std::stoi(hex.substr(i * 2, 2), nullptr, 16));
    }
    *size = static_cast<UINT32>(hex.size() / 2);
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE SetData(UINT32, BYTE*) override { return E_NOTIMPL; }

 private:
  bool unreadable_;
};

struct NotificationScript {
  INT32 type = 0;
  std::wstring message;
  bool withSms = false;
  bool unreadable = false;  // Message, RuleId and the SMS's data fail
};

class TestNotificationDetails final
    : public RuntimeObject<TestNotificationDetails, false,
                           netops::INetworkOperatorNotificationEventDetails,
                           netops::INetworkOperatorTetheringEntitlementCheck> {
 public:
  static constexpr const wchar_t* kClassName =
      L"Windows.Networking.NetworkOperators.NetworkOperatorNotificationEventDetails";
  explicit TestNotificationDetails(NotificationScript script) : script_(std::move(script)) {}

  HRESULT STDMETHODCALLTYPE get_NotificationType(netops::NetworkOperatorEventMessageType* value) override {
    *value = static_cast<netops::NetworkOperatorEventMessageType>(script_.type);
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE get_NetworkAccountId(HSTRING* value) override {
    return MakeHString(L"{5A9B7D1C-0000-4000-8000-00000000ACC7}", value);
  }
  HRESULT STDMETHODCALLTYPE get_EncodingType(BYTE* value) override {
    *value = 0;
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE get_Message(HSTRING* value) override {
    if (script_.unreadable) return E_FAIL;
    return MakeHString(script_.message, value);
  }
  HRESULT STDMETHODCALLTYPE get_RuleId(HSTRING* value) override {
    if (script_.unreadable) return static_cast<HRESULT>(0x80010108);  // RPC_E_DISCONNECTED
    return MakeHString(L"rule-1", value);
  }
  HRESULT STDMETHODCALLTYPE get_SmsMessage(ABI::Windows::Devices::Sms::ISmsMessage** value) override {
    *value = nullptr;
    if (!script_.withSms) return S_OK;
    auto* sms = new TestSms(script_.unreadable);
    *value = reinterpret_cast<ABI::Windows::Devices::Sms::ISmsMessage*>(
        static_cast<wmbb::sms::ISmsMessage*>(sms));
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE AuthorizeTethering(boolean allow, HSTRING reason) override {
    Observed::Get().Answered(L"AuthorizeTethering", allow != 0, FromWide(reason));
    return S_OK;
  }

 private:
  NotificationScript script_;
};

class TestEntitlementTriggerDetails final
    : public RuntimeObject<TestEntitlementTriggerDetails, false,
                           netops::ITetheringEntitlementCheckTriggerDetails> {
 public:
  static constexpr const wchar_t* kClassName =
      L"Windows.Networking.NetworkOperators.TetheringEntitlementCheckTriggerDetails";
  HRESULT STDMETHODCALLTYPE get_NetworkAccountId(HSTRING* value) override {
    return MakeHString(L"{5A9B7D1C-0000-4000-8000-00000000ACC7}", value);
  }
  HRESULT STDMETHODCALLTYPE AllowTethering() override {
    Observed::Get().Answered(L"AllowTethering", true, u"");
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE DenyTethering(HSTRING reason) override {
    Observed::Get().Answered(L"DenyTethering", false, FromWide(reason));
    return S_OK;
  }
};

ComPtr<IInspectable> Wrap(IInspectable* created) {
  ComPtr<IInspectable> pointer;
  *pointer.GetAddressOf() = created;  // adopts the first reference (mingw's Attach adds one)
  return pointer;
}

}  // namespace

ComPtr<IInspectable> MakeDetails(const std::string& name) {
  NotificationScript script;
  if (name == "sms") {
    script.type = 0;  // Gsm
    script.message = L"hellohello";
    script.withSms = true;
  } else if (name == "roaming") {
    script.type = 8;  // RegisteredRoaming
  } else if (name == "threshold") {
    script.type = 3;  // DataPlanThresholdReached
    // What the escaping must survive: quotes, a backslash, a control character, a pair and a
    // lone surrogate (an operator's text is not checked by anyone before it reaches us).
    script.message = L"80% used: \"plan\" \\ data\n\U0001F4F6 ";
    script.message.push_back(static_cast<wchar_t>(0xD800));
  } else if (name == "longMessage") {
    script.type = 2;  // Ussd
    script.message.assign(20000, L'x');
  } else if (name == "entitlement10") {
    script.type = 10;  // TetheringEntitlementCheck
  } else if (name == "entitlementTrigger") {
    return Wrap(static_cast<netops::ITetheringEntitlementCheckTriggerDetails*>(
        new TestEntitlementTriggerDetails()));
  } else if (name == "unreadable") {
    script.type = 0;
    script.withSms = true;
    script.unreadable = true;
  } else {
    return nullptr;
  }
  return Wrap(static_cast<netops::INetworkOperatorNotificationEventDetails*>(
      new TestNotificationDetails(std::move(script))));
}

HRESULT TestTaskInstance::get_InstanceId(GUID* value) {
  if (idUnreadable_) return E_FAIL;
  *value = {0x1b6c1d55, 0x2f0a, 0x4c3e, {0x9d, 0x1a, 0x00, 0x00, 0x00, 0x00, 0x7a, 0x5c}};
  return S_OK;
}
HRESULT TestTaskInstance::get_Task(background::IBackgroundTaskRegistration** value) {
  *value = nullptr;
  return E_NOTIMPL;
}
HRESULT TestTaskInstance::get_Progress(UINT32* value) {
  *value = 0;
  return S_OK;
}
HRESULT TestTaskInstance::put_Progress(UINT32) { return S_OK; }
HRESULT TestTaskInstance::get_TriggerDetails(IInspectable** value) {
  *value = details_.Get();
  if (*value != nullptr) (*value)->AddRef();
  return S_OK;
}
HRESULT TestTaskInstance::add_Canceled(background::IBackgroundTaskCanceledEventHandler* handler,
                                       EventRegistrationToken* token) {
  if (handler == nullptr || token == nullptr) return E_POINTER;
  std::lock_guard<wmbb::SrwMutex> guard(lock_);
  token->value = nextToken_++;
  handlers_[token->value] = handler;
  return S_OK;
}
HRESULT TestTaskInstance::remove_Canceled(EventRegistrationToken token) {
  std::lock_guard<wmbb::SrwMutex> guard(lock_);
  handlers_.erase(token.value);
  return S_OK;
}
HRESULT TestTaskInstance::get_SuspendedCount(UINT32* value) {
  *value = 0;
  return S_OK;
}
HRESULT TestTaskInstance::GetDeferral(background::IBackgroundTaskDeferral** value) {
  *value = new TestDeferral();
  return S_OK;
}

void TestTaskInstance::FireCanceled() {
  std::vector<ComPtr<background::IBackgroundTaskCanceledEventHandler>> handlers;
  {
    std::lock_guard<wmbb::SrwMutex> guard(lock_);
    for (auto& entry : handlers_) handlers.push_back(entry.second);
  }
  Observed::Get().Canceled();
  for (auto& handler : handlers) {
    handler->Invoke(this, background::BackgroundTaskCancellationReason_Abort);
  }
}

int TestTaskInstance::HandlersLeft() {
  std::lock_guard<wmbb::SrwMutex> guard(lock_);
  return static_cast<int>(handlers_.size());
}

}  // namespace task_host
