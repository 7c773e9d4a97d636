#include "rules/engine/lint.h"

#include <algorithm>

#include "core/fix_apply.h"
#include "core/text_util.h"
#include "rules/engine/argo_manifests.h"
#include "rules/engine/context.h"
#include "rules/engine/engine_rules.h"
#include "rules/engine/jobs_in.h"
#include "rules/engine/merge_patch.h"
#include "rules/engine/placeholders.h"
#include "rules/engine/suppressions.h"

namespace kflint {

const char* target_name(Target t) {
  switch (t) {
    case Target::Auto: return "auto";
    case Target::Kubeflow: return "kubeflow";
    case Target::Legacy: return "legacy";
    case Target::Cci: return "cci";
  }
  return "auto";
}

bool parse_target(std::string_view text, Target& out) {
  for (Target t : {Target::Auto, Target::Kubeflow, Target::Legacy, Target::Cci})
    if (text == target_name(t)) return out = t, true;
  return false;
}

const char* operation_name(Operation o) {
  switch (o) {
    case Operation::Apply: return "apply";
    case Operation::Create: return "create";
    case Operation::Replace: return "replace";
    case Operation::Patch: return "patch";
  }
  return "apply";
}

bool parse_operation(std::string_view text, Operation& out) {
  for (Operation o : {Operation::Apply, Operation::Create, Operation::Replace, Operation::Patch})
    if (text == operation_name(o)) return out = o, true;
  return false;
}

namespace {

const char* const kLegacyRunPolicyFields[] = {"cleanPodPolicy", "ttlSecondsAfterFinished", "backoffLimit", "activeDeadlineSeconds"};

// A syntax error is reported in every document of a file that holds Kubeflow jobs (kubectl
// refuses the whole apply when one document is broken, a ConfigMap beside the TFJob included);
// other YAML in the same folder, or any YAML file the editor opens, stays silent.
bool mentions_kubeflow(std::string_view text) {
  return text.find("kubeflow.org") != std::string_view::npos || text.find("TFJob") != std::string_view::npos ||
         text.find("MXJob") != std::string_view::npos || text.find("tensorflow.org") != std::string_view::npos;
}

}  // namespace

std::string line_mark(const Document& doc, uint32_t offset) {
  return "line \x1F" + std::to_string(offset - doc.span().start) + "\x1F";
}

std::string render_line_marks(std::string text, const SourceText& source, uint32_t span_start) {
  for (size_t at = text.find('\x1F'); at != std::string::npos; at = text.find('\x1F', at)) {
    const size_t end = text.find('\x1F', at + 1);
    if (end == std::string::npos) break;
    const uint32_t offset = span_start + static_cast<uint32_t>(std::stoul(text.substr(at + 1, end - at - 1)));
    const std::string line = std::to_string(source.line_of(offset) + 1);
    text.replace(at, end + 1 - at, line);
    at += line.size();
  }
  return text;
}

bool text_mentions_kubeflow(const SourceText& text) { return text.mentions_kubeflow(mentions_kubeflow); }

namespace {

// `file_scan` is set when the answer came from the whole file's text (not the document's own):
// the result then depends on bytes outside the document.
bool file_mentions_kubeflow(const Document& doc, bool& file_scan) {
  const std::string_view own = doc.source().view().substr(doc.span().start, doc.span().end - doc.span().start);
  if (mentions_kubeflow(own)) return true;
  file_scan = true;
  return doc.source().mentions_kubeflow(mentions_kubeflow);
}

// yaml-cpp's words for a tab-indented line ("illegal map value") do not say why.
std::string tab_hint(const Document& doc) {
  const SourceText& s = doc.source();
  const std::string_view line = s.line_text(s.line_of(doc.syntax_error->offset));
  return !line.empty() && line[0] == '\t' ? " (tabs cannot indent YAML; use spaces)" : "";
}

Layout layout_of(const ValueTree& v, const JobView& job, Target target) {
  if (target == Target::Legacy || target == Target::Cci) return Layout::Legacy;
  if (target == Target::Kubeflow) return Layout::RunPolicy;
  if (job.run_policy != kNoNode) return Layout::RunPolicy;
  for (const char* f : kLegacyRunPolicyFields)
    if (v.get(job.spec, f) != kNoNode) return Layout::Legacy;
  return Layout::RunPolicy;
}

// `v` is the document's tree, or for a merge patch the tree without the entries it deletes.
// `masked`: the `{{...}}` ranges of an Argo manifest's text (placeholders.h).
void lint_job(const Document& doc, const ValueTree& v, const JobRef& ref, const LintOptions& options, const std::vector<ByteRange>& masked,
              std::vector<Diagnostic>& out) {
  JobView job = build_job_view(v, ref.root, ref.kind);
  job.embedding = ref.embedding;
  const size_t first = out.size();
  RuleContext ctx(doc, v, job, options, options.target, layout_of(v, job, options.target), out);
  std::vector<ByteRange> unknown = placeholder_ranges(doc, v, job, masked);
  ctx.set_placeholders(unknown);
  const bool patch = options.operation == Operation::Patch;
  // An apiVersion that is not kubeflow.org/v1 has another (or unknown) spec layout: only the
  // version and the rules that do not depend on it (metadata: a set resourceVersion, fields the
  // server populates, names, labels) are reported.
  const std::string_view version = v.str(job.api_version);
  const bool other_layout = version == "kubeflow.org/v1alpha1" || (job.api_version != kNoNode && version.rfind("kubeflow.org/", 0) != 0);
  for (const Rule& rule : all_rules()) {
    if (!rule.check || rule_listed(options.ignored_rules, rule.info.id) || (patch && !rule.on_merge_patches)) continue;
    if (other_layout && &rule.info != &engine_rules::api_version() && rule.info.category != "metadata") continue;
    auto setting = options.rules.find(std::string(rule.info.id));
    if (setting != options.rules.end() && !setting->second.enabled) continue;
    ctx.set_rule(&rule);
    rule.check(ctx);
  }
  drop_findings_on_placeholders(unknown, out, first);
  // Object-level ignores: the job's own annotation, then the configuration's kind/name ignores.
  std::vector<std::string> ignored;
  const NodeId annotations = v.get(job.metadata, "annotations");
  for (const std::string& item : split(v.str(v.get(annotations, "kflint.io/ignore")), ',')) {
    const std::string_view t = trim(item);
    if (t.empty()) continue;
    const Rule* r = find_rule(t);
    ignored.push_back(t == "all" ? "all" : r ? std::string(r->info.id) : std::string(t));
  }
  const std::string_view name = v.str(job.name);
  for (const ObjectIgnore& oi : options.object_ignores) {
    if (!oi.kind.empty() && !iequals(oi.kind, job.kind_name())) continue;
    if (!oi.name_glob.empty() && !glob_match(oi.name_glob, name)) continue;
    if (oi.rules.empty()) ignored.push_back("all");
    ignored.insert(ignored.end(), oi.rules.begin(), oi.rules.end());
  }
  if (ignored.empty()) return;
  out.erase(std::remove_if(out.begin() + static_cast<std::ptrdiff_t>(first), out.end(),
                           [&](const Diagnostic& d) { return rule_listed(ignored, d.rule->id); }),
            out.end());
}

// KF008: where the silently dropped part of an indented document starts, and what kubectl sends.
Diagnostic truncation_warning(const Document& doc) {
  const SourceText& s = doc.source();
  const uint32_t at = *doc.dropped_from;
  const std::string_view line = s.line_text(s.line_of(at));
  const uint32_t start = static_cast<uint32_t>(line.data() - s.bytes().data()) + static_cast<uint32_t>(line.find_first_not_of(' '));
  const uint32_t end = static_cast<uint32_t>(line.data() - s.bytes().data() + line.size());
  std::string keys;
  const ValueTree& v = doc.values;
  if (v.is_map(v.root))
    for (const MapEntry& e : v.at(v.root).entries) keys += (keys.empty() ? "`" : ", `") + v.at(e.key).text + "`";
  if (doc.dropped_after_flow_root)
    return engine_diagnostic(engine_rules::truncated_document(), {start, std::max(start, end)},
                             "this line and everything after it up to the next `---` are dropped: the document is the collection "
                             "in brackets above, and kubectl reads nothing after it; start a new document with `---`",
                             doc.index());
  if (doc.after_end_marker)
    return engine_diagnostic(engine_rules::truncated_document(), {start, std::max(start, end)},
                             "this line and everything after it up to the next `---` are dropped: they follow a `...` line, and kubectl "
                             "reads only the document before it; start a new document with `---`",
                             doc.index());
  return engine_diagnostic(engine_rules::truncated_document(), {start, std::max(start, end)},
                           "this line and everything after it are dropped: the document's top level is indented, and this line is "
                           "indented less, so kubectl sends only " + (keys.empty() ? std::string("the lines above") : keys),
                           doc.index());
}

}  // namespace

LintResult lint_document(const Document& doc, const LintOptions& options) { return lint_document(doc, options, nullptr); }

LintResult lint_document(const Document& doc, const LintOptions& options, const ManifestText* manifest) {
  static const std::vector<ByteRange> none;
  const std::vector<ByteRange>& masked = manifest ? manifest->masked : none;
  LintResult result;
  auto& out = result.diagnostics;
  const ValueTree& v = doc.values;
  // A file named as a merge patch is one, whatever its text mentions: unreadable, it is an error
  // (a manifest that never mentions Kubeflow may be any YAML, and stays silent).
  const bool patch = options.operation == Operation::Patch;
  if (doc.limit_error) {
    out.push_back(engine_diagnostic(engine_rules::parse_limit(), {doc.limit_error->offset, doc.limit_error->offset}, doc.limit_error->message,
                                    doc.index()));
  } else if (doc.syntax_error && (patch || file_mentions_kubeflow(doc, result.file_scan))) {
    out.push_back(engine_diagnostic(engine_rules::syntax_error(), {doc.syntax_error->offset, doc.syntax_error->offset},
                                    "YAML syntax error: " + doc.syntax_error->message + tab_hint(doc), doc.index()));
  } else if (!doc.empty() && v.at(v.root).kind != Kind::Null && !v.is_map(v.root) && (patch || file_mentions_kubeflow(doc, result.file_scan))) {
    // kubectl decodes every document into an object: a list or a scalar refuses the whole file.
    const Kind kind = v.at(v.root).kind;
    const char* what = kind == Kind::Seq ? "array" : kind == Kind::String ? "string" : kind == Kind::Bool ? "bool" : "number";
    out.push_back(engine_diagnostic(engine_rules::syntax_error(), {v.at(v.root).start, v.at(v.root).start},
                                    std::string("this document is a ") + (kind == Kind::Seq ? "list" : "scalar") + ", not an object: " +
                                        (patch ? "a JSON merge patch of a job must be an object; kubectl patch refuses it"
                                               : "kubectl refuses the file") +
                                        " (`json: cannot unmarshal " + what + " into Go value of type map[string]interface {}`)",
                                    doc.index()));
  } else {
    const JobsIn found = jobs_in(doc, options.operation);
    if (found.items_without_kind != kNoNode) {
      // A `kubectl get -o yaml` dump with its `kind` line lost: kubectl refuses the whole file.
      const ByteRange items = doc.key_range(found.items_without_kind);
      Diagnostic& d = out.emplace_back(engine_diagnostic(engine_rules::api_version(), items,
                                                         "this document has `items` but no `kind`: kubectl refuses it (`Object 'Kind' is missing`); "
                                                         "add `kind: List`",
                                                         doc.index()));
      if (doc.source().bytes()[v.at(v.root).start] != '{')  // block style: a line of its own
        d.fixes.push_back({"Add `kind: List`", Applicability::Safe, {{{items.start, items.start}, "kind: List\n"}}});
    }
    if (options.operation == Operation::Patch && !found.jobs.empty()) {
      // A merge patch's `null` deletes the field: the rules judge what the patch leaves.
      ValueTree kept = v;
      JobRef job = found.jobs.front();
      remove_merge_patch_deletions(kept, job.root);
      // A patch without `kind` is for the kind of the object it patches, when that is known.
      if (options.patch_target && v.get(job.root, "kind") == kNoNode) job_kind_from_name(options.patch_target->kind, job.kind);
      lint_job(doc, kept, job, options, masked, out);
    } else {
      for (JobRef job : found.jobs) {
        if (manifest && job.embedding == Embedding::None) job.embedding = Embedding::ArgoManifest;  // a Katib trial stays one
        lint_job(doc, v, job, options, masked, out);
      }
    }
    result.jobs = static_cast<uint32_t>(found.jobs.size());
    for (const JobRef& job : found.jobs) {
      result.embedded += job.embedding != Embedding::None || manifest;
      if (job.embedding != Embedding::KatibTrial) continue;
      NodeId experiment = job.root;  // trialSpec <- trialTemplate <- spec <- the Experiment
      for (int up = 0; up < 3 && experiment != kNoNode; ++up) experiment = v.at(experiment).parent;
      result.notes.push_back("linted the " + std::string(v.str(v.get(job.root, "kind"))) + " trial template of Katib Experiment `" +
                               std::string(v.str(v.get(v.get(experiment, "metadata"), "name"))) + "` (" +
                               line_mark(doc, v.at(job.root).start) + ")");
    }
    if (!manifest && options.operation != Operation::Patch) lint_argo_manifests(doc, options, result);
    if (!found.skipped.empty() && result.jobs == 0) result.skipped.push_back(found.skipped);
    // Never "no problems" over text that was not read: the summary counts it.
    result.unread = doc.syntax_error || doc.limit_error;
  }
  if (doc.dropped_from && file_mentions_kubeflow(doc, result.file_scan)) out.push_back(truncation_warning(doc));
  use_line_breaks_of(doc.source(), out);
  apply_suppressions(doc, options, out);
  apply_configuration(options, out);
  return result;
}

void apply_configuration(const LintOptions& options, std::vector<Diagnostic>& out) {
  // Disabled rules (engine-emitted ones included) and severity overrides.
  out.erase(std::remove_if(out.begin(), out.end(),
                           [&](const Diagnostic& d) {
                             auto it = options.rules.find(std::string(d.rule->id));
                             return (it != options.rules.end() && !it->second.enabled) || rule_listed(options.ignored_rules, d.rule->id);
                           }),
            out.end());
  for (Diagnostic& d : out) {
    auto it = options.rules.find(std::string(d.rule->id));
    if (it != options.rules.end() && it->second.severity) d.severity = *it->second.severity;
  }
  std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.range.start != b.range.start) return a.range.start < b.range.start;
    return a.rule->id < b.rule->id;
  });
  out.erase(std::unique(out.begin(), out.end(),
                        [](const Diagnostic& a, const Diagnostic& b) {
                          return a.rule == b.rule && a.range.start == b.range.start && a.range.end == b.range.end && a.message == b.message;
                        }),
            out.end());
}

}  // namespace kflint
