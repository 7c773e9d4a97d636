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

// Where a rule's documentation is published (`kflint rules KF301` shows the same text offline).
inline constexpr std::string_view kDocsBaseUrl = "https://kflint.dev/rules/";

}  // namespace kflint
