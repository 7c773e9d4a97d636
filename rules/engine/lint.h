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

// What the file is for: the API operation its content is sent with (`--operation`). Apply is
// `kubectl apply` (the default); create is `kubectl create` / POST; replace is `kubectl replace` /
// PUT (a changed `kubectl get` result); patch is a JSON merge patch (RFC 7386) / PATCH.
enum class Operation { Apply, Create, Replace, Patch };
const char* operation_name(Operation o);
bool parse_operation(std::string_view text, Operation& out);

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

// The object a merge patch applies to (--patch-base): what the patch may not change.
struct PatchTarget {
  std::string api_version, kind, name, namespace_;
};

struct LintOptions {
  Target target = Target::Auto;
  std::map<std::string, RuleSetting> rules;  // by rule id
  std::vector<std::string> ignored_rules;    // for this file (config path ignores); "all" allowed
  std::vector<ObjectIgnore> object_ignores;
  bool report_unused_suppressions = true;
  Operation operation = Operation::Apply;
  std::optional<PatchTarget> patch_target;  // with Operation::Patch and a base
  bool merged_patch = false;  // linting a patch applied to its base: the object stored, not a request body
};

struct LintResult {
  std::vector<Diagnostic> diagnostics;
  std::vector<std::string> skipped;  // why the document holds no job: "kind Deployment is not a Kubeflow job" (--verbose)
  uint32_t jobs = 0;
  bool file_scan = false;  // the verdict used the whole file's text (does it mention Kubeflow?)
};

// Whether a whole text mentions Kubeflow (then a syntax error in any of its documents is reported);
// cached in the SourceText.
bool text_mentions_kubeflow(const SourceText& text);

// One document of a stream: its findings (sorted, suppressed, configured) and its jobs. The
// pipeline (rules/engine/pipeline.h) calls it for each document that changed.
LintResult lint_document(const Document& document, const LintOptions& options);

}  // namespace kflint
