// textDocument/hover: on a finding, the rule's summary and doc link; on a key, the field's
// type and description from the CRD (like `kubectl explain`) and its path.
#include <algorithm>

#include "core/document.h"
#include "core/rule_info.h"
#include "rules/engine/registry.h"
#include "lsp/features.h"
#include "lsp/yaml_context.h"
#include "schema/schema.h"

namespace kflint::lsp {

json hover(const OpenDocument& doc, Encoding enc, uint32_t offset) {
  const SourceText& text = *doc.text;
  std::string md;
  ByteRange range{offset, offset};
  bool have_range = false;
  for (const Diagnostic& d : doc.diagnostics()) {
    if (offset < d.range.start || offset > std::max(d.range.end, d.range.start + 1)) continue;
    md += "**" + std::string(d.rule->id) + " " + std::string(d.rule->slug) + "** (" + severity_name(d.severity) + "): " +
          std::string(d.rule->summary);
    if (const std::string url = rule_doc_url(d.rule->id); !url.empty()) md += " — [documentation](" + url + ")";
    md += "\n\n";
    if (!have_range) range = d.range, have_range = true;
  }
  const size_t at = doc.result.document_at(offset);
  FieldAtOffset field;
  if (at < doc.result.documents.size()) {
    const std::shared_ptr<const Document> tree = doc.result.tree(at);
    if (std::optional<ManifestAt> inner = argo_manifest_at(*tree, offset)) {  // inside an Argo manifest block: the job's own fields
      field = field_at(inner->manifest.documents[inner->document], inner->inner_offset, Operation::Apply);
      field.key_range = inner->manifest.map->to_outer(field.key_range);
    } else {
      field = field_at(*tree, offset, doc.result.operation);
    }
  }
  if (field.key != kNoNode && !field.kind.empty()) {
    const schema::FieldDoc fd = schema::field_doc(field.kind, field.schema_path);
    if (!fd.type.empty() || !fd.description.empty()) {
      if (!md.empty()) md += "---\n\n";
      md += "**" + field.name + "**" + (fd.type.empty() ? "" : " · `" + fd.type + "`") + "\n\n";
      if (!fd.description.empty()) md += fd.description + "\n\n";
      md += "`" + field.value_path + "` (" + field.kind + ")";
      range = field.key_range;
      have_range = true;
    }
  }
  if (md.empty()) return nullptr;
  json result = {{"contents", {{"kind", "markdown"}, {"value", md}}}};
  if (have_range) result["range"] = range_json(text, range, enc);
  return result;
}

}  // namespace kflint::lsp
