#include <memory>

#include "tethering-operations.h"

#include <type_traits>
#include <utility>
#include <vector>

#include "../core/activation.h"
#include "../core/async-operation.h"
#include "../core/hstring.h"
#include "../core/release-later.h"
#include "tethering-calls.h"
#include "tethering-manager.h"

namespace wmbb {
namespace {

using abi_netops::INetworkOperatorTetheringAccessPointConfiguration;
using abi_netops::INetworkOperatorTetheringAccessPointConfiguration2;
using abi_netops::INetworkOperatorTetheringAccessPointConfiguration3;
using abi_netops::INetworkOperatorTetheringManager;
using abi_netops::INetworkOperatorTetheringManager2;
using abi_netops::INetworkOperatorTetheringManagerStatics4;
using abi_netops::INetworkOperatorTetheringOperationResult;
using abi_netops::INetworkOperatorTetheringSessionAccessPointConfiguration;

/** The operation a method hands out (`Method(…, T**)` → T), so that the types are the SDK's
 *  spelling with MSVC (IAsyncOperation<bool>) and native/abi's with mingw (…<boolean>). */
template <class C, class T>
T* OutOf(HRESULT (STDMETHODCALLTYPE C::*)(T**));
template <class C, class A, class T>
T* OutOf(HRESULT (STDMETHODCALLTYPE C::*)(A, T**));

using ResultOperation =
    std::remove_pointer_t<decltype(OutOf(&INetworkOperatorTetheringManager::StopTetheringAsync))>;
using BoolOperation = std::remove_pointer_t<decltype(OutOf(
    &INetworkOperatorTetheringAccessPointConfiguration2::IsBandSupportedAsync))>;
using Action = abi_foundation::IAsyncAction;

constexpr const wchar_t* kAccessPointClass =
    L"Windows.Networking.NetworkOperators.NetworkOperatorTetheringAccessPointConfiguration";
constexpr const wchar_t* kSessionClass =
    L"Windows.Networking.NetworkOperators.NetworkOperatorTetheringSessionAccessPointConfiguration";
constexpr const char* kStartCall = "NetworkOperatorTetheringManager.StartTetheringAsync";
constexpr const char* kStopCall = "NetworkOperatorTetheringManager.StopTetheringAsync";
constexpr const char* kConfigureCall = "NetworkOperatorTetheringManager.ConfigureAccessPointAsync";
constexpr const char* kCurrentCall = "NetworkOperatorTetheringManager.GetCurrentAccessPointConfiguration";
constexpr const char* kResultCall = "NetworkOperatorTetheringOperationResult";

/** An operation with the Windows objects it was started from: cancelled through the operation,
 *  closed and released together on the MTA thread (the glue calls Close there). */
class HeldOperation final : public AsyncWork {
 public:
  HeldOperation(std::shared_ptr<AsyncWork> operation, std::vector<ComPtr<IUnknown>> held)
      : operation_(std::move(operation)), held_(std::move(held)) {}
  Status Cancel() override { return operation_->Cancel(); }
  void Close() override {
    operation_->Close();
    // On the MTA thread, where the manager and its configurations were made.
    for (ComPtr<IUnknown>& object : held_) object.Reset();
    held_.clear();
  }

