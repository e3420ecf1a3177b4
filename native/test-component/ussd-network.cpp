#include "ussd-network.h"

#include <objbase.h>

#include "scenario.h"

namespace test_component {
namespace {

// Trivially destructible on purpose: mingw-w64's emulated TLS must not run destructors.
thread_local bool tInCompletion = false;

std::wstring Environment(const wchar_t* name) {
  wchar_t value[4096] = {};
  const DWORD length = GetEnvironmentVariableW(name, value, 4096);
  return length > 0 && length < 4096 ? std::wstring(value, length) : std::wstring();
}

// A process started with WMBB_TEST_USSD_ACCOUNT=<id> has that account from its first call, and
// with WMBB_TEST_USSD_REPLIES its network's first replies ("<resultCode>|<message>" lines; no
// "|": no message): the lane runs `wmbb ussd` in a child process no control can reach. Read
// when the DLL loads, before any class of it is asked for.
[[maybe_unused]] const bool kFromEnvironment = [] {
  const std::wstring account = Environment(L"WMBB_TEST_USSD_ACCOUNT");
  if (!account.empty()) {
    Scenario::Get().PutAccount(account, AccountFields{{L"serviceProviderName", L"Contoso"}});
  }
  const std::wstring replies = Environment(L"WMBB_TEST_USSD_REPLIES");
  size_t start = 0;
  while (start < replies.size()) {
    size_t end = replies.find(L'\n', start);
    if (end == std::wstring::npos) end = replies.size();
    const std::wstring line = replies.substr(start, end - start);
    const size_t bar = line.find(L'|');
    UssdScriptedReply reply;
    reply.resultCode = static_cast<INT32>(std::wcstol(line.c_str(), nullptr, 10));
    reply.hasMessage = bar != std::wstring::npos;
    if (reply.hasMessage) reply.message = line.substr(bar + 1);
    UssdNetwork::Get().Script(std::move(reply));
    start = end + 1;
  }
  return true;
}();

}  // namespace

UssdNetwork& UssdNetwork::Get() {
  static UssdNetwork network;
  return network;
}

void UssdNetwork::Reset() {
  std::lock_guard<std::mutex> lock(mutex_);
  replies_.clear();
  sent_.clear();
  created_ = 0;
  destroyed_ = 0;
  releasedInCompletion_ = 0;
  offThread_ = 0;
}

void UssdNetwork::Script(UssdScriptedReply reply) {
  std::lock_guard<std::mutex> lock(mutex_);
  replies_.push_back(std::move(reply));
}

UssdScriptedReply UssdNetwork::Answer(const std::wstring& text) {
  std::lock_guard<std::mutex> lock(mutex_);
  sent_.push_back(text);
  if (replies_.empty()) return UssdScriptedReply{};
  UssdScriptedReply reply = std::move(replies_.front());
  replies_.pop_front();
  return reply;
}

UINT32 UssdNetwork::SentCount() {
  std::lock_guard<std::mutex> lock(mutex_);
  return static_cast<UINT32>(sent_.size());
}

bool UssdNetwork::SentAt(UINT32 index, std::wstring* text) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (index >= sent_.size()) return false;
  *text = sent_[index];
  return true;
}

void UssdNetwork::Counts(INT32* created, INT32* destroyed, INT32* releasedInCompletion,
                         INT32* offThread) {
  *created = created_.load();
  *destroyed = destroyed_.load();
  *releasedInCompletion = releasedInCompletion_.load();
  *offThread = offThread_.load();
}

void UssdNetwork::Forgive(INT32 releasedInCompletion, INT32 offThread) {
  releasedInCompletion_ -= releasedInCompletion;
  offThread_ -= offThread;
}

bool InUssdCompletion() { return tInCompletion; }

UssdCompletionScope::UssdCompletionScope() : outer_(tInCompletion) { tInCompletion = true; }
UssdCompletionScope::~UssdCompletionScope() { tInCompletion = outer_; }

bool InExplicitMta() {
  APTTYPE type{};
  APTTYPEQUALIFIER qualifier{};
  if (FAILED(CoGetApartmentType(&type, &qualifier))) return false;
  return type == APTTYPE_MTA && qualifier != APTTYPEQUALIFIER_IMPLICIT_MTA;
}

}  // namespace test_component
