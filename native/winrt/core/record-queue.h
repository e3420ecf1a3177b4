// A bounded, ordered queue of event records between the threads Windows calls back on and the
// JS thread. Producers append records to the newest batch; a batch is handed over whole.
//
// Signalling: the queue asks for a delivery (`signal`, a non-blocking thread-safe-function call
// in the addon) when it turns non-empty with no delivery pending. Each delivery takes the oldest
// batch (at most maxBatch records) and asks for another if more wait. So the JS thread is woken
// once per batch while a backlog lasts, and once per wake-up, not per event, when it keeps up:
// events that arrive while a delivery is pending ride along with it. With maxBatch 1 every
// event is its own call (the per-event baseline of the benchmark).
//
// Bound: at most maxQueued data and error records wait. Beyond that, they are discarded and
// counted, and the count reaches JS as an Overflow record at the point of loss (never silently).
// Control records (enumeration completed, stopped) are never discarded: a consumer must always
// learn that a watcher stopped.
//
// Out of memory: a handler on a Windows thread that runs out of memory reports it with
// NoteOutOfMemory(), which allocates nothing (a second bad_alloc there would end the host); the
// JS thread writes the Error record for it at the next delivery.
//
// The scratch batch: a producer writes its record into a scratch batch without the lock held and
// copies it in under the lock. The queue owns one spare scratch batch, reused so that a burst
// allocates nothing per event, and a producer takes it with one atomic exchange (a second
// producer writing at the same time uses a batch of its own). It never belongs to the producing
// thread: these threads are Windows' (or the test component's), and a `thread_local` with a
// destructor is unsafe there in a mingw-w64 build. Its emulated TLS frees the object before the destructor registered by
// __cxa_thread_atexit runs at thread exit (both are winpthreads key destructors, run in key
// order), so every exiting thread freed stale pointers and corrupted the heap (it crashed the
// event benchmark under Wine).
#pragma once

#include <atomic>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>

#include "event-records.h"
#include "srw-mutex.h"
#include "status.h"

namespace wmbb {

class RecordQueue {
 public:
  struct Limits {
    uint32_t maxBatch = 4096;
    uint32_t maxQueued = 65536;
  };

  RecordQueue(Limits limits, std::function<void()> signal);

  /**
   * Appends one record. `writeBody(RecordBatch&) -> Status` writes the words after the kind; if
   * it fails, the partial record is removed and an Error record with the failure goes in its
   * place. Any thread. Does nothing after Close(). True when the record was queued (false:
   * discarded because the queue is full, the body failed, or the queue is closed).
   */
  template <class WriteBody>
  bool Append(RecordKind kind, WriteBody&& writeBody) {
    // Reading the Windows object can take long (on Windows the eSIM objects live in another
    // process), so the record is written into a scratch batch without the lock held; only the
    // copy into the queue is locked. A full queue is checked first so that a flood costs no reads.
    if (IsDataRecord(kind) && Full()) {
      CountDiscarded();
      return false;
    }
    // Windows raises a watcher's events on one thread at a time, so the spare is nearly always
    // free; no lock is taken for it.
    const bool ownsSpare = !spareTaken_.exchange(true, std::memory_order_acquire);
    RecordBatch ownBatch;
    RecordBatch& scratch = ownsSpare ? spare_ : ownBatch;
    scratch.Clear();
    scratch.Word(static_cast<int32_t>(kind));
    const Status failure = writeBody(scratch);
    bool queued = false;
    if (!failure) {
      scratch.CountRecord(IsDataRecord(kind));
      queued = Push(scratch);
    }
    if (ownsSpare) spareTaken_.store(false, std::memory_order_release);
    if (failure) AppendError(*failure);  // the partial record is dropped with the scratch
    return queued;
  }

  /**
   * Appends a data record that is never discarded and does not count against maxQueued: one
   * somebody waits for (an operator app's entitlement check holds a caller until JavaScript
   * answers, so its number is bounded by the callers). False only after Close() or when the
   * body failed (then an Error record goes in its place). Any thread.
   */
  template <class WriteBody>
  bool AppendNeverDiscarded(RecordKind kind, WriteBody&& writeBody) {
    RecordBatch record;
    record.Word(static_cast<int32_t>(kind));
    if (const Status failure = writeBody(record)) {
      AppendError(*failure);
      return false;
    }
    record.CountRecord(false);
    return Push(record);
  }

  /** Appends a record without a body (EnumerationCompleted, Stopped). */
  void AppendControl(RecordKind kind) {
    Append(kind, [](RecordBatch&) -> Status { return std::nullopt; });
  }

  /** Appends an Error record (bounded like data records). */
  void AppendError(Failure failure);

  /**
   * An event was lost for lack of memory: counts it as discarded and has the next delivery
   * carry an Error record (E_OUTOFMEMORY, `call`, a string literal). Allocates nothing; for the
   * `catch` of handlers that run on Windows' threads. Any thread.
   */
  void NoteOutOfMemory(const char* call) noexcept;

  /** JS thread, once per delivery: takes the oldest batch; false when there is none. */
  bool Take(RecordBatch* out);

  /** Stops accepting records and signalling; drops what waits. Idempotent. */
  void Close();

  /** Records discarded so far, for the benchmark's report. */
  uint64_t TotalDiscarded() const;

 private:
  bool Full() const;
  void CountDiscarded();
  /** Copies a finished record into the queue, under the lock; false when discarded or closed. */
  bool Push(const RecordBatch& record);
  RecordBatch& BatchForAppend();
  void WriteOverflowIfAny(RecordBatch& batch);
  void WriteError(RecordBatch& batch, Failure failure);

  const Limits limits_;
  const std::function<void()> signal_;
  mutable SrwMutex mutex_;
  std::deque<RecordBatch> batches_;
  // The spare scratch batch, written only by the producer that set spareTaken_.
  RecordBatch spare_;
  std::atomic<bool> spareTaken_{false};
  // Changed under the lock; read without it by Full(), where a stale value only means one event
  // more or less is read before being discarded.
  std::atomic<uint32_t> queuedData_{0};
  uint64_t discarded_ = 0;
  uint64_t totalDiscarded_ = 0;
  bool signalPending_ = false;
  bool closed_ = false;
  // Set by NoteOutOfMemory: the call that lost an event, reported at the next Take.
  const char* outOfMemoryCall_ = nullptr;
};

}  // namespace wmbb
