#include "lsp/protocol.h"

#include <algorithm>

#include "core/rule_info.h"
#include "rules/engine/engine_rules.h"

namespace kflint::lsp {

json position_json(const SourceText& text, uint32_t offset, Encoding enc) {
  const Position p = text.position(offset);
  return {{"line", p.line}, {"character", enc.utf16 ? p.column_utf16 : p.column_bytes}};
}

json range_json(const SourceText& text, ByteRange range, Encoding enc) {
  return {{"start", position_json(text, range.start, enc)}, {"end", position_json(text, std::max(range.end, range.start), enc)}};
}

uint32_t offset_of(const SourceText& text, const json& position, Encoding enc) {
  const auto line = position.at("line").get<uint32_t>();
  const auto character = position.at("character").get<uint32_t>();
  if (line >= text.line_count()) return static_cast<uint32_t>(text.size());
  return text.offset_of(line, character, enc.utf16);
}

ByteRange range_of(const SourceText& text, const json& range, Encoding enc) {
  const uint32_t a = offset_of(text, range.at("start"), enc), b = offset_of(text, range.at("end"), enc);
  return {std::min(a, b), std::max(a, b)};
}

json text_edit_json(const SourceText& text, const TextEdit& edit, Encoding enc) {
  return {{"range", range_json(text, edit.range, enc)}, {"newText", edit.text}};
}

json diagnostic_json(const SourceText& text, const std::string& uri, const Diagnostic& d, Encoding enc) {
  static constexpr int kSeverity[] = {4, 3, 2, 1};  // hint, info, warning, error -> LSP 4..1
  json out = {{"range", range_json(text, d.range, enc)},
              {"severity", kSeverity[static_cast<int>(d.severity)]},
              {"code", d.rule->id},
              {"source", "kflint"},
              {"message", d.message + " [" + std::string(d.rule->slug) + "]"}};
  // The clickable code in the Problems panel: only a link that leads somewhere.
  if (const std::string url = rule_doc_url(d.rule->id); !url.empty()) out["codeDescription"] = {{"href", url}};
  if (!d.related.empty()) {
    json related = json::array();
    for (const RelatedLocation& r : d.related)
      related.push_back({{"location", {{"uri", uri}, {"range", range_json(text, r.range, enc)}}}, {"message", r.message}});
    out["relatedInformation"] = related;
  }
  if (d.rule == &engine_rules::unused_suppression()) out["tags"] = json::array({1});  // Unnecessary: editors fade the comment
  return out;
}

}  // namespace kflint::lsp
