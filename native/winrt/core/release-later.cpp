#include "release-later.h"

#include "mta-thread.h"

namespace wmbb {

void ReleaseLater(std::function<void()> release) noexcept {
  // Post takes the task by value; keep a copy to run here if it refuses.
  std::function<void()> fallback;
  try {
    fallback = release;
  } catch (...) {
  }
  if (!MtaThread::Post(std::move(release))) return;
  if (fallback) fallback();
}

}  // namespace wmbb
