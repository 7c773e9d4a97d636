#include "rules/engine/argo_manifests.h"

#include <algorithm>

#include "core/text_util.h"
#include "rules/engine/engine_rules.h"
#include "rules/engine/jobs_in.h"

namespace kflint {
namespace {

uint32_t leading_spaces(std::string_view line) {
  const size_t n = line.find_first_not_of(' ');
  return static_cast<uint32_t>(n == std::string_view::npos ? line.size() : n);
}

bool blank(std::string_view line) { return line.find_first_not_of(' ') == std::string_view::npos; }

std::string without_final_breaks(std::string s) {
  while (!s.empty() && s.back() == '\n') s.pop_back();
  return s;
}

// The content of literal block lines (each without its line break), YAML's way: the header's
// indentation indicator (`|2`: `explicit_indent` columns) or else the first non-blank line sets
// the indentation; nullopt when a non-blank line is indented less.
std::optional<std::string> decode_literal_lines(const std::vector<std::string_view>& lines, uint32_t& indent, uint32_t explicit_indent = 0) {
  indent = explicit_indent;
  for (std::string_view line : lines)
    if (!blank(line) && indent == 0) {
      indent = leading_spaces(line);
      break;
    }
  if (indent == 0) return std::nullopt;
  std::string out;
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string_view line = lines[i];
    if (!blank(line) && leading_spaces(line) < indent) return std::nullopt;
    if (i) out += '\n';
    if (line.size() > indent) out.append(line.substr(indent));
  }
  return out;
}

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t at = 0;
  while (true) {
    const size_t nl = text.find('\n', at);
    std::string_view line = text.substr(at, nl == std::string_view::npos ? std::string_view::npos : nl - at);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    if (nl == std::string_view::npos) return lines;
    at = nl + 1;
  }
}

// Applies edits (non-overlapping; any order) to `text`, whose first byte is at `base`.
bool apply_edits(std::string& text, uint32_t base, std::vector<TextEdit> edits) {
  std::sort(edits.begin(), edits.end(), [](const TextEdit& a, const TextEdit& b) { return a.range.start > b.range.start; });
  uint32_t limit = UINT32_MAX;
  for (const TextEdit& e : edits) {
    if (e.range.start < base || e.range.end < e.range.start || e.range.end - base > text.size() || e.range.end > limit) return false;
    text.replace(e.range.start - base, e.range.end - e.range.start, e.text);
    limit = e.range.start;
  }
  return true;
}

}  // namespace

ManifestMap::ManifestMap(const Document& outer, NodeId manifest) : source_(outer.source()) {
  const Node& n = outer.values.at(manifest);
  text_ = n.text;
  fallback_ = outer.key_range(manifest);
  const std::string_view s = source_.view();
  if (n.style != ScalarStyle::Block || n.start >= s.size() || s[n.start] != '|') return;
  // The header: `|`, a chomping indicator and an indentation indicator in either order (`|2-`,
  // `|-2`), a comment. An indentation indicator counts from the indentation of the key's line.
  const uint32_t header = source_.line_of(n.start);
  const std::string_view line = source_.line_text(header);
  std::string_view rest = line.substr(n.start - static_cast<uint32_t>(line.data() - s.data()) + 1);
  uint32_t explicit_indent = 0;
  for (int k = 0; k < 2 && !rest.empty(); ++k) {
    if (rest[0] == '-' || rest[0] == '+') {
      rest.remove_prefix(1);
    } else if (rest[0] >= '1' && rest[0] <= '9') {
      // The key's own column (after any `- ` that opens a sequence item on the same line).
      size_t key = leading_spaces(line);
      while (key + 1 < line.size() && line[key] == '-' && line[key + 1] == ' ') key = line.find_first_not_of(' ', key + 1);
      explicit_indent = static_cast<uint32_t>(key) + static_cast<uint32_t>(rest[0] - '0');
      rest.remove_prefix(1);
    }
  }
  rest = trim(rest);
  if (!rest.empty() && rest[0] != '#') return;
  // The content lines: up to the first non-blank line indented less than the first one.
  std::vector<std::string_view> lines;
  uint32_t indent = explicit_indent;
  for (uint32_t l = header + 1; l < source_.line_count(); ++l) {
    const std::string_view t = source_.line_text(l);
    if (!blank(t)) {
      if (indent == 0) indent = leading_spaces(t);
      if (leading_spaces(t) < indent) break;
    }
    lines.push_back(t);
  }
  while (!lines.empty() && blank(lines.back())) lines.pop_back();
  if (lines.empty()) return;
  explicit_indent_ = explicit_indent;
  std::optional<std::string> decoded = decode_literal_lines(lines, indent_, explicit_indent);
  if (!decoded || *decoded != without_final_breaks(text_)) return;
  first_line_ = header + 1;
  lines_ = static_cast<uint32_t>(lines.size());
  content_start_ = static_cast<uint32_t>(lines.front().data() - s.data());
  content_end_ = static_cast<uint32_t>(lines.back().data() - s.data() + lines.back().size());
  inner_line_starts_.push_back(0);
  for (uint32_t i = 0; i < text_.size(); ++i)
    if (text_[i] == '\n') inner_line_starts_.push_back(i + 1);
  exact_ = true;
}

