#include "release-later.h"

#include <windows.h>

#include <memory>

namespace wmbb {
namespace {

void CALLBACK RunRelease(PTP_CALLBACK_INSTANCE, void* context) {
  std::unique_ptr<std::function<void()>> release(static_cast<std::function<void()>*>(context));
  (*release)();
}

}  // namespace

void ReleaseLater(std::function<void()> release) {
  auto* pending = new (std::nothrow) std::function<void()>();
  if (pending != nullptr) {
    *pending = std::move(release);
    if (TrySubmitThreadpoolCallback(RunRelease, pending, nullptr)) return;
    release = std::move(*pending);
    delete pending;
  }
  // No memory or no pool (process shutdown): releasing here is the lesser evil than a leak that
  // keeps the operation's objects alive for the life of the process.
  release();
}

}  // namespace wmbb
