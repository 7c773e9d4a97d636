#pragma once
// What kubectl (go-yaml and the apimachinery YAML reader) refuses and yaml-cpp would read:
// checked on the bytes of one YAML document, before or after yaml-cpp reads it.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/document.h"

namespace kflint {

struct Refusal {
  uint32_t offset;  // relative to the document's text
  std::string message;
};

// Before parsing: characters YAML does not allow (go-yaml: "control characters are not
// allowed"), and a line that starts with `---` but is not a plain document marker (kubectl's
// reader: "invalid Yaml document separator", for `--- !tag`, `--- {a: 1}`, `----`).
// In a JSON stream (`json`), only the characters: its line breaks and markers mean nothing there.
std::optional<Refusal> refused_before_parsing(std::string_view text, bool json = false);
// The nesting limit on the bytes (yaml-cpp's scanner looks ahead over whole runs of brackets).
std::optional<uint32_t> flow_too_deep(std::string_view text, uint32_t max_depth);
// After yaml-cpp: a plain key of a block mapping with no `:` on its line (absolute offset).
std::optional<uint32_t> key_without_colon(const Document& doc);
// After yaml-cpp: a tab among the blanks that begin a line with no token (absolute offset).
std::optional<uint32_t> tab_on_blank_line(const Document& doc);
// After yaml-cpp: a line that continues a top-level block sequence but is not an item (absolute).
std::optional<uint32_t> sequence_root_continued(const Document& doc);
// After yaml-cpp: a quoted scalar never closed (absolute offset of its quote).
std::optional<uint32_t> unterminated_quote(const Document& doc);
// After yaml-cpp: text after a JSON-style document's closing bracket (relative offset).
std::optional<uint32_t> content_after_flow_root(std::string_view text);
// When the document's top level is indented (a block collection starting at column c > 0): the
// first content line indented less than c, which go-yaml silently drops with everything after it
// (relative offset).
std::optional<uint32_t> dropped_after_indented_root(std::string_view text);
// The text with each lone CR made a LF (the same length).
std::string lone_cr_as_lf(std::string_view text);
// A document separator line to kubectl's reader: `---`, then only white space (Go's
// unicode.IsSpace) or a comment.
bool is_separator_line(std::string_view line);

}  // namespace kflint
