// `--format json`: stable and documented in docs/output-formats.md. Lines are 1-based; columns are
// 1-based Unicode code points ("columnUnit"); offsets are 0-based bytes.
#include <nlohmann/json.hpp>

#include "cli/formatters/formatters.h"
#include "core/rule_info.h"

namespace kflint::cli {

static nlohmann::json position_json(const SourceText& src, uint32_t offset) {
  const LineCol lc = line_col(src, offset);
  return {{"line", lc.line}, {"column", lc.column}, {"offset", offset}};
}

static nlohmann::json range_json(const SourceText& src, ByteRange r) {
  return {{"start", position_json(src, r.start)}, {"end", position_json(src, std::max(r.end, r.start))}};
}

void format_json(const std::vector<FileReport>& reports, const FormatOptions& options, std::ostream& out) {
  nlohmann::json files = nlohmann::json::array();
  for (const FileReport& r : reports) {
    nlohmann::json diags = nlohmann::json::array();
    for (const Diagnostic& d : r.diagnostics) {
      nlohmann::json fixes = nlohmann::json::array();
      for (const Fix& f : d.fixes) {
        nlohmann::json edits = nlohmann::json::array();
        for (const TextEdit& e : f.edits) edits.push_back({{"range", range_json(*r.source, e.range)}, {"text", e.text}});
        fixes.push_back({{"title", f.title}, {"applicability", applicability_name(f.applicability)}, {"edits", edits}});
      }
      nlohmann::json related = nlohmann::json::array();
      for (const RelatedLocation& rel : d.related) related.push_back({{"range", range_json(*r.source, rel.range)}, {"message", rel.message}});
      diags.push_back({{"rule", d.rule->id},
                       {"slug", d.rule->slug},
                       {"category", d.rule->category},
                       {"severity", severity_name(d.severity)},
                       {"message", d.message},
                       {"url", std::string(kDocsBaseUrl) + std::string(d.rule->id)},
                       {"document", d.document},
                       {"range", range_json(*r.source, d.range)},
                       {"fixes", fixes},
                       {"related", related}});
    }
    nlohmann::json file = {{"path", r.display}, {"jobs", r.jobs}, {"diagnostics", diags}};
    if (options.verbose) file["skipped"] = r.skipped;
    if (r.fixes_applied) file["fixesApplied"] = r.fixes_applied;
    if (!r.fixes_refused.empty()) file["fixesRefused"] = r.fixes_refused;
    files.push_back(std::move(file));
  }
  const Summary s = summarize(reports);
  nlohmann::json doc = {{"tool", "kflint"},
                        {"version", options.version},
                        {"columnUnit", "unicodeCodePoints"},
                        {"files", files},
                        {"summary", {{"files", s.files}, {"jobs", s.jobs}, {"errors", s.errors}, {"warnings", s.warnings}, {"infos", s.infos}, {"hints", s.hints}}}};
  out << doc.dump(2) << "\n";
}

}  // namespace kflint::cli
