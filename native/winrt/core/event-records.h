// The binary form in which events cross from Windows threads to JavaScript.
//
// Making one JS object through Node-API costs about a microsecond, so building event objects in
// C++ caps delivery far below what a JS listener can take. Instead, events are appended as
// compact records to a batch: 32-bit words plus one UTF-16 text buffer holding every string of
// the batch back to back. JavaScript receives a whole batch in one call (an Int32Array and one
// string) and builds the objects itself (lib/native/event-records.ts, which must match this file).
//
// Record layout (words):
//   kind
//   core kinds (this file), the same for every capability:
//     EnumerationCompleted | Stopped:   nothing
//     Overflow:   discarded-count
//     Error:   hresult, then one string (the failing call)
//   each capability's own data kinds, declared in its folder (eSIM: Added, Updated, Removed in
//   esim/esim-records.h), each followed by that capability's layout
// Capability kinds take their own range: eSIM 1–3 (from before the ranges), the next
// capabilities 0x100 × n + 1… (accounts 0x101…, notifications 0x201…), so a decoder never takes
// one capability's record for another's. Core kinds are 4–7.
//
// A string is one word, its length in UTF-16 units; its text is the next part of the text buffer.
// An optional number is two words: 0/1, value. A 64-bit number (a DateTime as Unix milliseconds)
// is two words, low then high.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace wmbb {

/** A record kind: the core kinds below, or a capability's own (RecordKind{value}). */
enum class RecordKind : int32_t {
  EnumerationCompleted = 4,
  Stopped = 5,
  Overflow = 6,
  Error = 7,
};

/** Data records (every capability kind) may be discarded when the queue is full; control
 *  records never are. Errors are bounded too, through RecordQueue::AppendError. */
inline bool IsDataRecord(RecordKind kind) {
  return kind != RecordKind::EnumerationCompleted && kind != RecordKind::Stopped &&
         kind != RecordKind::Overflow && kind != RecordKind::Error;
}

/** A batch of records under construction. */
class RecordBatch {
 public:
  void Word(int32_t value) { words_.push_back(value); }
  void Text(std::u16string_view text) {
    words_.push_back(static_cast<int32_t>(text.size()));
    text_.append(text.data(), text.size());
  }
  void OptionalNumber(bool present, int32_t value) {
    words_.push_back(present ? 1 : 0);
    words_.push_back(present ? value : 0);
  }
  /** A 64-bit number as two words, low then high (lib/native reads it back exactly up to 2^53). */
  void Int64(int64_t value) {
    const uint64_t bits = static_cast<uint64_t>(value);
    words_.push_back(static_cast<int32_t>(static_cast<uint32_t>(bits & 0xFFFFFFFFu)));
    words_.push_back(static_cast<int32_t>(static_cast<uint32_t>(bits >> 32)));
  }

  /** Words written so far; with SetWord, a count can be written before what it counts. */
  size_t WordCount() const { return words_.size(); }
  void SetWord(size_t index, int32_t value) { words_[index] = value; }

  /** Appends every record of `other`. */
  void Append(const RecordBatch& other) {
    words_.insert(words_.end(), other.words_.begin(), other.words_.end());
    text_.append(other.text_);
    records_ += other.records_;
    dataRecords_ += other.dataRecords_;
  }

  /** Empties the batch, keeping its memory for reuse. */
  void Clear() {
    words_.clear();
    text_.clear();
    records_ = 0;
    dataRecords_ = 0;
  }

  const std::vector<int32_t>& words() const { return words_; }
  const std::u16string& text() const { return text_; }
  uint32_t records() const { return records_; }
  uint32_t dataRecords() const { return dataRecords_; }
  void CountRecord(bool isData = false) {
    ++records_;
    if (isData) ++dataRecords_;
  }
  bool empty() const { return records_ == 0; }

 private:
  std::vector<int32_t> words_;
  std::u16string text_;
  uint32_t records_ = 0;
  uint32_t dataRecords_ = 0;
};

}  // namespace wmbb
