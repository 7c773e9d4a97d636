#pragma once
// Inline suppression comments: `# kflint: disable=KF301,requests-exceed-limits KF302-KF305 all`,
// optionally followed by ` -- reason`. Reading them, and writing them (the editor's "disable"
// actions), side by side so that what is written is what is read; the engine decides scopes and
// use (rules/engine/suppressions.h).

#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/source_text.h"

namespace kflint {

struct SuppressionComment {
  ByteRange range;                 // the comment
  bool own_line = false;
  std::vector<std::string> items;  // ids, slugs, ranges "KF301-KF305", or "all"
  std::string error;               // non-empty when malformed
};

// True when a comment's text (starting at '#') is a kflint directive, well-formed or not.
bool is_kflint_directive(std::string_view comment);
SuppressionComment parse_suppression(std::string_view comment, ByteRange range, bool own_line);

struct TextEdit;
// Suppresses `id` on the line holding `offset`: appended to the line's directive, else a comment
// at the end of a line that has none, else a comment line above it (which covers the next node).
// `above` asks for the line above: the line ends inside a scalar that goes on (a multi-line
// quoted string, or a block scalar holding an Argo manifest), where an appended `#` is text.
TextEdit disable_on_line(const SourceText& text, uint32_t offset, std::string_view id, bool above = false);
// Suppresses `id` in the whole YAML document `span`: a directive line before its first content.
TextEdit disable_in_document(const SourceText& text, ByteRange span, std::string_view id);

}  // namespace kflint
