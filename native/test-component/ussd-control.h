// The USSD part of the Wine test component's control: a class of its own,
// WindowsMobileBroadband.Testing.UssdControl (activated like WindowsMobileBroadband.Testing
// .Control, its factory answering IUssdTestControl), so the network the imitated UssdSession
// talks to is scripted without touching the shared ITestControl. Failures of the USSD members
// are still injected with ITestControl::SetFailure ("UssdSession" for the activation,
// "UssdSession.CreateFromNetworkAccountId", "UssdSession.SendMessageAndGetReplyAsync",
// "UssdSession.Close", "UssdMessage.CreateMessage"), accounts are ITestControl::PutAccount's,
// and the completion mode is ITestControl::SetCompletion's.
#pragma once

#include <windows.h>
#include <inspectable.h>
#include <winstring.h>

inline constexpr const wchar_t* kUssdTestControlClass =
    L"WindowsMobileBroadband.Testing.UssdControl";

// {06f9fb0e-a04a-4406-8f76-40f39a082dd5}
MIDL_INTERFACE("06f9fb0e-a04a-4406-8f76-40f39a082dd5")
IUssdTestControl : public IInspectable {
  /** Forgets the scripted replies, the strings sent and the counts. */
  virtual HRESULT STDMETHODCALLTYPE Reset() = 0;
  /** Queues the network's next reply: a UssdResultCode value (any INT32, unknown ones
   *  included), a message or none, and after `delayMs`; with a failing `error` the operation
   *  ends with AsyncStatus::Error and that code instead. Replies are taken in order, whatever
   *  is sent; with none queued the network answers OperationNotSupported without a message. */
  virtual HRESULT STDMETHODCALLTYPE ScriptReply(INT32 resultCode, boolean hasMessage,
                                                HSTRING message, HRESULT error,
                                                UINT32 delayMs) = 0;
  /** How many strings sessions were given (PayloadAsText of each message sent). */
  virtual HRESULT STDMETHODCALLTYPE SentCount(UINT32* count) = 0;
  virtual HRESULT STDMETHODCALLTYPE SentAt(UINT32 index, HSTRING* text) = 0;
  /**
   * Sessions made and sessions destroyed; final releases of a session made inside a
   * SendMessageAndGetReplyAsync completion callback (Microsoft: "may hang"); and calls that
   * broke the session's threading: made or called or finally released on a thread other
   * than the explicit-MTA thread that created it.
   */
  virtual HRESULT STDMETHODCALLTYPE Counts(INT32* created, INT32* destroyed,
                                           INT32* releasedInCompletion,
                                           INT32* offThreadCalls) = 0;
  /** Proves the detector: on an MTA thread of its own, sends on a session and releases its
   *  last reference inside the completion; answers how many such releases were detected
   *  (1 when the detector works), then takes them out of Counts() again. */
  virtual HRESULT STDMETHODCALLTYPE SelfTestReleaseInCompletion(INT32* detected) = 0;
};

#ifdef __CRT_UUID_DECL
__CRT_UUID_DECL(IUssdTestControl, 0x06f9fb0e, 0xa04a, 0x4406, 0x8f, 0x76, 0x40, 0xf3, 0x9a, 0x08,
                0x2d, 0xd5)
#endif
