#include "blob-writer.h"

namespace wmbb {
namespace {

constexpr char16_t kHexDigits[] = u"0123456789ABCDEF";

void AppendEscape(std::u16string& out, char16_t unit) {
  out += u"\\u";
  for (int shift = 12; shift >= 0; shift -= 4) out.push_back(kHexDigits[(unit >> shift) & 0xF]);
}

bool IsHighSurrogate(char16_t unit) { return unit >= 0xD800 && unit <= 0xDBFF; }
bool IsLowSurrogate(char16_t unit) { return unit >= 0xDC00 && unit <= 0xDFFF; }

void AppendAscii(std::u16string& out, std::string_view text) {
  for (char c : text) out.push_back(static_cast<char16_t>(static_cast<unsigned char>(c)));
}

}  // namespace

void AppendJsonString(std::u16string& out, std::u16string_view text) {
  out.push_back(u'"');
  for (size_t i = 0; i < text.size(); ++i) {
    const char16_t unit = text[i];
    if (unit == u'"' || unit == u'\\') {
      out.push_back(u'\\');
      out.push_back(unit);
    } else if (unit < 0x20) {
      AppendEscape(out, unit);
    } else if (IsHighSurrogate(unit) && i + 1 < text.size() && IsLowSurrogate(text[i + 1])) {
      out.push_back(unit);
      out.push_back(text[++i]);
    } else if (IsHighSurrogate(unit) || IsLowSurrogate(unit)) {
      // Alone: as an escape, JSON.parse gives the same lone unit back and the text stays valid.
      AppendEscape(out, unit);
    } else {
      out.push_back(unit);
    }
  }
  out.push_back(u'"');
}

void JsonObjectWriter::Key(std::string_view key) {
  if (!members_.empty()) members_.push_back(u',');
  members_.push_back(u'"');
  AppendAscii(members_, key);  // keys are the writer's own ASCII names, never data
  members_ += u"\":";
}

void JsonObjectWriter::Number(std::string_view key, int64_t value) {
  Key(key);
  AppendAscii(members_, std::to_string(value));
}

void JsonObjectWriter::String(std::string_view key, std::u16string_view value) {
  Key(key);
  AppendJsonString(members_, value);
}

void JsonObjectWriter::Object(std::string_view key, const JsonObjectWriter& inner) {
  Key(key);
  members_ += inner.Text();
}

void JsonObjectWriter::Strings(std::string_view key, const std::vector<std::u16string>& values) {
  Key(key);
  members_.push_back(u'[');
  for (size_t i = 0; i < values.size(); ++i) {
    if (i > 0) members_.push_back(u',');
    AppendJsonString(members_, values[i]);
  }
  members_.push_back(u']');
}

std::u16string JsonObjectWriter::Text() const { return u"{" + members_ + u"}"; }

std::u16string UpperHex(const uint8_t* bytes, size_t size) {
  std::u16string hex;
  hex.reserve(size * 2);
  for (size_t i = 0; i < size; ++i) {
    hex.push_back(kHexDigits[bytes[i] >> 4]);
    hex.push_back(kHexDigits[bytes[i] & 0xF]);
  }
  return hex;
}

}  // namespace wmbb
