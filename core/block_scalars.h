#pragma once
// Scalar texts for the fast block-YAML reader (core/block_yaml.cpp): one-line quoted scalars and
// the body of a literal block scalar, decoded exactly as yaml-cpp decodes them, or nullopt for
// every case the reader leaves to yaml-cpp.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kflint {

struct QuotedText {
  std::string text;  // after unescaping
  size_t end;        // one past the closing quote
};

// A double-quoted scalar starting at `at` (the quote) and closing on the same line, with the
// common escapes; nullopt for multi-line scalars and \x, \u, \U, \N, \_, \L, \P.
std::optional<QuotedText> read_double_quoted(std::string_view s, size_t at);
// A single-quoted scalar on one line (`''` is a quote).
std::optional<QuotedText> read_single_quoted(std::string_view s, size_t at);

struct LiteralBody {
  std::string text;         // after chomping
  size_t last_content_end;  // end of the last non-empty line: where tree-sitter ends the node
  size_t next_line;         // start of the first line after the scalar
};

// The lines of a literal block scalar from `first_line` (the line after its `|` indicator) with
// chomping `chomp` ('-' strip, '+' keep, ' ' clip), for a node owned by a collection at indent
// `owner`. Only the common form: the first non-empty line sets the indentation (more than
// `owner`, not 0), no line of only spaces, a final line break; nullopt otherwise.
std::optional<LiteralBody> read_literal_body(std::string_view s, size_t first_line, char chomp, int64_t owner);

}  // namespace kflint
