#pragma once
// Strict JSON (RFC 8259), as Go's encoding/json decoder reads it: kubectl reads a stream whose
// first non-blank byte is `{` with that decoder, so YAML-only syntax there (comments, single
// quotes, anchors, bare words, trailing commas) is refused, though YAML would read it.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kflint {

struct JsonSyntaxError {
  uint32_t offset;      // relative to the text
  std::string message;  // in Go's words: "invalid character '#' looking for beginning of object key string"
};

// The value of the 4 hex digits at `at` (a \u escape's), or -1.
int hex4(std::string_view s, size_t at);

// One JSON value, with blanks around it; nullopt when valid.
std::optional<JsonSyntaxError> json_syntax_error(std::string_view text);

// Valid JSON that yaml-cpp refuses, made readable with the same length (so every offset after a
// string holds): a surrogate pair `\ud83d\ude00` becomes `\U0001F600` and the two bytes saved
// become blanks after the string's closing quote; a lone surrogate becomes `\ufffd`, the
// replacement character Go's decoder reads it as. Tabs outside strings (JSON whitespace, which
// YAML does not allow where a line starts) become spaces.
void json_escapes_for_yaml_cpp(std::string& text);

}  // namespace kflint
