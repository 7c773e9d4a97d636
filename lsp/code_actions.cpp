// textDocument/codeAction: the engine's fixes as quick fixes (isPreferred when safe), "disable
// KFnnn for this line / this document", and source.fixAll.kflint (every safe fix).
#include <algorithm>

#include "core/document.h"
#include "core/fix_apply.h"
#include "core/rule_info.h"
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

// `# kflint: disable=ID` for the finding's line: appended to an existing directive, at the end
// of a line without a comment, or on its own line above (which covers the next node).
TextEdit disable_line_edit(const SourceText& text, const Diagnostic& d) {
  const uint32_t line = text.line_of(d.range.start);
  const std::string_view content = text.line_text(line);
  const uint32_t begin = static_cast<uint32_t>(content.data() - text.bytes().data());
  const std::string id(d.rule->id);
  if (const size_t at = content.find("# kflint: disable="); at != std::string_view::npos) {
    size_t end = content.find_first_of(" \t", at + 18);
    if (end == std::string_view::npos) end = content.size();
    return {{begin + static_cast<uint32_t>(end), begin + static_cast<uint32_t>(end)}, "," + id};
  }
  if (content.find(" #") == std::string_view::npos && content.find('#') != 0)
    return {{begin + static_cast<uint32_t>(content.size()), begin + static_cast<uint32_t>(content.size())}, "  # kflint: disable=" + id};
  const size_t indent = content.find_first_not_of(" \t");
  return {{begin, begin}, std::string(content.substr(0, indent == std::string_view::npos ? 0 : indent)) + "# kflint: disable=" + id + "\n"};
}

// `# kflint: disable=ID` before the first key of every YAML document that has the finding.
std::vector<TextEdit> disable_document_edits(const OpenDocument& doc, const std::string& id) {
  std::vector<TextEdit> edits;
  const SourceText& text = *doc.text;
  for (const ByteRange span : split_documents(text)) {
    bool has = false;
    for (const Diagnostic& d : doc.diagnostics) has = has || (d.rule->id == id && d.range.start >= span.start && d.range.start < std::max(span.end, span.start + 1));
    if (!has) continue;
    uint32_t at = span.start;
    if (text.view().substr(at, 3) == "---") {
      const uint32_t line = text.line_of(at);
      at = line + 1 < text.line_count() ? text.line_start(line + 1) : static_cast<uint32_t>(text.size());
    }
    edits.push_back({{at, at}, "# kflint: disable=" + id + "\n"});
  }
  return edits;
}

}  // namespace

json code_actions(const OpenDocument& doc, Encoding enc, const json& params) {
  const SourceText& text = *doc.text;
  const ByteRange want = range_of(text, params.at("range"), enc);
  const json only = params.value("context", json::object()).value("only", json::array());
  json actions = json::array();
  if (wanted(only, "quickfix")) {
    for (const Diagnostic& d : doc.diagnostics) {
      if (d.range.start > want.end || d.range.end < want.start || d.rule->id == "KF000") continue;
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
                         {"edit", workspace_edit(doc, enc, {disable_line_edit(text, d)})}});
      actions.push_back({{"title", "Disable " + id + " for this file"}, {"kind", "quickfix"}, {"diagnostics", diag},
                         {"edit", workspace_edit(doc, enc, disable_document_edits(doc, id))}});
    }
  }
  if (wanted(only, "source.fixAll.kflint") || wanted(only, "source.fixAll")) {
    // The same choice as `kflint check --fix`: whole safe fixes, none overlapping, each guarded.
    const std::vector<TextEdit> all = select_fixes(text, doc.diagnostics, false).edits;
    if (!all.empty()) actions.push_back({{"title", "Fix all safe kflint findings"}, {"kind", "source.fixAll.kflint"}, {"edit", workspace_edit(doc, enc, all)}});
  }
  return actions;
}

}  // namespace kflint::lsp
