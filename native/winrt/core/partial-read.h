// Reading a Windows object field by field, keeping what can be read. A record written this way
// carries its first failed read at its end (hresult, 0 for none, and the call): the TypeScript
// side delivers the object with what could be read, then reports the failure. Objects whose
// identity cannot be read are not written this way: they become Error records.
#pragma once

#include <string>
#include <string_view>

#include "event-records.h"
#include "hstring.h"
#include "status.h"

namespace wmbb {

/** The first failed read of a record; later reads go on with empty values. */
class PartialRead {
 public:
  /** True when `status` is a failure (and keeps the first one). */
  bool Failed(Status status) {
    if (!status) return false;
    if (!first_) first_ = status;
    return true;
  }

  /** The record's trailer: hresult (0: none) and the failed call. */
  void Write(RecordBatch& batch) const {
    batch.Word(first_ ? static_cast<int32_t>(first_->hr) : 0);
    std::u16string call;
    if (first_) {
      for (const char* c = first_->call; *c != '\0'; ++c) call.push_back(static_cast<char16_t>(*c));
    }
    batch.Text(call);
  }

  /** A string property (`get(HSTRING*)`), empty when it cannot be read. */
  template <class Get>
  void String(Get&& get, const char* call, RecordBatch& batch) {
    HString text;
    batch.Text(Failed(Check(get(text.Put()), call)) ? std::u16string_view() : text.View());
  }

  /** A 32-bit value (an enum, a number, a flags set), 0 when it cannot be read. */
  template <class Value, class Get>
  void Number(Get&& get, const char* call, RecordBatch& batch) {
    Value value{};
    if (Failed(Check(get(&value), call))) value = Value{};
    batch.Word(static_cast<int32_t>(value));
  }

 private:
  Status first_;
};

}  // namespace wmbb
