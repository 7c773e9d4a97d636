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
  std::vector<std::string> notes;    // which embedded jobs were linted, and how (--verbose)
  uint32_t jobs = 0;
  uint32_t embedded = 0;   // of `jobs`: written inside a Katib Experiment or an Argo manifest
  uint32_t unread = 0;     // 1: the document is not YAML kflint reads, and left silent (it never mentions Kubeflow)
  bool file_scan = false;  // the verdict used the whole file's text (does it mention Kubeflow?)
};

// "line N" for `offset` in a note or a skip reason, written as a mark relative to the document:
// the pipeline writes the line where the document is when it reports it (a document reused after
// an edit above it has moved; its notes must move with it).
std::string line_mark(const Document& doc, uint32_t offset);
// `text` with its line marks written as "line N", for a document now starting at `span_start`.
std::string render_line_marks(std::string text, const SourceText& source, uint32_t span_start);

// Whether a whole text mentions Kubeflow (then a syntax error in any of its documents is reported);
// cached in the SourceText.
bool text_mentions_kubeflow(const SourceText& text);

// One document of a stream: its findings (sorted, suppressed, configured) and its jobs. The
// pipeline (rules/engine/pipeline.h) calls it for each document that changed.
LintResult lint_document(const Document& document, const LintOptions& options);

// The configuration's part of a document's findings: rules switched off (for the file, by path),
// severity overrides; then sorted by position and without repeats.
void apply_configuration(const LintOptions& options, std::vector<Diagnostic>& out);

// A document read from a string of another document (an Argo resource template's `manifest`),
// its `{{...}}` placeholders masked before parsing (argo_manifests.h): its jobs are embedded, and
// scalars that overlap `masked` are unknown.
struct ManifestText {
  std::vector<ByteRange> masked;
};
LintResult lint_document(const Document& document, const LintOptions& options, const ManifestText* manifest);

}  // namespace kflint
