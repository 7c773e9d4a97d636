#pragma once
// Linting one parsed document: the rules, object ignores, suppressions and configuration.

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
  std::vector<std::string> skipped;  // why the document holds no job: "kind Deployment is not a Kubeflow job" (--verbose)
  uint32_t jobs = 0;
};

// One document of a stream: its findings (sorted, suppressed, configured) and its jobs. The
// pipeline (rules/engine/pipeline.h) calls it for each document that changed.
LintResult lint_document(const Document& document, const LintOptions& options);

}  // namespace kflint