uint32_t ManifestMap::to_outer(uint32_t inner) const {
  if (!exact_) return fallback_.start;
  const size_t i = static_cast<size_t>(std::upper_bound(inner_line_starts_.begin(), inner_line_starts_.end(), inner) - inner_line_starts_.begin()) - 1;
  if (i >= lines_) return content_end_;  // the final line breaks
  const std::string_view t = source_.line_text(first_line_ + static_cast<uint32_t>(i));
  const uint32_t base = static_cast<uint32_t>(t.data() - source_.view().data());
  const uint32_t at = base + std::min<uint32_t>(indent_, static_cast<uint32_t>(t.size())) + (inner - inner_line_starts_[i]);
  return std::min(at, base + static_cast<uint32_t>(t.size()));
}

std::optional<uint32_t> ManifestMap::to_inner(uint32_t outer) const {
  if (!exact_ || outer < content_start_ || outer > content_end_) return std::nullopt;
  const uint32_t i = source_.line_of(outer) - first_line_;
  if (i >= lines_) return std::nullopt;
  const std::string_view t = source_.line_text(first_line_ + i);
  const uint32_t column = outer - static_cast<uint32_t>(t.data() - source_.view().data());
  const uint32_t line_end = i + 1 < inner_line_starts_.size() ? inner_line_starts_[i + 1] - 1 : static_cast<uint32_t>(text_.size());
  return std::min(inner_line_starts_[i] + (column > indent_ ? column - indent_ : 0), line_end);
}

ByteRange ManifestMap::to_outer(ByteRange inner) const {
  if (!exact_) return fallback_;
  return {to_outer(inner.start), std::max(to_outer(inner.start), to_outer(inner.end))};
}

bool ManifestMap::map_edits(const std::vector<TextEdit>& inner, std::vector<TextEdit>& outer) const {
  if (!exact_ || inner.empty()) return false;
  outer.clear();
  const std::string newline_indent = "\n" + std::string(indent_, ' ');
  for (const TextEdit& e : inner) {
    std::string text;
    for (char c : e.text) c == '\n' ? text += newline_indent : text += c;
    outer.push_back({{to_outer(e.range.start), to_outer(e.range.end)}, std::move(text)});
  }
  // Proof: the outer lines with the mapped edits decode to the string with the inner edits.
  const std::string_view s = source_.view();
  std::string lines_after(s.substr(content_start_, content_end_ - content_start_));
  std::string expected = text_;
  if (!apply_edits(lines_after, content_start_, outer) || !apply_edits(expected, 0, inner)) return false;
  uint32_t indent = 0;
  const std::optional<std::string> decoded = decode_literal_lines(split_lines(lines_after), indent, explicit_indent_);
  return decoded && indent == indent_ && without_final_breaks(*decoded) == without_final_breaks(expected);
}

