// IUssdTestControl: the test's handle on the USSD network (see ussd-control.h).
#include "ussd-control-factory.h"

#include "runtime-object.h"
#include "ussd-network.h"
#include "ussd-session.h"

namespace test_component {
namespace {

class UssdControlFactory final
    : public RuntimeObject<UssdControlFactory, false, IActivationFactory, IUssdTestControl> {
 public:
  static constexpr const wchar_t* kClassName = L"WindowsMobileBroadband.Testing.UssdControl";

  HRESULT STDMETHODCALLTYPE ActivateInstance(IInspectable** instance) override {
    if (instance != nullptr) *instance = nullptr;
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE Reset() override {
    UssdNetwork::Get().Reset();
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE ScriptReply(INT32 resultCode, boolean hasMessage, HSTRING message,
                                        HRESULT error, UINT32 delayMs) override {
    UssdScriptedReply reply;
    reply.resultCode = resultCode;
    reply.hasMessage = hasMessage != 0;
    if (reply.hasMessage) reply.message = ToWString(message);
    reply.error = error;
    reply.delayMs = delayMs;
    UssdNetwork::Get().Script(std::move(reply));
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE SentCount(UINT32* count) override {
    if (count == nullptr) return E_POINTER;
    *count = UssdNetwork::Get().SentCount();
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE SentAt(UINT32 index, HSTRING* text) override {
    if (text == nullptr) return E_POINTER;
    std::wstring sent;
    if (!UssdNetwork::Get().SentAt(index, &sent)) return E_BOUNDS;
    return MakeHString(sent, text);
  }
  HRESULT STDMETHODCALLTYPE Counts(INT32* created, INT32* destroyed, INT32* releasedInCompletion,
                                   INT32* offThreadCalls) override {
    if (created == nullptr || destroyed == nullptr || releasedInCompletion == nullptr ||
        offThreadCalls == nullptr) {
      return E_POINTER;
    }
    UssdNetwork::Get().Counts(created, destroyed, releasedInCompletion, offThreadCalls);
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE SelfTestReleaseInCompletion(INT32* detected) override {
    return test_component::SelfTestReleaseInCompletion(detected);
  }
};

}  // namespace

IActivationFactory* NewUssdControlFactory() { return new UssdControlFactory(); }

}  // namespace test_component
