#include "mta-thread.h"

#include <windows.h>
#include <objbase.h>

#include <atomic>
#include <deque>
#include <mutex>
#include <new>

#include "srw-mutex.h"

namespace wmbb {
namespace {

// The thread's state. Made once and never destroyed: the thread runs until the process exits,
// and a static with a destructor would be torn down at DLL detach while the thread may still
// hold its lock (Windows ends the other threads first at exit, but not necessarily before a
// destructor registered by this module runs).
struct State {
  SrwMutex mutex;
  CONDITION_VARIABLE wake = CONDITION_VARIABLE_INIT;
  std::deque<MtaThread::Task> tasks;
  // Read by IsCurrent() on any thread without the lock.
  std::atomic<DWORD> threadId{0};
  bool started = false;
  HRESULT startFailure = S_OK;
};

State& GetState() {
  static State* state = new State();
  return *state;
}

DWORD WINAPI Run(void*) {
  State& state = GetState();
  state.threadId = GetCurrentThreadId();  // before any task runs
  // Joins the process's MTA (and keeps it alive for the life of the process). A failure here
  // cannot happen on a fresh thread; should it, the tasks still run and their own calls report
  // CO_E_NOTINITIALIZED.
  CoInitializeEx(nullptr, COINIT_MULTITHREADED);
  for (;;) {
    MtaThread::Task task;
    {
      AcquireSRWLockExclusive(state.mutex.native());
      while (state.tasks.empty()) {
        SleepConditionVariableSRW(&state.wake, state.mutex.native(), INFINITE, 0);
      }
      task = std::move(state.tasks.front());
      state.tasks.pop_front();
      ReleaseSRWLockExclusive(state.mutex.native());
    }
    try {
      task();
    } catch (...) {
      // A task reports its own failures; nothing may unwind out of this thread.
    }
    task = nullptr;  // release what the task captured here, on this thread
  }
}

}  // namespace

Status MtaThread::Post(Task task) noexcept {
  State& state = GetState();
  try {
    std::lock_guard<SrwMutex> lock(state.mutex);
    if (!state.started) {
      state.started = true;
      HANDLE thread = CreateThread(nullptr, 0, Run, nullptr, 0, nullptr);
      if (thread == nullptr) {
        state.startFailure = HRESULT_FROM_WIN32(GetLastError());
      } else {
        CloseHandle(thread);
      }
    }
    if (FAILED(state.startFailure)) {
      return Failure{state.startFailure, "CreateThread (the addon's MTA thread)"};
    }
    state.tasks.push_back(std::move(task));
  } catch (const std::bad_alloc&) {
    return Failure{E_OUTOFMEMORY, "queuing work for the addon's MTA thread"};
  }
  WakeConditionVariable(&state.wake);
  return std::nullopt;
}

bool MtaThread::IsCurrent() noexcept {
  State& state = GetState();
  return state.threadId != 0 && GetCurrentThreadId() == state.threadId;
}

}  // namespace wmbb
