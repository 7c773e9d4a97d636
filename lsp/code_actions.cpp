// textDocument/codeAction: the engine's fixes as quick fixes (isPreferred when safe), "disable
// KFnnn for this line / this document", and source.fixAll.kflint (every safe fix).
#include <algorithm>

#include "core/document.h"
#include "core/fix_apply.h"
#include "core/rule_info.h"
#include "core/suppression.h"
#include "rules/engine/engine_rules.h"
#include "lsp/features.h"

namespace kflint::lsp {
namespace {

json workspace_edit(const OpenDocument& doc, Encoding enc, std::vector<TextEdit> edits) {
  std::stable_sort(edits.begin(), edits.end(), [](const TextEdit& a, const TextEdit& b) { return a.range.start < b.range.start; });
  json list = json::array();
  for (const TextEdit& e : edits) list.push_back(text_edit_json(*doc.text, e, enc));
  return {{"documentChanges", json::array({{{"textDocument", {{"uri", doc.uri}, {"version", doc.version}}}, {"edits", list}}})}};
}

bool wanted(const json& only, const std::string& kind) {
  if (only.empty()) return true;
  for (const json& o : only) {
    const std::string k = o.is_string() ? o.get<std::string>() : "";
    if (kind == k || kind.rfind(k + ".", 0) == 0) return true;
  }
  return false;
}

// The directive before the first content of every YAML document that has a finding of `id`.
std::vector<TextEdit> disable_document_edits(const OpenDocument& doc, std::string_view id) {
  std::vector<TextEdit> edits;
  for (const AnalyzedDocument& d : doc.result.documents) {
    bool has = false;
    for (const Diagnostic& f : d.relative) has = has || f.rule->id == id;
    if (has) edits.push_back(disable_in_document(*doc.text, d.span, id));
  }
  return edits;
}

// Whether the line holding `offset` ends inside a scalar that goes on to the next line: a comment
// appended there would be text of the scalar.
bool line_ends_in_scalar(const OpenDocument& doc, uint32_t offset) {
  const FileResult& result = doc.result;
  const size_t i = result.document_at(offset);
  if (i >= result.documents.size()) return false;
  const SourceText& text = *result.source;
  const std::string_view line = text.line_text(text.line_of(offset));
  const uint32_t line_end = static_cast<uint32_t>(line.data() - text.bytes().data() + line.size());
  const std::shared_ptr<const Document> tree = result.tree(i);
  const ValueTree& v = tree->values;
  for (NodeId id = 0; id < v.size(); ++id) {
    const Node& n = v.at(id);
    if (n.kind == Kind::Map || n.kind == Kind::Seq || n.start > line_end) continue;
    const ByteRange r = tree->range(id);
    if (r.start <= line_end && r.end > line_end) return true;
  }
  return false;
}

}  // namespace

json code_actions(const OpenDocument& doc, Encoding enc, const json& params) {
  const SourceText& text = *doc.text;
  const ByteRange want = range_of(text, params.at("range"), enc);
  const json only = params.value("context", json::object()).value("only", json::array());
  json actions = json::array();
  if (wanted(only, "quickfix")) {
    for (const Diagnostic& d : doc.diagnostics()) {
      if (d.range.start > want.end || d.range.end < want.start || d.rule == &engine_rules::input_error()) continue;
      const json diag = json::array({diagnostic_json(text, doc.uri, d, enc)});
      for (const Fix& f : d.fixes) {
        if (f.applicability == Applicability::DisplayOnly || f.edits.empty()) continue;
        actions.push_back({{"title", f.title + (f.applicability == Applicability::Unsafe ? " (unsafe)" : "")},
                           {"kind", "quickfix"},
                           {"diagnostics", diag},
                           {"isPreferred", f.applicability == Applicability::Safe},
                           {"edit", workspace_edit(doc, enc, f.edits)}});
      }
      const std::string id(d.rule->id);
      actions.push_back({{"title", "Disable " + id + " for this line"}, {"kind", "quickfix"}, {"diagnostics", diag},
                         {"edit", workspace_edit(doc, enc, {disable_on_line(text, d.range.start, id, line_ends_in_scalar(doc, d.range.start))})}});
      actions.push_back({{"title", "Disable " + id + " for this file"}, {"kind", "quickfix"}, {"diagnostics", diag},
                         {"edit", workspace_edit(doc, enc, disable_document_edits(doc, id))}});
    }
  }
  if (wanted(only, "source.fixAll.kflint") || wanted(only, "source.fixAll")) {
    // The same choice as `kflint check --fix`: whole safe fixes, none overlapping, each guarded.
    if (!doc.fix_all) doc.fix_all = select_fixes(text, doc.diagnostics(), false).edits;
    const std::vector<TextEdit>& all = *doc.fix_all;
    if (!all.empty()) actions.push_back({{"title", "Fix all safe kflint findings"}, {"kind", "source.fixAll.kflint"}, {"edit", workspace_edit(doc, enc, all)}});
  }
  return actions;
}

}  // namespace kflint::lsp
