// A mutex over Windows' slim reader/writer lock, usable with std::lock_guard.
//
// Why not std::mutex: with mingw-w64's posix threads, std::mutex is a winpthreads mutex whose
// contended path waits on an event object; under Wine every such wait is a round trip to the
// wineserver, and the event queue's lock is contended by design (a Windows thread appends while
// the JS thread takes). SRW locks wait on an address (a futex under Wine, a keyed event on
// Windows) and are what MSVC's std::mutex uses anyway.
#pragma once

#include <windows.h>

namespace wmbb {

class SrwMutex {
 public:
  SrwMutex() = default;
  SrwMutex(const SrwMutex&) = delete;
  SrwMutex& operator=(const SrwMutex&) = delete;
  void lock() { AcquireSRWLockExclusive(&lock_); }
  bool try_lock() { return TryAcquireSRWLockExclusive(&lock_) != 0; }
  void unlock() { ReleaseSRWLockExclusive(&lock_); }
  /** The lock itself, for SleepConditionVariableSRW. */
  SRWLOCK* native() { return &lock_; }

 private:
  SRWLOCK lock_ = SRWLOCK_INIT;
};

}  // namespace wmbb
