// What the mobile hotspot depends on, read for `wmbb hotspot doctor` (lib/backend.ts
// TetheringDiagnostics): the Mobile Hotspot and WLAN AutoConfig services (service-state.h), the
// known blocking policies (blocking-policies.h), whether NetworkInformation has an internet
// connection profile, and the first Wi-Fi radio's state (Windows.Devices.Radios.Radio
// .GetRadiosAsync). Started on the addon's MTA thread, which makes and releases every WinRT
// object; the end is read into plain values on the thread Windows completes on, so the JS
// thread makes no Windows call.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "../core/async-work.h"
#include "service-state.h"

namespace wmbb {

inline constexpr const wchar_t* kRadioClass = L"Windows.Devices.Radios.Radio";

/** The Wi-Fi radio: a Windows.Devices.Radios.RadioState value, or one of these. */
enum class WifiRadioReading : int32_t {
  Unknown = 0,  // RadioState.Unknown, or the radios could not be read
  On = 1,
  Off = 2,
  Disabled = 3,
  /** No radio of Kind WiFi. */
  Absent = -1,
};

/** The facts, or why they could not be read. */
struct TetheringDiagnosticsEnd {
  AsyncEndKind kind = AsyncEndKind::Failed;
  ServiceReading mobileHotspotService = ServiceReading::Unknown;
  ServiceReading wlanService = ServiceReading::Unknown;
  WifiRadioReading wifiRadio = WifiRadioReading::Unknown;
  /** The HRESULT that made wifiRadio Unknown (S_OK when it was read). */
  HRESULT wifiRadioError = S_OK;
  bool internetProfile = false;
  std::vector<std::string> blockingPolicies;
  Failure failure{E_FAIL, ""};
};

/**
 * Reads the services, policies and internet profile here and starts GetRadiosAsync. `onEnd`
 * runs once, on the thread Windows completes on (possibly before this returns). The radios
 * failing (the class missing, access denied) is not a failure of the whole: wifiRadio is
 * Unknown with the HRESULT beside it. NetworkInformation failing is (every Windows 10 has it).
 * MTA thread only; the work's Close() releases the operation (on the MTA thread).
 */
Status ReadTetheringDiagnostics(std::function<void(TetheringDiagnosticsEnd)> onEnd,
                                std::shared_ptr<AsyncWork>* out);

}  // namespace wmbb
