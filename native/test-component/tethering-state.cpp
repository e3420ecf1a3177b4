#include "tethering-state.h"

#include <algorithm>

namespace test_component {

TetheringState& TetheringState::Get() {
  // Never destroyed: imitated objects may outlive static destruction at process exit.
  static auto* state = [] {
    auto* made = new TetheringState();
    // A process started with WMBB_TEST_HOTSPOT=noInternet has no internet connection from its
    // first call, before any control could reach it (the lane's CLI runs in a child process).
    wchar_t value[32] = {};
    const DWORD length = GetEnvironmentVariableW(L"WMBB_TEST_HOTSPOT", value, 32);
    if (length > 0 && length < 32 && std::wstring(value) == L"noInternet") made->internet_.clear();
    return made;
  }();
  return *state;
}

TetheringState::TetheringState() { ResetLocked(); }

void TetheringState::Reset() {
  std::lock_guard<std::mutex> lock(mutex_);
  ResetLocked();
}

void TetheringState::ResetLocked() {
  build_ = 26100;
  profiles_ = {L"Contoso"};
  internet_ = L"Contoso";
  capability_ = 0;
  state_ = kStateOff;
  clients_.clear();
  stored_ = HotspotAccessPoint{L"WMBB-Test", L"wmbb-test-passphrase", 0, 0};
  session_.reset();
  bands_ = {0, 1, 2};  // Auto, 2.4 GHz, 5 GHz
  kinds_ = {0, 1};     // WPA2, WPA3 transition mode
  timeout_ = true;
  starts_.clear();
  stops_.clear();
  managers_ = 0;
  foreignThreadCalls_ = 0;
}

UINT32 TetheringState::Build() {
  std::lock_guard<std::mutex> lock(mutex_);
  return build_;
}

void TetheringState::SetBuild(UINT32 build) {
  std::lock_guard<std::mutex> lock(mutex_);
  build_ = build;
}

void TetheringState::SetProfiles(std::vector<std::wstring> names, std::wstring internet) {
  std::lock_guard<std::mutex> lock(mutex_);
  profiles_ = std::move(names);
  internet_ = std::move(internet);
}

std::vector<std::wstring> TetheringState::Profiles() {
  std::lock_guard<std::mutex> lock(mutex_);
  return profiles_;
}

std::wstring TetheringState::InternetProfile() {
  std::lock_guard<std::mutex> lock(mutex_);
  return internet_;
}

INT32 TetheringState::Capability() {
  std::lock_guard<std::mutex> lock(mutex_);
  return capability_;
}

void TetheringState::SetCapability(INT32 capability) {
  std::lock_guard<std::mutex> lock(mutex_);
  capability_ = capability;
}

INT32 TetheringState::OperationalState() {
  std::lock_guard<std::mutex> lock(mutex_);
  return state_;
}

void TetheringState::SetOperationalState(INT32 state) {
  std::lock_guard<std::mutex> lock(mutex_);
  state_ = state;
}

std::vector<HotspotClient> TetheringState::Clients() {
  std::lock_guard<std::mutex> lock(mutex_);
  return clients_;
}

HRESULT TetheringState::Join(HotspotClient client) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (state_ != kStateOn) return E_ILLEGAL_METHOD_CALL;
  for (const HotspotClient& present : clients_) {
    if (_wcsicmp(present.macAddress.c_str(), client.macAddress.c_str()) == 0) return E_INVALIDARG;
  }
  if (clients_.size() >= MaxClients()) return E_INVALIDARG;
  clients_.push_back(std::move(client));
  return S_OK;
}

HRESULT TetheringState::Leave(const std::wstring& macAddress) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto found = std::find_if(clients_.begin(), clients_.end(), [&](const HotspotClient& c) {
    return _wcsicmp(c.macAddress.c_str(), macAddress.c_str()) == 0;
  });
  if (found == clients_.end()) return E_INVALIDARG;
  clients_.erase(found);
  return S_OK;
}

HotspotAccessPoint TetheringState::Stored() {
  std::lock_guard<std::mutex> lock(mutex_);
  return stored_;
}

void TetheringState::Store(HotspotAccessPoint accessPoint) {
  std::lock_guard<std::mutex> lock(mutex_);
  stored_ = std::move(accessPoint);
}

bool TetheringState::BandSupported(INT32 band) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (band == 0) return true;  // Auto: Windows chooses
  // The 6 GHz band came with build 26100; an older Windows does not know the value.
  if (band == 3 && build_ < 26100) return false;
  return bands_.count(band) > 0;
}

void TetheringState::SetBandSupported(INT32 band, bool supported) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (supported) bands_.insert(band);
  else bands_.erase(band);
}

bool TetheringState::KindSupported(INT32 kind) {
  std::lock_guard<std::mutex> lock(mutex_);
  return kinds_.count(kind) > 0;
}

void TetheringState::SetKindSupported(INT32 kind, bool supported) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (supported) kinds_.insert(kind);
  else kinds_.erase(kind);
}

bool TetheringState::NoConnectionsTimeout() {
  std::lock_guard<std::mutex> lock(mutex_);
  return timeout_;
}

void TetheringState::SetNoConnectionsTimeout(bool enabled) {
  std::lock_guard<std::mutex> lock(mutex_);
  timeout_ = enabled;
}

bool TetheringState::ExpireIdle() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!timeout_ || state_ != kStateOn || !clients_.empty()) return false;
  state_ = kStateOff;
  session_.reset();
  return true;
}

void TetheringState::Queue(bool stop, HotspotScript script) {
  std::lock_guard<std::mutex> lock(mutex_);
  (stop ? stops_ : starts_).push_back(std::move(script));
}

HotspotScript TetheringState::Take(bool stop) {
  std::lock_guard<std::mutex> lock(mutex_);
  std::deque<HotspotScript>& queue = stop ? stops_ : starts_;
  if (queue.empty()) return HotspotScript{};
  HotspotScript script = std::move(queue.front());
  queue.pop_front();
  return script;
}

INT32 TetheringState::Start(const std::optional<HotspotAccessPoint>& session, std::wstring* message) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (state_ == kStateOn) return kHotspotAlreadyOn;
  if (capability_ != 0) {
    *message = L"Tethering is not available on this device";
    return kHotspotUnknown;
  }
  state_ = kStateOn;
  session_ = session;
  return kHotspotSuccess;
}

void TetheringState::Stop() {
  std::lock_guard<std::mutex> lock(mutex_);
  state_ = kStateOff;
  clients_.clear();
  session_.reset();
}

std::optional<HotspotAccessPoint> TetheringState::Session() {
  std::lock_guard<std::mutex> lock(mutex_);
  return session_;
}

void TetheringState::Counts(INT32* managers, INT32* foreignThreadCalls) {
  *managers = managers_.load();
  *foreignThreadCalls = foreignThreadCalls_.load();
}

}  // namespace test_component
