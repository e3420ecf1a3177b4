// WinRT failures as JS errors. The error carries the HRESULT (unsigned) and the failing call;
// lib/native/hresult.ts maps them to a MobileBroadbandError with a stable code and advice, so
// the policy lives in TypeScript, where both backends share it.
#pragma once

#include <napi.h>

#include "../../winrt/core/status.h"

namespace wmbb {

/** A JS Error for `failure`, with `hresult` and `call` properties. */
Napi::Error WinRtError(Napi::Env env, const Failure& failure);

/** Throws a TypeError naming the function and what it expected. */
[[noreturn]] void ThrowTypeError(Napi::Env env, const char* function, const char* expected);

}  // namespace wmbb
