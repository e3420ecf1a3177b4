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
//   kind = Added | Updated | Removed:   an eSIM (see WriteEsim in esim/esim-records.h)
//   kind = EnumerationCompleted | Stopped:   nothing
//   kind = Overflow:   discarded-count
//   kind = Error:   hresult, then one string (the failing call)
// A string is one word, its length in UTF-16 units; its text is the next part of the text buffer.
// An optional number is two words: 0/1, value.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace wmbb {

enum class RecordKind : int32_t {
  Added = 1,
  Updated = 2,
  Removed = 3,
  EnumerationCompleted = 4,
  Stopped = 5,
  Overflow = 6,
  Error = 7,
};

/** Data records may be discarded when the queue is full; control records never are (errors are
 *  bounded too, through RecordQueue::AppendError). */
inline bool IsDataRecord(RecordKind kind) {
  return kind == RecordKind::Added || kind == RecordKind::Updated || kind == RecordKind::Removed;
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
