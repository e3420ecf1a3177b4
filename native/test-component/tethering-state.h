// The hotspot of the imitated Windows: its state, clients, stored access point, what the
// adapter supports, the no-connections timeout, the scripts of the next starts and stops, and
// the connection profiles it may share (ITetheringTestControl). One per process, shared by the
// imitated classes and the control, guarded by one lock. A fresh process (a CLI run in a child
// node.exe) starts from the state Reset() gives, without an internet connection when its
// environment has WMBB_TEST_HOTSPOT=noInternet.
#pragma once

#include <atomic>
#include <deque>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "winrt.h"

namespace test_component {

/** TetheringOperationalState values. */
enum HotspotState : INT32 { kStateUnknown = 0, kStateOn = 1, kStateOff = 2 };
/** TetheringOperationStatus values the rules use. */
enum HotspotStatus : INT32 { kHotspotSuccess = 0, kHotspotUnknown = 1, kHotspotAlreadyOn = 9 };

struct HotspotAccessPoint {
  std::wstring ssid;
  std::wstring passphrase;
  INT32 band = 0;
  INT32 authenticationKind = 0;
};

struct HotspotClient {
  std::wstring macAddress;
  std::vector<std::wstring> hostNames;
};

/** What one start or stop answers (ITetheringTestControl::ScriptNext). */
struct HotspotScript {
  INT32 status = kHotspotSuccess;
  std::wstring message;
  UINT32 durationMs = 0;
};

class TetheringState {
 public:
  static TetheringState& Get();

  void Reset();

  UINT32 Build();
  void SetBuild(UINT32 build);
  /** Whether the played Windows has what came with `build`. */
  bool Has(UINT32 build) { return Build() >= build; }

  void SetProfiles(std::vector<std::wstring> names, std::wstring internet);
  std::vector<std::wstring> Profiles();
  /** The internet profile's name; empty: none. */
  std::wstring InternetProfile();

  INT32 Capability();
  void SetCapability(INT32 capability);
  INT32 OperationalState();
  void SetOperationalState(INT32 state);
  UINT32 MaxClients() { return 8; }
  std::vector<HotspotClient> Clients();
  HRESULT Join(HotspotClient client);
  HRESULT Leave(const std::wstring& macAddress);

  HotspotAccessPoint Stored();
  void Store(HotspotAccessPoint accessPoint);
  bool BandSupported(INT32 band);
  void SetBandSupported(INT32 band, bool supported);
  bool KindSupported(INT32 kind);
  void SetKindSupported(INT32 kind, bool supported);

  bool NoConnectionsTimeout();
  void SetNoConnectionsTimeout(bool enabled);
  /** The timeout's time is up; true when the hotspot turned off. */
  bool ExpireIdle();

  void Queue(bool stop, HotspotScript script);
  /** The next script of a start or stop; a default one (Success, at once) when none. */
  HotspotScript Take(bool stop);
  /** The start's rules, once its operation ends: AlreadyOn, Unknown for a capability other
   *  than Enabled, else on (with `session`, if any, until stop). */
  INT32 Start(const std::optional<HotspotAccessPoint>& session, std::wstring* message);
  /** Off, clients gone, the session forgotten. */
  void Stop();
  std::optional<HotspotAccessPoint> Session();

  void CountManager() { ++managers_; }
  void CountForeignThreadCall() { ++foreignThreadCalls_; }
  void Counts(INT32* managers, INT32* foreignThreadCalls);

 private:
  TetheringState();
  void ResetLocked();

  std::mutex mutex_;
  UINT32 build_ = 26100;
  std::vector<std::wstring> profiles_;
  std::wstring internet_;
  INT32 capability_ = 0;
  INT32 state_ = kStateOff;
  std::vector<HotspotClient> clients_;
  HotspotAccessPoint stored_;
  std::optional<HotspotAccessPoint> session_;
  std::set<INT32> bands_;
  std::set<INT32> kinds_;
  bool timeout_ = true;
  std::deque<HotspotScript> starts_;
  std::deque<HotspotScript> stops_;
  std::atomic<INT32> managers_{0};
  std::atomic<INT32> foreignThreadCalls_{0};
};

}  // namespace test_component
