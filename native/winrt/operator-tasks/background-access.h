// BackgroundExecutionManager.RequestAccessAsync(): whether Windows lets the app run background
// tasks. Asked before every registration, as Microsoft asks apps to (on desktop Windows it
// prompts nobody; it answers from the user's and the system's settings).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>

#include "../core/async-work.h"

namespace wmbb {

/** The end of RequestAccessAsync. */
struct BackgroundAccessEnd {
  AsyncEndKind kind = AsyncEndKind::Failed;
  /** BackgroundAccessStatus (Completed only). */
  int32_t status = 0;
  Failure failure{E_FAIL, ""};
};

/**
 * Starts RequestAccessAsync and watches it (async-operation.h): `onEnd` runs once, on the thread
 * Windows completes on. On the addon's MTA thread.
 */
Status RequestBackgroundAccess(std::function<void(BackgroundAccessEnd)> onEnd,
                               std::shared_ptr<AsyncWork>* work);

}  // namespace wmbb
