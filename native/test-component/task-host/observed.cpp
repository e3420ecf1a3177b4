#include "observed.h"

#include <cstdio>
#include <mutex>

#include "../../operator-task/blob-writer.h"

namespace task_host {

Observed& Observed::Get() {
  static Observed observed;
  return observed;
}

void Observed::DeferralCompleted() {
  std::lock_guard<wmbb::SrwMutex> guard(lock_);
  if (++completions_ == 1) completedAtMs_ = Now();
  SetEvent(completed_);
}

void Observed::Answered(const wchar_t* method, bool allow, std::u16string reason) {
  std::lock_guard<wmbb::SrwMutex> guard(lock_);
  if (++answers_ > 1) return;
  first_.method.assign(method, method + wcslen(method));
  first_.allow = allow;
  first_.reason = std::move(reason);
  first_.atMs = Now();
}

std::u16string Observed::Json(const char* details, HRESULT activation, HRESULT run,
                              long long runMs, int canceledHandlersLeft) const {
  std::lock_guard<wmbb::SrwMutex> guard(lock_);
  auto hex = [](HRESULT hr) {
    char text[16];
    std::snprintf(text, sizeof text, "0x%08X", static_cast<unsigned>(hr));
    return std::u16string(text, text + 10);
  };
  wmbb::JsonObjectWriter json;
  json.String("details", std::u16string(details, details + strlen(details)));
  json.String("activation", hex(activation));
  json.String("run", hex(run));
  json.Number("runReturnedMs", runMs);
  json.Number("deferralCompletions", completions_);
  json.Number("deferralCompletedMs", completedAtMs_);
  json.Number("answers", answers_);
  if (answers_ > 0) {
    wmbb::JsonObjectWriter answer;
    answer.String("method", first_.method);
    answer.Number("allow", first_.allow ? 1 : 0);
    answer.String("reason", first_.reason);
    answer.Number("atMs", first_.atMs);
    json.Object("answer", answer);
  }
  json.Number("canceledMs", canceledAtMs_);
  json.Number("canceledHandlersLeft", canceledHandlersLeft);
  return json.Text();
}

}  // namespace task_host
