#include "teardown-hold.h"

namespace wmbb {
namespace {

// Never called: nothing ever queues a call on the hold.
void NoCall(napi_env, napi_value, void*, void*) {}

}  // namespace

void HoldEnvironmentThroughTeardown(Napi::Env env) {
  napi_value name = Napi::String::New(env, "windows-mobile-broadband:teardown-hold");
  napi_threadsafe_function hold = nullptr;
  // No JS function, no queue limit, one thread that never releases it; no finalizer (nothing of
  // ours to free). A null function is allowed when a call_js callback is given.
  napi_status status = napi_create_threadsafe_function(env, nullptr, nullptr, name, 0, 1, nullptr,
                                                       nullptr, nullptr, NoCall, &hold);
  NAPI_THROW_IF_FAILED_VOID(env, status);
  status = napi_unref_threadsafe_function(env, hold);
  NAPI_THROW_IF_FAILED_VOID(env, status);
}

}  // namespace wmbb