std::vector<ByteRange> mask_argo_placeholders(std::string& text) {
  std::vector<ByteRange> masked;
  for (size_t at = text.find("{{"); at != std::string::npos; at = text.find("{{", at)) {
    const size_t close = text.find("}}", at + 2);
    const size_t line_end = text.find('\n', at);
    if (close == std::string::npos || (line_end != std::string::npos && close > line_end)) {
      at += 2;
      continue;
    }
    std::fill(text.begin() + static_cast<std::ptrdiff_t>(at), text.begin() + static_cast<std::ptrdiff_t>(close + 2), 'x');
    masked.push_back({static_cast<uint32_t>(at), static_cast<uint32_t>(close + 2)});
    at = close + 2;
  }
  return masked;
}

}  // namespace kflint

namespace kflint {
namespace {

bool argo_workflow(const ValueTree& v) {
  if (!v.is_map(v.root) || v.str(v.get(v.root, "apiVersion")).rfind("argoproj.io/", 0) != 0) return false;
  const std::string_view kind = v.str(v.get(v.root, "kind"));
  return kind == "Workflow" || kind == "WorkflowTemplate" || kind == "ClusterWorkflowTemplate" || kind == "CronWorkflow";
}

// The operation a resource template's action sends its manifest with (false: not linted).
bool operation_of_action(std::string_view action, Operation& op) {
  if (action == "create") return op = Operation::Create, true;
  if (action == "apply") return op = Operation::Apply, true;
  if (action == "replace") return op = Operation::Replace, true;
  if (action == "patch") return op = Operation::Patch, true;
  return false;  // get and delete only name the object; anything else Argo refuses
}

void map_to_outer(Diagnostic& d, const ManifestMap& map, uint32_t document) {
  d.range = map.to_outer(d.range);
  for (RelatedLocation& r : d.related) r.range = map.to_outer(r.range);
  std::vector<Fix> kept;
  for (Fix& f : d.fixes) {
    std::vector<TextEdit> outer;
    if (map.map_edits(f.edits, outer)) kept.push_back({std::move(f.title), f.applicability, std::move(outer)});
  }
  d.fixes = std::move(kept);
  d.document = document;
}

ArgoManifest read_manifest(const Document& doc, NodeId tmpl, NodeId resource, NodeId manifest) {
  ArgoManifest m;
  m.tmpl = tmpl, m.resource = resource, m.manifest = manifest;
  m.map = std::make_unique<ManifestMap>(doc, manifest);
  std::string text = m.map->text();
  m.masked = mask_argo_placeholders(text);
  if (check_text_encoding(text)) return m;
  m.text = std::make_unique<SourceText>(std::move(text));
  const std::vector<ByteRange> spans = split_documents(*m.text);
  for (uint32_t i = 0; i < spans.size(); ++i) m.documents.push_back(parse_document(*m.text, spans[i], i));
  return m;
}

// KF509: `action: patch` with Argo's default (or an explicit) `strategic` merge strategy, which
// the API server refuses for custom resources. The fix adds `mergeStrategy: merge` after `action`.
Diagnostic strategic_patch(const Document& doc, NodeId resource) {
  const ValueTree& v = doc.values;
  const NodeId action = v.get(resource, "action"), strategy = v.get(resource, "mergeStrategy");
  const std::string what = strategy == kNoNode ? "Argo's default `mergeStrategy`, `strategic`" : "`mergeStrategy: strategic`";
  Diagnostic d = engine_diagnostic(engine_rules::argo_strategic_patch(), doc.range(strategy == kNoNode ? action : strategy),
                                   "this template patches a TFJob/MXJob with " + what +
                                       ": the API server refuses strategic merge patches for custom resources (`the body of the request was in "
                                       "an unknown format`) and the step fails; use `mergeStrategy: merge`",
                                   doc.index());
  const std::string_view s = doc.source().view();
  const uint32_t at = v.at(resource).start;
  if (strategy != kNoNode) d.fixes.push_back({"Use `mergeStrategy: merge`", Applicability::Unsafe, {{doc.range(strategy), "merge"}}});
  if (strategy == kNoNode && at < s.size() && s[at] != '{') {
    // A line of its own after the `action` entry, at its key's column.
    const SourceText& text = doc.source();
    const ByteRange key = doc.key_range(action);
    const uint32_t line = text.line_of(doc.range(action).end);
    const uint32_t column = key.start - text.line_start(text.line_of(key.start));
    if (line + 1 < text.line_count() && text.line_of(key.start) == line) {
      const uint32_t next = text.line_start(line + 1);
      d.fixes.push_back({"Add `mergeStrategy: merge`", Applicability::Unsafe, {{{next, next}, std::string(column, ' ') + "mergeStrategy: merge\n"}}});
    }
  }
  return d;
}

void lint_manifest(const Document& doc, const ArgoManifest& m, const LintOptions& options, LintResult& result) {
  const ValueTree& v = doc.values;
  const std::string where = "the manifest of Argo template `" + std::string(v.str(v.get(m.tmpl, "name"))) + "` (" +
                            line_mark(doc, v.at(m.manifest).start) + ")";
  const std::string_view action = v.str(v.get(m.resource, "action"));
  if (!m.text) {
    result.skipped.push_back(where + ": not text kflint reads");
    return;
  }
  LintOptions inner_options = options;
  inner_options.patch_target.reset();
  inner_options.merged_patch = false;
  const ManifestText embedded{m.masked};
  const bool linted = operation_of_action(action, inner_options.operation);
  const std::string_view strategy = v.str(v.get(m.resource, "mergeStrategy"));
  if (linted && action == "patch" && strategy == "json") {  // an RFC 6902 list of operations, not an object
    result.skipped.push_back(where + ": a JSON patch (`mergeStrategy: json`); not linted");
    return;
  }
  for (const Document& d : m.documents) {
    if (!linted) {
      if (!jobs_in(d).jobs.empty()) result.skipped.push_back(where + ": action `" + std::string(action) + "` only names the job; not linted");
      continue;
    }
    LintResult r = lint_document(d, inner_options, &embedded);
    if (action == "patch" && r.jobs && (strategy.empty() || strategy == "strategic")) result.diagnostics.push_back(strategic_patch(doc, m.resource));
    for (Diagnostic& f : r.diagnostics) {
      map_to_outer(f, *m.map, doc.index());
      result.diagnostics.push_back(std::move(f));
    }
    result.jobs += r.jobs;
    result.embedded += r.jobs;
    if (r.jobs)
      result.notes.push_back("linted " + std::string(r.jobs == 1 ? "the job" : "the jobs") + " in " + where + " as `kubectl " + std::string(action) +
                             "` sends it" + (m.map->exact() ? "" : " (findings are shown at the `manifest` key: the string is not a `|` block)"));
  }
}

std::vector<NodeId> manifest_templates(const ValueTree& v) {
  std::vector<NodeId> out;
  if (!argo_workflow(v)) return out;
  const NodeId spec = v.get(v.root, "spec");
  NodeId templates = v.get(spec, "templates");
  if (templates == kNoNode) templates = v.get(v.get(spec, "workflowSpec"), "templates");  // CronWorkflow
  if (!v.is_seq(templates)) return out;
  for (NodeId tmpl : v.at(templates).items)
    if (v.is_string(v.get(v.get(tmpl, "resource"), "manifest"))) out.push_back(tmpl);
  return out;
}

}  // namespace

std::vector<ArgoManifest> read_argo_manifests(const Document& doc) {
  std::vector<ArgoManifest> out;
  const ValueTree& v = doc.values;
  for (NodeId tmpl : manifest_templates(v)) {
    const NodeId resource = v.get(tmpl, "resource");
    out.push_back(read_manifest(doc, tmpl, resource, v.get(resource, "manifest")));
  }
  return out;
}

void lint_argo_manifests(const Document& doc, const LintOptions& options, LintResult& result) {
  for (const ArgoManifest& m : read_argo_manifests(doc)) lint_manifest(doc, m, options, result);
}

}  // namespace kflint
