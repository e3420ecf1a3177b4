#include "ussd-session.h"

#include <memory>

#include "../core/activation.h"
#include "../core/async-operation.h"
#include "../core/hstring.h"
#include "../core/release-later.h"

namespace wmbb {
namespace {

using abi_netops::IUssdMessage;
using abi_netops::IUssdReply;
using ReplyOperation = abi_foundation::IAsyncOperation<abi_netops::UssdReply*>;

/** Reads what the reply says into plain values. */
Status ReadReply(IUssdReply* reply, UssdReplyEnd* out, ComPtr<IUssdMessage>* message) {
  if (reply == nullptr) return Failure{E_POINTER, "UssdSession.SendMessageAndGetReplyAsync"};
  abi_netops::UssdResultCode code{};
  if (auto f = Check(reply->get_ResultCode(&code), "UssdReply.ResultCode")) return f;
  out->resultCode = static_cast<int32_t>(code);
  if (auto f = Check(reply->get_Message(message->ReleaseAndGetAddressOf()), "UssdReply.Message"))
    return f;
  // A reply without text (a network timeout, say) has no message at all.
  if (!*message) return std::nullopt;
  HString text;
  if (auto f = Check((*message)->get_PayloadAsText(text.Put()), "UssdMessage.PayloadAsText"))
    return f;
  out->hasMessage = true;
  out->message = text.View();
  return std::nullopt;
}

/** The reply's values; the reply and its message go to the MTA thread to be released. */
UssdReplyEnd ToReplyEnd(AsyncOperation<ReplyOperation>::End& end) {
  UssdReplyEnd out;
  out.kind = end.kind;
  out.failure = end.failure;
  if (end.kind != AsyncEndKind::Completed) return out;
  ComPtr<IUssdMessage> message;
  if (auto f = ReadReply(end.result.Get(), &out, &message)) {
    out.kind = AsyncEndKind::Failed;
    out.failure = *f;
    out.hasMessage = false;
    out.message.clear();
  }
  // Neither class is documented agile; whatever they hold of the session is let go where the
  // session lives, never inside this completion.
  ReleaseLater([reply = Take(end.result), message = Take(message)]() mutable {
    message.Reset();
    reply.Reset();
  });
  return out;
}

}  // namespace

Status CreateUssdSession(std::u16string_view networkAccountId,
                         ComPtr<abi_netops::IUssdSession>* out) {
  static constexpr const char* kCall = "UssdSession.CreateFromNetworkAccountId";
  ComPtr<abi_netops::IUssdSessionStatics> statics;
  if (auto f = GetActivationFactory(kUssdSessionClass, "RoGetActivationFactory(UssdSession)",
                                    std::addressof(statics)))
    return f;
  HString id;
  if (auto f = HString::Create(networkAccountId, &id)) return f;
  if (auto f = Check(statics->CreateFromNetworkAccountId(id.Get(), out->ReleaseAndGetAddressOf()),
                     kCall))
    return f;
  if (!*out) return Failure{E_POINTER, kCall};
  return std::nullopt;
}

Status SendUssd(abi_netops::IUssdSession* session, std::u16string_view text,
                std::function<void(UssdReplyEnd)> onEnd, std::shared_ptr<AsyncWork>* out) {
  static constexpr const char* kCall = "UssdSession.SendMessageAndGetReplyAsync";
  if (session == nullptr) return Failure{RO_E_CLOSED, kCall};
  ComPtr<abi_netops::IUssdMessageFactory> factory;
  if (auto f = GetActivationFactory(kUssdMessageClass, "RoGetActivationFactory(UssdMessage)",
                                    std::addressof(factory)))
    return f;
  ComPtr<IUssdMessage> message;
  {
    // The string may be a voucher code: it lives here and in the HSTRING, and in no error.
    HString payload;
    if (auto f = HString::Create(text, &payload)) return f;
    if (auto f = Check(factory->CreateMessage(payload.Get(), &message),
                       "UssdMessage.CreateMessage"))
      return f;
  }
  if (!message) return Failure{E_POINTER, "UssdMessage.CreateMessage"};
  ComPtr<ReplyOperation> operation;
  if (auto f = Check(session->SendMessageAndGetReplyAsync(message.Get(), &operation), kCall))
    return f;
  std::shared_ptr<AsyncOperation<ReplyOperation>> watched;
  if (auto f = AsyncOperation<ReplyOperation>::Watch(
          std::move(operation), kCall,
          [onEnd = std::move(onEnd)](AsyncOperation<ReplyOperation>::End end) {
            onEnd(ToReplyEnd(end));
          },
          {}, &watched))
    return f;
  *out = std::move(watched);
  return std::nullopt;
}

Status CloseUssdSession(abi_netops::IUssdSession* session) {
  if (session == nullptr) return std::nullopt;
  return Check(session->Close(), "UssdSession.Close");
}

}  // namespace wmbb
