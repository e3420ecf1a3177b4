// What a WinRT watcher's Status means, for every watcher the addon runs. Watchers share a shape
// (Start, Stop, Added…, EnumerationCompleted, Stopped) but not their status values:
//
//   ESimWatcherStatus                     Created 0, Started 1, EnumerationCompleted 2,
//                                         Stopping 3, Stopped 4
//   MobileBroadbandAccountWatcherStatus   Created 0, Started 1, EnumerationCompleted 2,
//                                         Stopped 3, Aborted 4
//
// so each watcher names its own values here, and Stop/Close decide from them whether Windows
// will raise Stopped (a watcher that is not running raises none: the addon then queues it).
#pragma once

#include <cstdint>

#include "status.h"

namespace wmbb {

/** The status enum of a watcher interface, from its get_Status(Enum*) member. */
template <class C, class E>
E StatusEnumOf(HRESULT (STDMETHODCALLTYPE C::*)(E*));

/** A watcher's status values; -1 for a status it does not have. */
struct WatcherStatuses {
  int32_t created;
  int32_t started;
  int32_t enumerationCompleted;
  int32_t stopping;
  int32_t stopped;
  int32_t aborted;
};

inline constexpr WatcherStatuses kEsimWatcherStatuses{0, 1, 2, 3, 4, -1};
inline constexpr WatcherStatuses kAccountWatcherStatuses{0, 1, 2, -1, 3, 4};

/** What Stop() must do for a watcher in a given status. */
enum class StopAction {
  /** Running: call Stop(); Windows raises Stopped. */
  CallStop,
  /** Stopping already: Windows will raise Stopped; nothing to call. */
  AwaitStopped,
  /** Created, stopped or aborted: Windows raises no Stopped; the caller says stopped itself. */
  NotRunning,
};

inline StopAction StopActionFor(int32_t status, const WatcherStatuses& statuses) {
  if (status == statuses.started || status == statuses.enumerationCompleted) {
    return StopAction::CallStop;
  }
  if (status == statuses.stopping) return StopAction::AwaitStopped;
  // Created, Stopped, Aborted, and any value newer than this code: nothing runs that we know of.
  return StopAction::NotRunning;
}

/**
 * Stops `watcher` (any interface with get_Status(Enum*) and Stop()) by its status values.
 * `*raisesStopped` says whether Windows will raise the Stopped event.
 */
template <class Watcher>
Status StopWatcher(Watcher* watcher, const WatcherStatuses& statuses, const char* statusCall,
                   const char* stopCall, bool* raisesStopped) {
  *raisesStopped = false;
  if (watcher == nullptr) return Failure{RO_E_CLOSED, stopCall};
  decltype(StatusEnumOf(&Watcher::get_Status)) status{};
  if (auto f = Check(watcher->get_Status(&status), statusCall)) return f;
  switch (StopActionFor(static_cast<int32_t>(status), statuses)) {
    case StopAction::CallStop:
      if (auto f = Check(watcher->Stop(), stopCall)) return f;
      *raisesStopped = true;
      return std::nullopt;
    case StopAction::AwaitStopped:
      *raisesStopped = true;
      return std::nullopt;
    case StopAction::NotRunning:
      return std::nullopt;
  }
  return std::nullopt;
}

/** Stops `watcher` if it runs, ignoring failures: for closing, where nothing is reported. */
template <class Watcher>
void StopIfRunning(Watcher* watcher, const WatcherStatuses& statuses) {
  if (watcher == nullptr) return;
  decltype(StatusEnumOf(&Watcher::get_Status)) status{};
  if (FAILED(watcher->get_Status(&status))) return;
  if (StopActionFor(static_cast<int32_t>(status), statuses) == StopAction::CallStop) {
    watcher->Stop();
  }
}

}  // namespace wmbb
