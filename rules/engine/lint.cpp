#include "rules/engine/lint.h"

#include <algorithm>

#include "core/suppression.h"
#include "core/text_util.h"
#include "rules/engine/context.h"
#include "rules/engine/registry.h"

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

namespace {

const char* const kLegacyRunPolicyFields[] = {"cleanPodPolicy", "ttlSecondsAfterFinished", "backoffLimit", "activeDeadlineSeconds"};

Diagnostic engine_diagnostic(std::string_view rule_id, ByteRange range, std::string message, uint32_t doc) {
  Diagnostic d;
  const Rule* r = find_rule(rule_id);
  d.rule = &r->info;
  d.severity = r->info.severity;
  d.range = range;
  d.message = std::move(message);
  d.document = doc;
  return d;
}

bool rule_listed(const std::vector<std::string>& list, std::string_view id) {
  for (const std::string& item : list)
    if (item == "all" || iequals(item, id)) return true;
  return false;
}

// A syntax error is reported in every document of a file that holds Kubeflow jobs (kubectl
// refuses the whole apply when one document is broken, a ConfigMap beside the TFJob included);
// other YAML in the same folder, or any YAML file the editor opens, stays silent.
bool mentions_kubeflow(std::string_view text) {
  return text.find("kubeflow.org") != std::string_view::npos || text.find("TFJob") != std::string_view::npos ||
         text.find("MXJob") != std::string_view::npos || text.find("tensorflow.org") != std::string_view::npos;
}

bool file_mentions_kubeflow(const Document& doc) {
  const std::string_view own = doc.source().view().substr(doc.span().start, doc.span().end - doc.span().start);
  return mentions_kubeflow(own) || doc.source().mentions_kubeflow(mentions_kubeflow);
}

// yaml-cpp's words for a tab-indented line ("illegal map value") do not say why.
std::string tab_hint(const Document& doc) {
  const SourceText& s = doc.source();
  const std::string_view line = s.line_text(s.line_of(doc.syntax_error->offset));
  return !line.empty() && line[0] == '\t' ? " (tabs cannot indent YAML; use spaces)" : "";
}

// A TFJob or MXJob of another API group (KubeDL's training.kubedl.io has its own TFJob CRD) is
// not a Kubeflow job: it is skipped like any other resource. Kubeflow's own groups, the retired
// tensorflow.org and mlkube.io, and misspellings of kubeflow.org stay Kubeflow jobs (KF006).
std::string other_api_group(const ValueTree& v, NodeId root) {
  const std::string_view version = v.str(v.get(root, "apiVersion"));
  const size_t slash = version.find('/');
  if (slash == std::string_view::npos) return {};
  const std::string_view group = version.substr(0, slash);
  if (group.find('.') == std::string_view::npos) return {};
  for (const char* ours : {"kubeflow.org", "tensorflow.org", "mlkube.io"})
    if (group == ours || edit_distance(to_lower(group), ours) <= 2) return {};
  return std::string(group);
}

bool job_kind(const ValueTree& v, NodeId root, JobKind& kind) {
  const std::string_view k = v.str(v.get(root, "kind"));
  if (iequals(k, "TFJob")) return kind = JobKind::TFJob, true;
  if (iequals(k, "MXJob")) return kind = JobKind::MXJob, true;
  return false;
}

Layout layout_of(const ValueTree& v, const JobView& job, Target target) {
  if (target == Target::Legacy || target == Target::Cci) return Layout::Legacy;
  if (target == Target::Kubeflow) return Layout::RunPolicy;
  if (job.run_policy != kNoNode) return Layout::RunPolicy;
  for (const char* f : kLegacyRunPolicyFields)
    if (v.get(job.spec, f) != kNoNode) return Layout::Legacy;
  return Layout::RunPolicy;
}

void lint_job(const Document& doc, NodeId root, JobKind kind, const LintOptions& options, std::vector<Diagnostic>& out) {
  const ValueTree& v = doc.values;
  const JobView job = build_job_view(v, root, kind);
  const size_t first = out.size();
  RuleContext ctx(doc, job, options, options.target, layout_of(v, job, options.target), out);
  // An apiVersion that is not kubeflow.org/v1 has another (or unknown) spec layout: only the
  // version and the rules that do not depend on it (metadata: a set resourceVersion, fields the
  // server populates, names, labels) are reported.
  const std::string_view version = v.str(job.api_version);
  const bool other_layout = version == "kubeflow.org/v1alpha1" || (job.api_version != kNoNode && version.rfind("kubeflow.org/", 0) != 0);
  for (const Rule& rule : all_rules()) {
    if (!rule.check || rule_listed(options.ignored_rules, rule.info.id)) continue;
    if (other_layout && rule.info.id != "KF006" && rule.info.category != "metadata") continue;
    auto setting = options.rules.find(std::string(rule.info.id));
    if (setting != options.rules.end() && !setting->second.enabled) continue;
    ctx.set_rule(&rule);
    rule.check(ctx);
  }
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
  return engine_diagnostic("KF008", {start, std::max(start, end)},
                           "this line and everything after it are dropped: the document's top level is indented, and this line is "
                           "indented less, so kubectl sends only " + (keys.empty() ? std::string("the lines above") : keys),
                           doc.index());
}

struct ActiveSuppression {
  SuppressionComment comment;
  std::vector<std::string> ids;  // resolved; "all" kept as is
  ByteRange scope;
  bool used = false;
};

void expand_item(const std::string& item, std::vector<std::string>& ids, std::string& error) {
  if (item == "all") return ids.push_back("all");
  if (const size_t dash = item.find('-'); dash != std::string::npos && item.size() > 2 && (item[0] == 'K' || item[0] == 'k') &&
                                           find_rule(item) == nullptr) {
    const std::string lo = to_lower(item.substr(0, dash)), hi = to_lower(item.substr(dash + 1));
    bool any = false;
    for (const Rule& r : all_rules()) {
      const std::string id = to_lower(r.info.id);
      if (id >= lo && id <= hi) ids.emplace_back(r.info.id), any = true;
    }
    if (!any) error = "no rules in range `" + item + "`";
    return;
  }
  if (const Rule* r = find_rule(item)) {
    ids.emplace_back(r->info.id);
    return;
  }
  error = "unknown rule `" + item + "`";
}

// The byte range an own-line suppression covers: the next node (its whole entry and subtree).
ByteRange next_node_scope(const Document& doc, uint32_t after_line) {
  const SourceText& s = doc.source();
  const ValueTree& v = doc.values;
  uint32_t line = after_line + 1;
  for (; line < s.line_count() && s.line_start(line) < doc.span().end; ++line) {
    const std::string_view t = trim(s.line_text(line));
    if (!t.empty() && t[0] != '#') break;
  }
  if (line >= s.line_count()) return {doc.span().end, doc.span().end};
  const uint32_t begin = s.line_start(line);
  const uint32_t end_of_line = begin + static_cast<uint32_t>(s.line_text(line).size());
  NodeId best = kNoNode;
  for (NodeId id = 0; id < v.size(); ++id) {
    const Node& n = v.at(id);
    if (n.start < begin || n.start > end_of_line) continue;
    if (best == kNoNode || n.start < v.at(best).start ||
        (n.start == v.at(best).start && (n.kind == Kind::Map || n.kind == Kind::Seq) && v.at(best).kind != Kind::Map && v.at(best).kind != Kind::Seq))
      best = id;
  }
  if (best == kNoNode) return {begin, end_of_line};
  const Node& b = v.at(best);
  uint32_t end = doc.range(best).end;
  if (b.parent != kNoNode && v.at(b.parent).kind == Kind::Map) {
    const MapEntry& e = v.at(b.parent).entries[std::min<size_t>(b.index_in_parent, v.at(b.parent).entries.size() - 1)];
    if (e.key == best) end = std::max(end, doc.entry_range(e.value).end);
  }
  return {begin, std::max(end, end_of_line)};
}

void apply_suppressions(const Document& doc, const LintOptions& options, std::vector<Diagnostic>& diags, size_t first) {
  const std::string_view text = doc.source().view().substr(doc.span().start, doc.span().end - doc.span().start);
  if (text.find("kflint") == std::string_view::npos) return;
  const SourceText& s = doc.source();
  std::vector<ActiveSuppression> active;
  std::vector<Diagnostic> extra;
  // A document that could not be read was not linted: its suppressions are not "unused".
  const bool unread = doc.syntax_error || doc.limit_error;
  const uint32_t first_content = doc.empty() ? doc.span().end : doc.values.at(doc.values.root).start;
  for (const Comment& c : doc.comments()) {
    const std::string_view body = s.view().substr(c.range.start, c.range.end - c.range.start);
    if (!is_kflint_directive(body)) continue;
    ActiveSuppression a;
    a.comment = parse_suppression(body, c.range, c.own_line);
    std::string error = a.comment.error;
    for (const std::string& item : a.comment.items)
      if (error.empty()) expand_item(item, a.ids, error);
    if (!error.empty()) {
      extra.push_back(engine_diagnostic("KF004", c.range, "invalid suppression `" + std::string(trim(body)) + "`: " + error, doc.index()));
      continue;
    }
    const uint32_t line = s.line_of(c.range.start);
    if (!c.own_line) a.scope = {s.line_start(line), c.range.end};
    else if (c.range.start < first_content) a.scope = doc.span();
    else a.scope = next_node_scope(doc, line);
    active.push_back(std::move(a));
  }
  if (active.empty() && extra.empty()) return;
  auto suppressed = [&](const Diagnostic& d) {
    bool hit = false;
    for (ActiveSuppression& a : active) {
      if (d.range.start < a.scope.start || d.range.start > a.scope.end) continue;
      if (!rule_listed(a.ids, d.rule->id)) continue;
      a.used = true;
      hit = true;
    }
    return hit;
  };
  diags.erase(std::remove_if(diags.begin() + static_cast<std::ptrdiff_t>(first), diags.end(), suppressed), diags.end());
  for (const ActiveSuppression& a : active)
    if (!a.used && options.report_unused_suppressions && !unread) {
      Diagnostic d = engine_diagnostic("KF005", a.comment.range,
                                       "unused suppression: no finding of " + [&] {
                                         std::string ids;
                                         for (const std::string& id : a.ids) ids += (ids.empty() ? "" : ", ") + id;
                                         return ids;
                                       }() + " here",
                                       doc.index());
      Fix f{"Remove the unused suppression", Applicability::Safe, {}};
      ByteRange r = a.comment.range;
      if (a.comment.own_line) {
        const uint32_t line = s.line_of(r.start);
        r.start = s.line_start(line);
        r.end = line + 1 < s.line_count() ? s.line_start(line + 1) : static_cast<uint32_t>(s.size());
      } else {
        while (r.start > 0 && (s.bytes()[r.start - 1] == ' ' || s.bytes()[r.start - 1] == '\t')) --r.start;
      }
      f.edits.push_back({r, ""});
      d.fixes.push_back(std::move(f));
      extra.push_back(std::move(d));
    }
  diags.insert(diags.end(), extra.begin(), extra.end());
}

}  // namespace

