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

// One JSON value, with blanks around it; nullopt when valid.
std::optional<JsonSyntaxError> json_syntax_error(std::string_view text);

}  // namespace kflint
