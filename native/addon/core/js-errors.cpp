#include "js-errors.h"

#include <cstdio>
#include <string>

namespace wmbb {

Napi::Error WinRtError(Napi::Env env, const Failure& failure) {
  char hex[16];
  std::snprintf(hex, sizeof hex, "0x%08lX", static_cast<unsigned long>(failure.hr));
  Napi::Error error =
      Napi::Error::New(env, std::string(failure.call) + " failed with HRESULT " + hex);
  error.Set("hresult", Napi::Number::New(env, static_cast<double>(static_cast<uint32_t>(failure.hr))));
  error.Set("call", Napi::String::New(env, failure.call));
  return error;
}

void ThrowTypeError(Napi::Env env, const char* function, const char* expected) {
  throw Napi::TypeError::New(env, std::string(function) + ": expected " + expected);
}

}  // namespace wmbb
