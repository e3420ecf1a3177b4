// The network behind the imitated UssdSession (ussd-session.h): the replies the test queued,
// the strings sessions sent, and what the sessions saw of the addon's threading. One per
// process, changed through IUssdTestControl (ussd-control.h).
#pragma once

#include <atomic>
#include <deque>
#include <mutex>
#include <string>
#include <vector>

#include "winrt.h"

namespace test_component {

/** One reply of the network (IUssdTestControl::ScriptReply). */
struct UssdScriptedReply {
  /** UssdResultCode value, unknown ones included. 4: OperationNotSupported. */
  INT32 resultCode = 4;
  bool hasMessage = false;
  std::wstring message;
  /** A failing HRESULT ends the operation with AsyncStatus::Error instead. */
  HRESULT error = S_OK;
  UINT32 delayMs = 0;
};

class UssdNetwork {
 public:
  static UssdNetwork& Get();

  void Reset();
  void Script(UssdScriptedReply reply);
  /** Records `text` as sent and takes the next reply (OperationNotSupported, no message, when
   *  none is queued). */
  UssdScriptedReply Answer(const std::wstring& text);
  UINT32 SentCount();
  bool SentAt(UINT32 index, std::wstring* text);

  void SessionCreated() { ++created_; }
  void SessionDestroyed() { ++destroyed_; }
  void ReleasedInCompletion() { ++releasedInCompletion_; }
  void OffThread() { ++offThread_; }
  void Counts(INT32* created, INT32* destroyed, INT32* releasedInCompletion, INT32* offThread);
  /** Takes counts back out (the detector's self-test, which breaks the rules on purpose). */
  void Forgive(INT32 releasedInCompletion, INT32 offThread);

 private:
  UssdNetwork() = default;

  std::mutex mutex_;
  std::deque<UssdScriptedReply> replies_;
  std::vector<std::wstring> sent_;
  std::atomic<INT32> created_{0};
  std::atomic<INT32> destroyed_{0};
  std::atomic<INT32> releasedInCompletion_{0};
  std::atomic<INT32> offThread_{0};
};

/** Whether this thread is inside a SendMessageAndGetReplyAsync completion the component is
 *  calling. */
bool InUssdCompletion();

/** Marks this thread as inside a completion callback while it lives. */
class UssdCompletionScope {
 public:
  UssdCompletionScope();
  ~UssdCompletionScope();
  UssdCompletionScope(const UssdCompletionScope&) = delete;
  UssdCompletionScope& operator=(const UssdCompletionScope&) = delete;

 private:
  bool outer_;
};

/** The calling thread joined the MTA itself (CoInitializeEx), as the addon's MTA thread did;
 *  a thread that is in the MTA only implicitly (never initialized) is not. */
bool InExplicitMta();

}  // namespace test_component
