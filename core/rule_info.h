#pragma once
// Static metadata of a rule, shared by every face (text, SARIF rules, LSP codeDescription).

#include <string_view>

#include "core/diagnostic.h"

namespace kflint {

struct RuleInfo {
  std::string_view id;        // "KF301"
  std::string_view slug;      // "requests-exceed-limits"
  std::string_view category;  // "resources"
  Severity severity;          // default severity
  std::string_view summary;   // one line
  std::string_view doc;       // Markdown: Why / Bad / Good / Fix
};



}  // namespace kflint
