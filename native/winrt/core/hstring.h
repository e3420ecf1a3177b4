// RAII for HSTRING and the two conversions the addon needs. Strings cross between JS and WinRT
// as UTF-16 both ways (napi has UTF-16 entry points and HSTRING is UTF-16), so nothing here
// converts to UTF-8.
#pragma once

#include <cwchar>
#include <string>
#include <string_view>

#include "status.h"

namespace wmbb {

/** Owns one HSTRING; deletes it on destruction. Null is the empty string, as in WinRT. */
class HString {
 public:
  HString() = default;
  ~HString() { Reset(); }
  HString(const HString&) = delete;
  HString& operator=(const HString&) = delete;
  HString(HString&& other) noexcept : value_(other.value_) { other.value_ = nullptr; }
  HString& operator=(HString&& other) noexcept {
    if (this != &other) {
      Reset();
      value_ = other.value_;
      other.value_ = nullptr;
    }
    return *this;
  }

  /** Makes an HSTRING holding a copy of `text`. */
  static Status Create(std::u16string_view text, HString* out) {
    out->Reset();
    return Check(WindowsCreateString(reinterpret_cast<const wchar_t*>(text.data()),
                                     static_cast<UINT32>(text.size()), &out->value_),
                 "WindowsCreateString");
  }

  HSTRING Get() const { return value_; }
  /** For out-parameters: releases the current string and returns its slot. */
  HSTRING* Put() {
    Reset();
    return &value_;
  }
  /** The characters, without a copy; valid while this object lives. */
  std::u16string_view View() const { return ViewOf(value_); }

  void Reset() {
    if (value_ != nullptr) WindowsDeleteString(value_);
    value_ = nullptr;
  }

  /** The characters of a borrowed HSTRING. */
  static std::u16string_view ViewOf(HSTRING value) {
    UINT32 length = 0;
    const wchar_t* raw = WindowsGetStringRawBuffer(value, &length);
    return {reinterpret_cast<const char16_t*>(raw), length};
  }

 private:
  HSTRING value_ = nullptr;
};

static_assert(sizeof(wchar_t) == sizeof(char16_t), "Windows wchar_t is UTF-16");

/**
 * A non-owning HSTRING over a string that outlives it (WindowsCreateStringReference): no
 * allocation, for class ids and arguments passed into calls.
 */
class HStringReference {
 public:
  explicit HStringReference(const wchar_t* text) {
    // A fast-pass string cannot fail for a valid, null-terminated literal.
    WindowsCreateStringReference(text, static_cast<UINT32>(wcslen(text)), &header_, &value_);
  }
  HStringReference(const HStringReference&) = delete;
  HStringReference& operator=(const HStringReference&) = delete;
  HSTRING Get() const { return value_; }

 private:
  HSTRING_HEADER header_{};
  HSTRING value_ = nullptr;
};

}  // namespace wmbb
