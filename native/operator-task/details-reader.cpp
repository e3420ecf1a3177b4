#include "details-reader.h"

#include <cstdio>
#include <vector>

#include "../winrt/core/hstring.h"
#include "blob-writer.h"
#include "sms-abi.h"

namespace wmbb {
namespace {

namespace background = ABI::Windows::ApplicationModel::Background;

/** NetworkOperatorEventMessageType.TetheringEntitlementCheck. */
constexpr INT32 kTetheringEntitlementCheck = 10;

/** The blob's members and the fields that could not be read. */
struct BlobFields {
  JsonObjectWriter json;
  std::vector<std::u16string> issues;

  /** True when `hr` failed, after naming `field` in the issues ("Message: 0x80004005"). */
  bool Failed(HRESULT hr, const char* field) {
    if (SUCCEEDED(hr)) return false;
    char text[96];
    std::snprintf(text, sizeof text, "%s: 0x%08X", field, static_cast<unsigned>(hr));
    issues.emplace_back(text, text + std::char_traits<char>::length(text));
    return true;
  }

  template <class Get>
  void String(const char* key, const char* field, Get&& get) {
    HString value;
    if (!Failed(get(value.Put()), field)) json.String(key, value.View());
  }
};

void ReadSms(wmbb::sms::ISmsMessage* message, JsonObjectWriter& json, BlobFields& fields) {
  UINT32 id = 0;
  if (!fields.Failed(message->get_Id(&id), "SmsMessage.Id")) json.Number("id", id);
  INT32 messageClass = 0;
  if (!fields.Failed(message->get_MessageClass(&messageClass), "SmsMessage.MessageClass")) {
    json.Number("messageClass", messageClass);
  }
  // Only a binary message carries the PDU; a text message (ISmsTextMessage) has none to give.
  ComPtr<wmbb::sms::ISmsBinaryMessage> binary;
  if (FAILED(message->QueryInterface(wmbb::sms::kIidSmsBinaryMessage,
                                     reinterpret_cast<void**>(binary.GetAddressOf())))) {
    return;
  }
  INT32 format = 0;
  if (!fields.Failed(binary->get_Format(&format), "SmsMessage.Format")) json.Number("format", format);
  UINT32 size = 0;
  BYTE* data = nullptr;
  if (!fields.Failed(binary->GetData(&size, &data), "SmsMessage.GetData")) {
    json.String("pdu", UpperHex(data, data == nullptr ? 0 : size));
  }
  CoTaskMemFree(data);
}

void ReadNotification(abi_netops::INetworkOperatorNotificationEventDetails* details,
                      BlobFields& fields, TaskWork& work) {
  fields.json.String("trigger", u"networkOperatorNotification");
  INT32 type = -1;
  const bool typeRead = !fields.Failed(
      details->get_NotificationType(reinterpret_cast<abi_netops::NetworkOperatorEventMessageType*>(&type)),
      "NotificationType");
  if (typeRead) fields.json.Number("messageType", type);
  fields.String("networkAccountId", "NetworkAccountId",
                [&](HSTRING* out) { return details->get_NetworkAccountId(out); });
  BYTE encoding = 0;
  if (!fields.Failed(details->get_EncodingType(&encoding), "EncodingType")) {
    fields.json.Number("encodingType", encoding);
  }
  HString message;
  if (!fields.Failed(details->get_Message(message.Put()), "Message")) {
    std::u16string_view text = message.View();
    if (text.size() > kMaxMessageUnits) {
      text = text.substr(0, kMaxMessageUnits);
      fields.issues.push_back(u"Message: cut at 16384 characters");
    }
    fields.json.String("message", text);
  }
  fields.String("ruleId", "RuleId", [&](HSTRING* out) { return details->get_RuleId(out); });

  // The declared type is only forward-declared for mingw (native/abi), so the reference is
  // taken as the ISmsMessage of sms-abi.h, which it is.
  ABI::Windows::Devices::Sms::ISmsMessage* declared = nullptr;
  if (!fields.Failed(details->get_SmsMessage(&declared), "SmsMessage") && declared != nullptr) {
    ComPtr<wmbb::sms::ISmsMessage> sms;
    *sms.GetAddressOf() = reinterpret_cast<wmbb::sms::ISmsMessage*>(declared);  // adopts it
    JsonObjectWriter smsJson;
    ReadSms(sms.Get(), smsJson, fields);
    fields.json.Object("sms", smsJson);
  }

  // The class always implements the check interface; only MessageType 10 expects an answer.
  if (typeRead && type == kTetheringEntitlementCheck &&
      !fields.Failed(details->QueryInterface(IID_PPV_ARGS(work.check.GetAddressOf())),
                     "AuthorizeTethering")) {
    work.kind = TaskKind::EntitlementNotification;
  }
}

}  // namespace

TaskWork ReadTaskWork(background::IBackgroundTaskInstance* instance) {
  TaskWork work;
  BlobFields fields;
  fields.json.Number("v", 1);

  GUID id{};
  if (!fields.Failed(instance->get_InstanceId(&id), "InstanceId")) {
    wchar_t text[40] = {};
    StringFromGUID2(id, text, 40);
    fields.json.String("taskInstanceId", reinterpret_cast<const char16_t*>(text));
  }

  ComPtr<IInspectable> details;
  if (!fields.Failed(instance->get_TriggerDetails(details.GetAddressOf()), "TriggerDetails")) {
    ComPtr<abi_netops::INetworkOperatorNotificationEventDetails> notification;
    if (details && SUCCEEDED(details.As(&notification))) {
      ReadNotification(notification.Get(), fields, work);
    } else if (details && SUCCEEDED(details.As(&work.triggerCheck))) {
      work.kind = TaskKind::EntitlementTrigger;
      fields.json.String("trigger", u"tetheringEntitlementCheck");
      fields.String("networkAccountId", "NetworkAccountId",
                    [&](HSTRING* out) { return work.triggerCheck->get_NetworkAccountId(out); });
    } else {
      // Neither class (or none at all): Node makes an `unknown` notification of the issue.
      fields.Failed(E_NOINTERFACE, "TriggerDetails");
    }
  }

  if (!fields.issues.empty()) fields.json.Strings("issues", fields.issues);
  work.blob = fields.json.Text();
  return work;
}

}  // namespace wmbb
