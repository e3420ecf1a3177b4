#include "diagnostics-read.h"

#include <windows.devices.radios.h>
#include <windows.networking.connectivity.h>

#include <utility>

#include "../core/activation.h"
#include "../core/async-operation.h"
#include "../core/release-later.h"
#include "blocking-policies.h"

namespace wmbb {
namespace {

namespace radios = ABI::Windows::Devices::Radios;
namespace connectivity = ABI::Windows::Networking::Connectivity;
using RadioList = abi_collections::IVectorView<radios::Radio*>;
using RadiosOperation = abi_foundation::IAsyncOperation<RadioList*>;

constexpr const char* kRadiosCall = "Radio.GetRadiosAsync";

/** NetworkInformation.GetInternetConnectionProfile() is non-null; the profile is released here,
 *  on the MTA thread. */
Status ReadInternetProfile(bool* present) {
  ComPtr<connectivity::INetworkInformationStatics> statics;
  if (auto f = GetActivationFactory(L"Windows.Networking.Connectivity.NetworkInformation",
                                    "RoGetActivationFactory(NetworkInformation)",
                                    std::addressof(statics)))
    return f;
  ComPtr<connectivity::IConnectionProfile> profile;
  if (auto f = Check(statics->GetInternetConnectionProfile(&profile),
                     "NetworkInformation.GetInternetConnectionProfile"))
    return f;
  *present = profile.Get() != nullptr;
  return std::nullopt;
}

/** The first radio of Kind WiFi's state, from GetRadiosAsync's list. */
WifiRadioReading FirstWifiRadio(RadioList* list, HRESULT* error) {
  UINT32 size = 0;
  if (FAILED(*error = list->get_Size(&size))) return WifiRadioReading::Unknown;
  for (UINT32 i = 0; i < size; ++i) {
    // The list holds each radio too: the last reference goes with the list, in the MTA.
    ComPtr<radios::IRadio> radio;
    radios::RadioKind kind{};
    if (FAILED(*error = list->GetAt(i, &radio)) || !radio) return WifiRadioReading::Unknown;
    if (FAILED(*error = radio->get_Kind(&kind))) return WifiRadioReading::Unknown;
    if (kind != radios::RadioKind_WiFi) continue;
    radios::RadioState state{};
    if (FAILED(*error = radio->get_State(&state))) return WifiRadioReading::Unknown;
    switch (state) {
      case radios::RadioState_On:
        return WifiRadioReading::On;
      case radios::RadioState_Off:
        return WifiRadioReading::Off;
      case radios::RadioState_Disabled:
        return WifiRadioReading::Disabled;
      default:
        return WifiRadioReading::Unknown;
    }
  }
  *error = S_OK;
  return WifiRadioReading::Absent;
}

/** The work of a read that ended at once (no GetRadiosAsync to wait for): nothing to cancel or
 *  release. */
class Settled final : public AsyncWork {
 public:
  Status Cancel() override { return std::nullopt; }
  void Close() override {}
};

}  // namespace

Status ReadTetheringDiagnostics(std::function<void(TetheringDiagnosticsEnd)> onEnd,
                                std::shared_ptr<AsyncWork>* out) {
  if (!MtaThread::IsCurrent()) return Failure{RPC_E_WRONG_THREAD, kRadiosCall};
  TetheringDiagnosticsEnd facts;
  facts.kind = AsyncEndKind::Completed;
  facts.mobileHotspotService = ReadServiceState(L"icssvc");
  facts.wlanService = ReadServiceState(L"WlanSvc");
  facts.blockingPolicies = ReadBlockingPolicies();
  if (auto f = ReadInternetProfile(&facts.internetProfile)) return f;

  ComPtr<radios::IRadioStatics> statics;
  ComPtr<RadiosOperation> operation;
  Status started = GetActivationFactory(kRadioClass, "RoGetActivationFactory(Radio)",
                                        std::addressof(statics));
  if (!started) started = Check(statics->GetRadiosAsync(&operation), kRadiosCall);
  statics.Reset();
  if (started) {
    // No radios to read (the class missing, or refused): the rest still stands.
    facts.wifiRadio = WifiRadioReading::Unknown;
    facts.wifiRadioError = started->hr;
    *out = std::make_shared<Settled>();
    onEnd(std::move(facts));
    return std::nullopt;
  }
  std::shared_ptr<AsyncOperation<RadiosOperation>> watched;
  auto shared = std::make_shared<TetheringDiagnosticsEnd>(std::move(facts));
  if (auto f = AsyncOperation<RadiosOperation>::Watch(
          std::move(operation), kRadiosCall,
          [onEnd = std::move(onEnd), shared](AsyncOperation<RadiosOperation>::End end) {
            TetheringDiagnosticsEnd result = std::move(*shared);
            if (end.kind == AsyncEndKind::Canceled) {
              result.kind = AsyncEndKind::Canceled;
            } else if (end.kind == AsyncEndKind::Failed) {
              result.wifiRadio = WifiRadioReading::Unknown;
              result.wifiRadioError = end.failure.hr;
            } else {
              ComPtr<RadioList> list = Take(end.result);
              if (!list) {
                result.wifiRadioError = E_POINTER;
              } else {
                result.wifiRadio = FirstWifiRadio(list.Get(), &result.wifiRadioError);
              }
              // The list and its radios go in the MTA, never inside the operation's callback.
              ReleaseLater([list]() mutable { list.Reset(); });
              list.Reset();
            }
            onEnd(std::move(result));
          },
          {}, &watched))
    return f;
  *out = watched;
  return std::nullopt;
}

}  // namespace wmbb
