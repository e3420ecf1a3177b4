// Plain values the tethering calls read from and hand to Windows (no COM, no N-API): what the
// glue (native/addon/tethering) turns into JS values. Enums travel as their Windows values; the
// TypeScript side names them (lib/native/tethering-enums.ts).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "../core/async-work.h"

namespace wmbb {

/** Which hotspot a call is about. */
struct TetheringTarget {
  /** The connection profile to share, by ProfileName; unused unless `named`. */
  std::u16string profileName;
  /** False: the internet connection profile (NetworkInformation.GetInternetConnectionProfile). */
  bool named = false;
};

/** GetTetheringCapabilityFromConnectionProfile and the manager's counters. */
struct TetheringStatusRead {
  /** TetheringCapability. */
  int32_t capability = 0;
  /** TetheringOperationalState; Unknown (0) when Windows made no manager for a disabled
   *  hotspot. */
  int32_t state = 0;
  uint32_t clientCount = 0;
  uint32_t maxClientCount = 0;
};

/** A value this Windows does not have (an interface newer than it). */
inline constexpr int32_t kAbsent = -1;

/** An access point as read (GetCurrentAccessPointConfiguration) or to write. */
struct AccessPoint {
  std::u16string ssid;
  /** A secret: the glue wipes its copies. */
  std::u16string passphrase;
  /** TetheringWiFiBand, or kAbsent (read: no …Configuration2; write: leave it as it is). */
  int32_t band = kAbsent;
  /** TetheringWiFiAuthenticationKind, or kAbsent (…Configuration3). */
  int32_t authenticationKind = kAbsent;
};

/** NetworkOperatorTetheringClient. */
struct TetheringClientRead {
  std::u16string macAddress;
  /** Each HostName's DisplayName. */
  std::vector<std::u16string> hostNames;
};

/** NetworkOperatorTetheringOperationResult. */
struct TetheringResultRead {
  /** TetheringOperationStatus. */
  int32_t status = 0;
  std::u16string additionalErrorMessage;
};

/** How a tethering call ended, with its value when it completed. */
template <class T>
struct TetheringEnd {
  AsyncEndKind kind = AsyncEndKind::Failed;
  T value{};
  Failure failure{E_FAIL, ""};

  static TetheringEnd Done(T value) {
    TetheringEnd end;
    end.kind = AsyncEndKind::Completed;
    end.value = std::move(value);
    return end;
  }
};

template <class T>
using TetheringOnEnd = std::function<void(TetheringEnd<T>)>;

}  // namespace wmbb
