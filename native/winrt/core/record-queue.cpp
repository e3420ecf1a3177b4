#include "record-queue.h"

#include <cstring>

namespace wmbb {

RecordQueue::RecordQueue(Limits limits, std::function<void()> signal)
    : limits_(limits), signal_(std::move(signal)) {}

RecordBatch& RecordQueue::BatchForAppend() {
  if (batches_.empty() || batches_.back().records() >= limits_.maxBatch) batches_.emplace_back();
  if (!signalPending_) {
    signalPending_ = true;
    // Called under the lock on purpose: Close() takes the lock before the glue releases the
    // thread-safe function, so no signal can reach a released function.
    signal_();
  }
  return batches_.back();
}

void RecordQueue::WriteOverflowIfAny(RecordBatch& batch) {
  if (discarded_ == 0) return;
  batch.Word(static_cast<int32_t>(RecordKind::Overflow));
  batch.Word(static_cast<int32_t>(discarded_ > INT32_MAX ? INT32_MAX : discarded_));
  batch.CountRecord();
  discarded_ = 0;
}

void RecordQueue::WriteError(RecordBatch& batch, Failure failure) {
  batch.Word(static_cast<int32_t>(RecordKind::Error));
  batch.Word(static_cast<int32_t>(failure.hr));
  std::u16string call;
  for (const char* c = failure.call; *c != '\0'; ++c) call.push_back(static_cast<char16_t>(*c));
  batch.Text(call);
}

bool RecordQueue::Full() const {
  return queuedData_.load(std::memory_order_relaxed) >= limits_.maxQueued;
}

void RecordQueue::CountDiscarded() {
  std::lock_guard<SrwMutex> lock(mutex_);
  if (closed_) return;
  ++discarded_;
  ++totalDiscarded_;
}

bool RecordQueue::Push(const RecordBatch& record) {
  std::lock_guard<SrwMutex> lock(mutex_);
  if (closed_) return false;
  const bool isData = record.dataRecords() > 0;
  if (isData && queuedData_ >= limits_.maxQueued) {
    ++discarded_;
    ++totalDiscarded_;
    return false;
  }
  RecordBatch& batch = BatchForAppend();
  WriteOverflowIfAny(batch);
  batch.Append(record);
  if (isData) ++queuedData_;
  return true;
}

void RecordQueue::AppendError(Failure failure) {
  std::lock_guard<SrwMutex> lock(mutex_);
  if (closed_) return;
  // Errors count against the bound like data: a Windows that fails every read must not grow
  // the queue without limit. What is discarded is counted and reported as overflow.
  if (queuedData_ >= limits_.maxQueued) {
    ++discarded_;
    ++totalDiscarded_;
    return;
  }
  RecordBatch& batch = BatchForAppend();
  WriteOverflowIfAny(batch);
  WriteError(batch, failure);
  batch.CountRecord(true);
  ++queuedData_;
}

void RecordQueue::NoteOutOfMemory(const char* call) noexcept {
  std::lock_guard<SrwMutex> lock(mutex_);  // an SRW lock allocates nothing
  if (closed_) return;
  ++discarded_;
  ++totalDiscarded_;
  if (outOfMemoryCall_ == nullptr) outOfMemoryCall_ = call;
  if (!signalPending_) {
    signalPending_ = true;
    try {
      signal_();
    } catch (...) {
      // The next record's delivery reports it.
    }
  }
}

bool RecordQueue::Take(RecordBatch* out) {
  std::lock_guard<SrwMutex> lock(mutex_);
  if (batches_.empty() && outOfMemoryCall_ == nullptr) {
    signalPending_ = false;
    return false;
  }
  if (batches_.empty()) {
    out->Clear();
  } else {
    *out = std::move(batches_.front());
    batches_.pop_front();
  }
  if (outOfMemoryCall_ != nullptr) {
    // Here, on the JS thread, there is memory to spare for the record (NoteOutOfMemory).
    WriteError(*out, Failure{E_OUTOFMEMORY, outOfMemoryCall_});
    out->CountRecord();
    outOfMemoryCall_ = nullptr;
  }
  // What remains queued is what the bound applies to.
  queuedData_ -= out->dataRecords();
  if (batches_.empty()) {
    signalPending_ = false;
    // Losses after the last queued record would otherwise wait for the next event to be
    // reported: report them with the batch that empties the queue.
    WriteOverflowIfAny(*out);
  } else {
    signal_();  // a backlog: one more delivery for the next batch
  }
  return true;
}

void RecordQueue::Close() {
  std::lock_guard<SrwMutex> lock(mutex_);
  closed_ = true;
  batches_.clear();
  queuedData_ = 0;
  signalPending_ = false;
}

uint64_t RecordQueue::TotalDiscarded() const {
  std::lock_guard<SrwMutex> lock(mutex_);
  return totalDiscarded_;
}

}  // namespace wmbb