 private:
  std::shared_ptr<AsyncWork> operation_;
  std::vector<ComPtr<IUnknown>> held_;
};

template <class T>
ComPtr<IUnknown> Held(const ComPtr<T>& object) {
  return ComPtr<IUnknown>(static_cast<IUnknown*>(object.Get()));
}

/** Watches `operation` and hands its end, made plain by `toEnd`, to `onEnd`. */
template <class Operation, class T, class ToEnd>
Status Watch(ComPtr<Operation>& operation, const char* call, TetheringOnEnd<T> onEnd, ToEnd toEnd,
             std::vector<ComPtr<IUnknown>> held, std::shared_ptr<AsyncWork>* out) {
  using Watched = AsyncOperation<Operation>;
  std::shared_ptr<Watched> watched;
  if (auto f = Watched::Watch(
          Take(operation), call,
          [onEnd = std::move(onEnd), toEnd](typename Watched::End end) {
            TetheringEnd<T> plain;
            plain.kind = end.kind;
            plain.failure = end.failure;
            if (end.kind == AsyncEndKind::Completed) toEnd(end, &plain);
            onEnd(std::move(plain));
          },
          {}, &watched))
    return f;
  *out = std::make_shared<HeldOperation>(std::move(watched), std::move(held));
  return std::nullopt;
}

/** Reads a NetworkOperatorTetheringOperationResult; it is released on the MTA thread. */
void ReadResult(AsyncEnd<INetworkOperatorTetheringOperationResult>& end,
                TetheringEnd<TetheringResultRead>* out) {
  ComPtr<INetworkOperatorTetheringOperationResult> result = Take(end.result);
  auto fail = [&](Failure failure) {
    out->kind = AsyncEndKind::Failed;
    out->failure = failure;
  };
  if (!result) {
    fail(Failure{E_POINTER, kResultCall});
    return;
  }
  abi_netops::TetheringOperationStatus status{};
  HString message;
  if (auto f = Check(result->get_Status(&status), "NetworkOperatorTetheringOperationResult.Status")) {
    fail(*f);
  } else if (auto g = Check(result->get_AdditionalErrorMessage(message.Put()),
                            "NetworkOperatorTetheringOperationResult.AdditionalErrorMessage")) {
    fail(*g);
  } else {
    out->value.status = static_cast<int32_t>(status);
    out->value.additionalErrorMessage = message.View();
  }
  // Not from inside the operation's completion: the MTA thread releases it.
  ReleaseLater([result]() mutable { result.Reset(); });
  result.Reset();
}

Status WatchResult(ComPtr<ResultOperation>& operation, const char* call,
                   TetheringOnEnd<TetheringResultRead> onEnd, std::vector<ComPtr<IUnknown>> held,
                   std::shared_ptr<AsyncWork>* out) {
  return Watch<ResultOperation, TetheringResultRead>(
      operation, call, std::move(onEnd),
      [](AsyncEnd<INetworkOperatorTetheringOperationResult>& end,
         TetheringEnd<TetheringResultRead>* plain) { ReadResult(end, plain); },
      std::move(held), out);
}

Status WatchBool(ComPtr<BoolOperation>& operation, const char* call, TetheringOnEnd<bool> onEnd,
                 std::vector<ComPtr<IUnknown>> held, std::shared_ptr<AsyncWork>* out) {
  return Watch<BoolOperation, bool>(
      operation, call, std::move(onEnd),
      [](auto& end, TetheringEnd<bool>* plain) { plain->value = end.result != 0; }, std::move(held),
      out);
}

Status WatchAction(ComPtr<Action>& action, const char* call, TetheringOnEnd<NoResult> onEnd,
                   std::vector<ComPtr<IUnknown>> held, std::shared_ptr<AsyncWork>* out) {
  return Watch<Action, NoResult>(action, call, std::move(onEnd), [](auto&, TetheringEnd<NoResult>*) {},
                                 std::move(held), out);
}

/** Interface `To` of `from`; E_NOINTERFACE (an older Windows) names `call`, the API missing. */
template <class To, class From>
Status Require(From* from, const char* call, ComPtr<To>* out) {
  const HRESULT hr =
      from->QueryInterface(__uuidof(To), reinterpret_cast<void**>(out->ReleaseAndGetAddressOf()));
  if (SUCCEEDED(hr) && !*out) return Failure{E_NOINTERFACE, call};
  return Check(hr, call);
}

Status SetString(HRESULT hr, const char* call) { return Check(hr, call); }

/** The SSID and passphrase, and band and kind where given, of a configuration object whose
 *  class has them all in one interface (the session one) or spread over three. */
template <class Configuration>
Status PutCommon(Configuration* configuration, const AccessPoint& accessPoint, const char* ssidCall,
                 const char* passphraseCall) {
  HString ssid;
  if (auto f = HString::Create(accessPoint.ssid, &ssid)) return f;
  if (auto f = SetString(configuration->put_Ssid(ssid.Get()), ssidCall)) return f;
  HString passphrase;
  if (auto f = HString::Create(accessPoint.passphrase, &passphrase)) return f;
  return SetString(configuration->put_Passphrase(passphrase.Get()), passphraseCall);
}

/** A new access point configuration with the fields given (ConfigureAccessPointAsync's). */
Status NewAccessPoint(const AccessPoint& accessPoint,
                      ComPtr<INetworkOperatorTetheringAccessPointConfiguration>* out) {
  static constexpr const char* kCall = "NetworkOperatorTetheringAccessPointConfiguration()";
  ComPtr<IActivationFactory> factory;
  if (auto f = GetActivationFactory(kAccessPointClass,
                                    "RoGetActivationFactory(NetworkOperatorTetheringAccessPointConfiguration)",
                                    std::addressof(factory)))
    return f;
  ComPtr<IInspectable> instance;
  if (auto f = Check(factory->ActivateInstance(&instance), kCall)) return f;
  if (!instance) return Failure{E_POINTER, kCall};
  if (auto f = Check(instance.As(out), kCall)) return f;
  INetworkOperatorTetheringAccessPointConfiguration* configuration = out->Get();
  if (auto f = PutCommon(configuration, accessPoint,
                         "NetworkOperatorTetheringAccessPointConfiguration.Ssid",
                         "NetworkOperatorTetheringAccessPointConfiguration.Passphrase"))
    return f;
  // Auto (0) and Wpa2 (0) are what a Windows without these properties does anyway.
  if (accessPoint.band != kAbsent) {
    ComPtr<INetworkOperatorTetheringAccessPointConfiguration2> second;
    const HRESULT hr = configuration->QueryInterface(
        __uuidof(INetworkOperatorTetheringAccessPointConfiguration2),
        reinterpret_cast<void**>(second.GetAddressOf()));
    if (!(hr == E_NOINTERFACE && accessPoint.band == 0)) {
      if (auto f = Check(hr, kBandCall)) return f;
      if (auto f = Check(second->put_Band(static_cast<abi_netops::TetheringWiFiBand>(accessPoint.band)),
                         kBandCall))
        return f;
    }
  }
  if (accessPoint.authenticationKind != kAbsent) {
    ComPtr<INetworkOperatorTetheringAccessPointConfiguration3> third;
    const HRESULT hr = configuration->QueryInterface(
        __uuidof(INetworkOperatorTetheringAccessPointConfiguration3),
        reinterpret_cast<void**>(third.GetAddressOf()));
    if (!(hr == E_NOINTERFACE && accessPoint.authenticationKind == 0)) {
      if (auto f = Check(hr, kAuthenticationKindCall)) return f;
      if (auto f = Check(third->put_AuthenticationKind(
                             static_cast<abi_netops::TetheringWiFiAuthenticationKind>(
                                 accessPoint.authenticationKind)),
                         kAuthenticationKindCall))
        return f;
    }
  }
  return std::nullopt;
}

/** A new session configuration with the fields given (StartTetheringAsync(configuration)'s). */
Status NewSession(const AccessPoint& accessPoint,
                  ComPtr<INetworkOperatorTetheringSessionAccessPointConfiguration>* out) {
  ComPtr<IActivationFactory> factory;
  // Absent before build 26100 (the class is not registered): the caller learns which API.
  if (auto f = GetActivationFactory(kSessionClass, kSessionConfigurationCall, std::addressof(factory))) return f;
  ComPtr<IInspectable> instance;
  if (auto f = Check(factory->ActivateInstance(&instance), kSessionConfigurationCall)) return f;
  if (!instance) return Failure{E_POINTER, kSessionConfigurationCall};
  if (auto f = Check(instance.As(out), kSessionConfigurationCall)) return f;
  auto* session = out->Get();
  if (auto f = PutCommon(session, accessPoint,
                         "NetworkOperatorTetheringSessionAccessPointConfiguration.Ssid",
                         "NetworkOperatorTetheringSessionAccessPointConfiguration.Passphrase"))
    return f;
  if (accessPoint.band != kAbsent) {
    if (auto f = Check(session->put_Band(static_cast<abi_netops::TetheringWiFiBand>(accessPoint.band)),
                       "NetworkOperatorTetheringSessionAccessPointConfiguration.Band"))
      return f;
  }
  if (accessPoint.authenticationKind != kAbsent) {
    if (auto f = Check(session->put_AuthenticationKind(
                           static_cast<abi_netops::TetheringWiFiAuthenticationKind>(
                               accessPoint.authenticationKind)),
                       "NetworkOperatorTetheringSessionAccessPointConfiguration.AuthenticationKind"))
      return f;
  }
  return std::nullopt;
}

/** The manager's current access point configuration (IsBandSupportedAsync and its kin are
 *  asked of it: it knows the adapter). */
Status CurrentAccessPoint(const TetheringTarget& target, ComPtr<INetworkOperatorTetheringManager>* manager,
                          ComPtr<INetworkOperatorTetheringAccessPointConfiguration>* configuration) {
  if (auto f = MakeTetheringManager(target, manager)) return f;
  if (auto f = Check((*manager)->GetCurrentAccessPointConfiguration(configuration->ReleaseAndGetAddressOf()),
                     kCurrentCall))
    return f;
  if (!*configuration) return Failure{E_POINTER, kCurrentCall};
  return std::nullopt;
}

}  // namespace

Status StartTethering(const TetheringTarget& target, const std::optional<AccessPoint>& session,
                      TetheringOnEnd<TetheringResultRead> onEnd, std::shared_ptr<AsyncWork>* out) {
  ComPtr<INetworkOperatorTetheringManager> manager;
  if (auto f = MakeTetheringManager(target, std::addressof(manager))) return f;
  ComPtr<ResultOperation> operation;
  if (!session) {
    if (auto f = Check(manager->StartTetheringAsync(&operation), kStartCall)) return f;
    return WatchResult(operation, kStartCall, std::move(onEnd), {Held(manager)}, out);
  }
  ComPtr<INetworkOperatorTetheringManager2> second;
  if (auto f = Require(manager.Get(), kSessionStartCall, std::addressof(second))) return f;
  ComPtr<INetworkOperatorTetheringSessionAccessPointConfiguration> configuration;
  if (auto f = NewSession(*session, std::addressof(configuration))) return f;
  if (auto f = Check(second->StartTetheringAsync(configuration.Get(), &operation), kSessionStartCall))
    return f;
  return WatchResult(operation, kSessionStartCall, std::move(onEnd),
                     {Held(manager), Held(second), Held(configuration)}, out);
}

Status StopTethering(const TetheringTarget& target, TetheringOnEnd<TetheringResultRead> onEnd,
                     std::shared_ptr<AsyncWork>* out) {
  ComPtr<INetworkOperatorTetheringManager> manager;
  if (auto f = MakeTetheringManager(target, std::addressof(manager))) return f;
  ComPtr<ResultOperation> operation;
  if (auto f = Check(manager->StopTetheringAsync(&operation), kStopCall)) return f;
  return WatchResult(operation, kStopCall, std::move(onEnd), {Held(manager)}, out);
}

Status ConfigureAccessPoint(const TetheringTarget& target, const AccessPoint& accessPoint,
                            TetheringOnEnd<NoResult> onEnd, std::shared_ptr<AsyncWork>* out) {
  ComPtr<INetworkOperatorTetheringManager> manager;
  if (auto f = MakeTetheringManager(target, std::addressof(manager))) return f;
  ComPtr<INetworkOperatorTetheringAccessPointConfiguration> configuration;
  if (auto f = NewAccessPoint(accessPoint, std::addressof(configuration))) return f;
  ComPtr<Action> action;
  if (auto f = Check(manager->ConfigureAccessPointAsync(configuration.Get(), &action), kConfigureCall))
    return f;
  return WatchAction(action, kConfigureCall, std::move(onEnd), {Held(manager), Held(configuration)},
                     out);
}

Status IsBandSupported(const TetheringTarget& target, int32_t band, TetheringOnEnd<bool> onEnd,
                       std::shared_ptr<AsyncWork>* out) {
  ComPtr<INetworkOperatorTetheringManager> manager;
  ComPtr<INetworkOperatorTetheringAccessPointConfiguration> configuration;
  if (auto f = CurrentAccessPoint(target, std::addressof(manager), std::addressof(configuration))) return f;
  ComPtr<INetworkOperatorTetheringAccessPointConfiguration2> second;
  if (auto f = Require(configuration.Get(), kIsBandSupportedCall, std::addressof(second))) return f;
  ComPtr<BoolOperation> operation;
  if (auto f = Check(second->IsBandSupportedAsync(static_cast<abi_netops::TetheringWiFiBand>(band),
                                                  &operation),
                     kIsBandSupportedCall))
    return f;
  return WatchBool(operation, kIsBandSupportedCall, std::move(onEnd),
                   {Held(manager), Held(configuration), Held(second)}, out);
}

Status IsAuthenticationKindSupported(const TetheringTarget& target, int32_t kind,
                                     TetheringOnEnd<bool> onEnd, std::shared_ptr<AsyncWork>* out) {
  ComPtr<INetworkOperatorTetheringManager> manager;
  ComPtr<INetworkOperatorTetheringAccessPointConfiguration> configuration;
  if (auto f = CurrentAccessPoint(target, std::addressof(manager), std::addressof(configuration))) return f;
  ComPtr<INetworkOperatorTetheringAccessPointConfiguration3> third;
  if (auto f = Require(configuration.Get(), kIsAuthenticationKindSupportedCall, std::addressof(third))) return f;
  ComPtr<BoolOperation> operation;
  if (auto f = Check(third->IsAuthenticationKindSupportedAsync(
                         static_cast<abi_netops::TetheringWiFiAuthenticationKind>(kind), &operation),
                     kIsAuthenticationKindSupportedCall))
    return f;
  return WatchBool(operation, kIsAuthenticationKindSupportedCall, std::move(onEnd),
                   {Held(manager), Held(configuration), Held(third)}, out);
}

Status SetNoConnectionsTimeout(bool enabled, TetheringOnEnd<NoResult> onEnd,
                               std::shared_ptr<AsyncWork>* out) {
  const char* call = enabled ? kEnableTimeoutCall : kDisableTimeoutCall;
  ComPtr<INetworkOperatorTetheringManagerStatics4> statics;
  if (auto f = GetActivationFactory(kTetheringManagerClass, call, std::addressof(statics))) return f;
  ComPtr<Action> action;
  if (auto f = Check(enabled ? statics->EnableNoConnectionsTimeoutAsync(&action)
                             : statics->DisableNoConnectionsTimeoutAsync(&action),
                     call))
    return f;
  return WatchAction(action, call, std::move(onEnd), {Held(statics)}, out);
}

}  // namespace wmbb
