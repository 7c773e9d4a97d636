#pragma once
// Inline suppression comments: `# kflint: disable=KF301,requests-exceed-limits KF302-KF305 all`,
// optionally followed by ` -- reason`. Parsing only; the engine decides scopes and use.

#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"

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

}  // namespace kflint
