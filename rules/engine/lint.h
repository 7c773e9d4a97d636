#pragma once
// lint(): the one entry point both faces call. Documents in, sorted and suppressed diagnostics out.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/document.h"

namespace kflint {

enum class Target { Auto, Kubeflow, Legacy, Cci };
const char* target_name(Target t);
bool parse_target(std::string_view text, Target& out);

// Where the run-policy fields of a job live.
enum class Layout { RunPolicy, Legacy };

struct RuleSetting {
  bool enabled = true;
  std::optional<Severity> severity;
  std::map<std::string, std::string> options;
};

struct ObjectIgnore {
  std::string kind;       // "" = any
  std::string name_glob;  // "" = any
  std::vector<std::string> rules;  // resolved rule ids; empty = all
};

struct LintOptions {
  Target target = Target::Auto;
  std::map<std::string, RuleSetting> rules;  // by rule id
  std::vector<std::string> ignored_rules;    // for this file (config path ignores); "all" allowed
  std::vector<ObjectIgnore> object_ignores;
  bool report_unused_suppressions = true;
};

struct LintResult {
  std::vector<Diagnostic> diagnostics;
  std::vector<std::string> skipped;  // "document 2: kind Deployment is not a Kubeflow job" (--verbose)
  uint32_t jobs = 0;
};

LintResult lint(const std::vector<Document>& documents, const LintOptions& options);
// One document of a stream (the language server re-lints only the documents an edit touched).
LintResult lint_document(const Document& document, const LintOptions& options);

}  // namespace kflint