LintResult lint_document(const Document& doc, const LintOptions& options) {
  LintResult result;
  auto& out = result.diagnostics;
  const ValueTree& v = doc.values;
  if (doc.syntax_error || doc.limit_error) {
    if (doc.limit_error)
      out.push_back(engine_diagnostic("KF003", {doc.limit_error->offset, doc.limit_error->offset}, doc.limit_error->message, doc.index()));
    else if (file_mentions_kubeflow(doc))
      out.push_back(engine_diagnostic("KF001", {doc.syntax_error->offset, doc.syntax_error->offset},
                                      "YAML syntax error: " + doc.syntax_error->message + tab_hint(doc), doc.index()));
    else
      result.skipped.push_back("document " + std::to_string(doc.index() + 1) + ": not YAML this tool reads, and not a Kubeflow job");
  } else if (doc.empty() || v.at(v.root).kind == Kind::Null || !v.is_map(v.root)) {
    if (!doc.empty() && v.at(v.root).kind != Kind::Null) result.skipped.push_back("document " + std::to_string(doc.index() + 1) + ": not a map");
  } else {
    JobKind kind;
    const std::string_view k = v.str(v.get(v.root, "kind"));
    const NodeId items = v.get(v.root, "items");
    const bool list = k == "List" || k == "TFJobList" || k == "MXJobList";
    if (k.empty() && v.get(v.root, "kind") == kNoNode && v.is_seq(items)) {
      // A `kubectl get -o yaml` dump with its `kind` line lost: kubectl refuses the whole file.
      for (NodeId item : v.at(items).items)
        if (v.is_map(item) && job_kind(v, item, kind)) {
          Diagnostic& d = out.emplace_back(engine_diagnostic("KF006", doc.key_range(items),
                                                             "this document has `items` but no `kind`: kubectl refuses it (`Object 'Kind' is missing`); "
                                                             "add `kind: List`",
                                                             doc.index()));
          if (doc.source().bytes()[v.at(v.root).start] != '{')  // block style: a line of its own
            d.fixes.push_back({"Add `kind: List`", Applicability::Safe, {{{doc.key_range(items).start, doc.key_range(items).start}, "kind: List\n"}}});
          break;
        }
    }
    if ((list || k.empty()) && v.is_seq(items)) {
      for (NodeId item : v.at(items).items) {
        if (v.is_map(item) && other_api_group(v, item).empty() && job_kind(v, item, kind)) {
          lint_job(doc, item, kind, options, out);
          ++result.jobs;
        }
      }
    } else if (const std::string group = other_api_group(v, v.root); !group.empty() && job_kind(v, v.root, kind)) {
      result.skipped.push_back("document " + std::to_string(doc.index() + 1) + ": " + std::string(k) + " of API group " + group +
                               " is not a Kubeflow job (only kubeflow.org is linted)");
    } else if (job_kind(v, v.root, kind)) {
      lint_job(doc, v.root, kind, options, out);
      ++result.jobs;
    } else {
      result.skipped.push_back("document " + std::to_string(doc.index() + 1) + ": kind " +
                               (k.empty() ? std::string("(none)") : std::string(k)) + " is not a Kubeflow TFJob or MXJob");
    }
  }
  if (doc.dropped_from && file_mentions_kubeflow(doc)) out.push_back(truncation_warning(doc));
  apply_suppressions(doc, options, out, 0);
  // Configuration: disabled rules (engine-emitted ones included) and severity overrides.
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
  return result;
}

LintResult lint(const std::vector<Document>& documents, const LintOptions& options) {
  // Documents are independent and in stream order, so concatenating keeps the order sorted.
  LintResult result;
  for (const Document& doc : documents) {
    LintResult one = lint_document(doc, options);
    result.diagnostics.insert(result.diagnostics.end(), std::make_move_iterator(one.diagnostics.begin()),
                              std::make_move_iterator(one.diagnostics.end()));
    result.skipped.insert(result.skipped.end(), one.skipped.begin(), one.skipped.end());
    result.jobs += one.jobs;
  }
  return result;
}

}  // namespace kflint
