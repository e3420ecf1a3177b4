#include "provisioning-state.h"

namespace test_component {

ProvisioningState& ProvisioningState::Get() {
  static ProvisioningState* state = new ProvisioningState();  // never destroyed: threads may outlive main
  return *state;
}

void ProvisioningState::Reset() {
  std::lock_guard<std::mutex> lock(mutex_);
  scripts_.clear();
  applied_.clear();
  windowInterface_ = true;
  agents_ = 0;
  initializeCalls_ = 0;
  foreignThreadCalls_ = 0;
}

void ProvisioningState::Queue(ProvisioningScript script) {
  std::lock_guard<std::mutex> lock(mutex_);
  scripts_.push_back(std::move(script));
}

ProvisioningScript ProvisioningState::Take(AppliedDocument applied) {
  std::lock_guard<std::mutex> lock(mutex_);
  applied_.push_back(std::move(applied));
  if (scripts_.empty()) return {};
  ProvisioningScript next = std::move(scripts_.front());
  scripts_.pop_front();
  return next;
}

std::vector<AppliedDocument> ProvisioningState::Applied() {
  std::lock_guard<std::mutex> lock(mutex_);
  return applied_;
}

void ProvisioningState::SetWindowInterface(bool present) {
  std::lock_guard<std::mutex> lock(mutex_);
  windowInterface_ = present;
}

bool ProvisioningState::WindowInterface() {
  std::lock_guard<std::mutex> lock(mutex_);
  return windowInterface_;
}

void ProvisioningState::Counts(INT32* agents, INT32* initializeCalls, INT32* foreignThreadCalls) {
  *agents = agents_;
  *initializeCalls = initializeCalls_;
  *foreignThreadCalls = foreignThreadCalls_;
}

}  // namespace test_component
