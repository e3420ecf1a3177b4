// The USSD network of the test component, for the Wine tests (`control.ussd`, ussd-control.h):
//
//   reset(), scriptReply({ resultCode, message?, hresult?, delayMs? }), sent(): string[],
//   counts(): { created, destroyed, releasedInCompletion, offThreadCalls },
//   selfTestReleaseInCompletion(): number
#pragma once

#include <napi.h>

namespace wmbb_test {

/** Sets `exports.ussd`. */
void DefineUssdCalls(Napi::Env env, Napi::Object exports);

}  // namespace wmbb_test
