// USSD on the addon's MTA thread: UssdSession.CreateFromNetworkAccountId, one string sent with
// SendMessageAndGetReplyAsync (the message made by UssdMessage's factory), and Close.
//
// UssdSession is [Threading(MTA)] and not agile: these functions run on the addon's MTA thread
// only (mta-thread.h), which is where the session is made, used and released. Microsoft warns
// that releasing the last UssdSession reference inside the SendMessageAndGetReplyAsync
// completion "may hang": nothing here holds the session in what the completion runs or
// releases. The completion reads the reply into plain values and hands the reply object and its
// message to the MTA thread to release (ReleaseLater); the operation itself, which a Windows
// implementation may let hold its session, is closed and released by a task on the MTA thread
// too (async-operation.h). No N-API here.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "../core/async-work.h"

namespace wmbb {

inline constexpr const wchar_t* kUssdSessionClass =
    L"Windows.Networking.NetworkOperators.UssdSession";
inline constexpr const wchar_t* kUssdMessageClass =
    L"Windows.Networking.NetworkOperators.UssdMessage";

/** The end of one SendMessageAndGetReplyAsync, read on the thread Windows completed on. */
struct UssdReplyEnd {
  AsyncEndKind kind = AsyncEndKind::Failed;
  /** UssdReply.ResultCode as Windows gave it (a value this version does not know included). */
  int32_t resultCode = 0;
  /** Whether UssdReply.Message was non-null. */
  bool hasMessage = false;
  /** Message.PayloadAsText (hasMessage only). */
  std::u16string message;
  Failure failure{E_FAIL, ""};
};

/** `UssdSession.CreateFromNetworkAccountId(networkAccountId)`. MTA thread only. */
Status CreateUssdSession(std::u16string_view networkAccountId,
                         ComPtr<abi_netops::IUssdSession>* out);

/**
 * Makes a UssdMessage of `text` (IUssdMessageFactory.CreateMessage) and starts
 * `session.SendMessageAndGetReplyAsync(message)`; `onEnd` gets the reply's values once, on
 * whatever thread Windows completes on. MTA thread only.
 */
Status SendUssd(abi_netops::IUssdSession* session, std::u16string_view text,
                std::function<void(UssdReplyEnd)> onEnd, std::shared_ptr<AsyncWork>* out);

/** `UssdSession.Close()`. MTA thread only. */
Status CloseUssdSession(abi_netops::IUssdSession* session);

}  // namespace wmbb
