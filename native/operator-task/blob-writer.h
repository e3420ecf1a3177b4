// The JSON writer for the task's blob (docs/native.md, "The operator task component"): one flat
// object of numbers, strings, one nested object and one array of strings, written as UTF-16
// because it travels in a BSTR. Its own small writer rather than a library: the DLL links
// nothing but Windows, and the escaping rule is the whole point (strings from the modem or the
// network reach JSON.parse on the Node side, so the text must stay valid JSON whatever they hold).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace wmbb {

/**
 * Appends `text` as a JSON string literal, quotes included: `"` and `\` escaped, characters below
 * 0x20 as \uXXXX, and a surrogate without its partner as \uXXXX, so that the result is valid
 * UTF-16 JSON whatever `text` holds. Well-formed surrogate pairs are copied as they are.
 */
void AppendJsonString(std::u16string& out, std::u16string_view text);

/** Writes one JSON object, member by member, in the order of the calls. */
class JsonObjectWriter {
 public:
  void Number(std::string_view key, int64_t value);
  void String(std::string_view key, std::u16string_view value);
  void Object(std::string_view key, const JsonObjectWriter& inner);
  void Strings(std::string_view key, const std::vector<std::u16string>& values);
  /** The object's text, `{…}`. */
  std::u16string Text() const;

 private:
  void Key(std::string_view key);
  std::u16string members_;
};

/** Hex digits, upper case, two a byte ("0791…"). */
std::u16string UpperHex(const uint8_t* bytes, size_t size);

}  // namespace wmbb
