#include "lsp/yaml_context.h"

#include <algorithm>

#include "core/text_util.h"
#include "rules/engine/jobs_in.h"
#include "schema/schema.h"

namespace kflint::lsp {
namespace {

std::string canonical_kind(std::string_view k) {
  if (iequals(k, "TFJob")) return "TFJob";
  if (iequals(k, "MXJob")) return "MXJob";
  return {};
}

// The kind of the job rooted at `root`, when the engine lints it as one ("" otherwise).
std::string job_kind_at(const Document& doc, NodeId root, Operation operation) {
  for (const JobRef& job : jobs_in(doc, operation).jobs)
    if (job.root == root) return job.kind == JobKind::TFJob ? "TFJob" : "MXJob";
  return {};
}

// The docs key of a value path: replica types and other map keys become `*`, list indices `[]`.
std::string docs_path(const std::string& kind, const std::vector<std::string>& components) {
  std::string cur;
  for (const std::string& c : components) {
    if (c == "[]") {
      cur += "[]";
      continue;
    }
    const std::string candidate = cur.empty() ? c : cur + "." + c;
    const schema::FieldDoc fd = schema::field_doc(kind, candidate);
    cur = !fd.type.empty() || !fd.description.empty() ? candidate : (cur.empty() ? "*" : cur + ".*");
  }
  return cur;
}

}  // namespace

std::optional<ManifestAt> argo_manifest_at(const Document& outer, uint32_t offset) {
  if (outer.values.root == kNoNode || outer.values.str(outer.values.get(outer.values.root, "apiVersion")).rfind("argoproj.io/", 0) != 0) return std::nullopt;
  for (ArgoManifest& m : read_argo_manifests(outer)) {
    const std::optional<uint32_t> inner = m.map->to_inner(offset);
    if (!inner || !m.text) continue;
    for (size_t i = 0; i < m.documents.size(); ++i) {
      const ByteRange span = m.documents[i].span();
      if (*inner >= span.start && (*inner < span.end || i + 1 == m.documents.size())) return ManifestAt{std::move(m), *inner, i};
    }
  }
  return std::nullopt;
}

FieldAtOffset field_at(const Document& doc, uint32_t offset, Operation operation) {
  FieldAtOffset out;
  const ValueTree& v = doc.values;
  if (doc.empty() || !v.is_map(v.root)) return out;
  NodeId best = kNoNode;
  ByteRange best_range{};
  for (NodeId id = 0; id < v.size(); ++id) {
    const Node& n = v.at(id);
    if (n.parent == kNoNode || !v.is_map(n.parent)) continue;
    const auto& entries = v.at(n.parent).entries;
    if (n.index_in_parent >= entries.size() || entries[n.index_in_parent].key != id) continue;
    if (n.start > offset || offset > n.start + n.text.size() + 1) continue;  // cheap filter before asking for the range
    const ByteRange r = doc.range(id);
    if (offset < r.start || offset > r.end) continue;
    if (best == kNoNode || r.end - r.start < best_range.end - best_range.start) best = id, best_range = r;
  }
  if (best == kNoNode) return out;
  const Node& key = v.at(best);
  const NodeId value = v.at(key.parent).entries[key.index_in_parent].value;
  // The chain of steps from the document root down to the value.
  std::vector<std::pair<NodeId, std::string>> steps;  // (node, step)
  for (NodeId n = value; n != kNoNode && v.at(n).parent != kNoNode;) {
    const Node& node = v.at(n);
    const Node& parent = v.at(node.parent);
    if (parent.kind == Kind::Seq) steps.push_back({n, "[]"});
    else steps.push_back({n, v.at(parent.entries[std::min<size_t>(node.index_in_parent, parent.entries.size() - 1)].key).text});
    n = node.parent;
  }
  std::reverse(steps.begin(), steps.end());
  // In a List the job is an item, in a Katib Experiment its trial template: the steps start below
  // the job that holds the value.
  for (const JobRef& job : jobs_in(doc, operation).jobs) {
    const auto at = std::find_if(steps.begin(), steps.end(), [&](const auto& s) { return s.first == job.root; });
    if (at == steps.end()) continue;
    steps.erase(steps.begin(), at + 1);
    out.kind = job.kind == JobKind::TFJob ? "TFJob" : "MXJob";
    break;
  }
  if (out.kind.empty()) out.kind = job_kind_at(doc, v.root, operation);  // the document is the job
  std::vector<std::string> components;
  for (const auto& s : steps) components.push_back(s.second);
  out.key = best;
  out.name = key.text;
  out.key_range = best_range;
  out.value_path = v.path(value);
  if (!out.kind.empty()) out.schema_path = docs_path(out.kind, components);
  return out;
}

CursorContext cursor_context(const SourceText& text, ByteRange span, uint32_t offset) {
  CursorContext c;
  const uint32_t first_line = text.line_of(span.start);
  const uint32_t last_line = text.line_of(span.end > span.start ? span.end - 1 : span.start);
  c.empty_document = true;
  for (uint32_t l = first_line; l <= last_line && l < text.line_count(); ++l) {
    const std::string_view t = trim(text.line_text(l));
    if (t.empty() || t[0] == '#' || t.rfind("---", 0) == 0) continue;
    c.empty_document = false;
    if (t.rfind("kind:", 0) == 0) c.kind = canonical_kind(trim(t.substr(5)));
  }
  const uint32_t line = text.line_of(offset);
  const std::string_view cur = text.line_text(line);
  const uint32_t line_begin = static_cast<uint32_t>(cur.data() - text.bytes().data());
  const std::string before(cur.substr(0, std::min<size_t>(cur.size(), offset - std::min(offset, line_begin))));

  // The cursor line: its key column, after any `- ` list-item markers.
  auto key_column = [](std::string_view t, size_t& dash_col, bool& dash) {
    size_t k = t.find_first_not_of(' ');
    if (k == std::string_view::npos) k = t.size();
    dash = false;
    while (t.substr(k, 2) == "- " || (t.size() == k + 1 && t[k] == '-')) {
      dash = true;
      dash_col = k;
      k = std::min(t.size(), k + 2);
      while (k < t.size() && t[k] == ' ') ++k;
    }
    return k;
  };
  size_t dash_col = 0;
  bool dash = false;
  const size_t col = key_column(before, dash_col, dash);
  const std::string rest = before.substr(std::min(col, before.size()));
  if (const size_t colon = rest.find(':'); colon != std::string::npos) {
    c.value_position = true;
    c.key = std::string(trim(rest.substr(0, colon)));
    std::string value(trim(rest.substr(colon + 1)));
    value.erase(std::remove(value.begin(), value.end(), '"'), value.end());
    c.prefix = value;
  } else {
    c.prefix = std::string(trim(rest));
  }
  c.in_list_item_start = dash && rest.empty();

  // Walk up: siblings at the key column, then parents at smaller columns.
  std::vector<std::string> rev;
  size_t threshold = col;
  bool allow_equal = false;
  if (dash) {
    rev.push_back("0");
    threshold = dash_col;
    allow_equal = true;
  }
  for (int64_t l = static_cast<int64_t>(line) - 1; l >= static_cast<int64_t>(first_line); --l) {
    const std::string_view t = text.line_text(static_cast<uint32_t>(l));
    const std::string_view tt = trim(t);
    if (tt.empty() || tt[0] == '#' || tt.rfind("---", 0) == 0) continue;
    size_t ldash_col = 0;
    bool ldash = false;
    const size_t k = key_column(t, ldash_col, ldash);
    const std::string_view body = t.substr(std::min(k, t.size()));
    const size_t colon = body.find(':');
    const bool key_line = colon != std::string_view::npos && (colon + 1 == body.size() || body[colon + 1] == ' ');
    if (!key_line) continue;
    const std::string key(trim(body.substr(0, colon)));
    if (k == threshold && !allow_equal) {
      c.present.push_back(key);
      if (ldash) {  // the first key of our list item: the item starts here
        rev.push_back("0");
        threshold = ldash_col;
        allow_equal = true;
      }
      continue;
    }
    if (k < threshold || (allow_equal && k <= threshold && !ldash)) {
      rev.push_back(key);
      threshold = k;
      allow_equal = false;
      if (ldash) {
        rev.push_back("0");
        threshold = ldash_col;
        allow_equal = true;
      }
      if (threshold == 0 && !allow_equal) break;
    }
  }
  // Siblings below the cursor, until the map ends.
  for (uint32_t l = line + 1; l <= last_line && l < text.line_count(); ++l) {
    const std::string_view t = text.line_text(l);
    const std::string_view tt = trim(t);
    if (tt.empty() || tt[0] == '#') continue;
    size_t ldash_col = 0;
    bool ldash = false;
    const size_t k = key_column(t, ldash_col, ldash);
    if (k < col || ldash) break;
    const std::string_view body = t.substr(k);
    const size_t colon = body.find(':');
    if (k == col && colon != std::string_view::npos) c.present.emplace_back(trim(body.substr(0, colon)));
  }
  c.path.assign(rev.rbegin(), rev.rend());
  return c;
}

}  // namespace kflint::lsp
