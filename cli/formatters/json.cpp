// `--format json`: stable and documented in docs/output-formats.md; written one finding at a time. Lines are 1-based; columns are
// 1-based Unicode code points ("columnUnit"); offsets are 0-based bytes.
#include <nlohmann/json.hpp>

#include "cli/formatters/formatters.h"
#include "cli/formatters/reporter_classes.h"
#include "core/rule_info.h"
#include "rules/engine/registry.h"

namespace kflint::cli {

static nlohmann::json position_json(const SourceText& src, uint32_t offset) {
  const LineCol lc = line_col(src, offset);
  return {{"line", lc.line}, {"column", lc.column}, {"offset", offset}};
}

static nlohmann::json range_json(const SourceText& src, ByteRange r) {
  return {{"start", position_json(src, r.start)}, {"end", position_json(src, std::max(r.end, r.start))}};
}

JsonReporter::JsonReporter(const FormatOptions& options, std::ostream& out) : options_(options), out_(out) {
  out_ << "{\n  \"tool\": \"kflint\",\n  \"version\": " << nlohmann::json(options.version).dump()
       << ",\n  \"columnUnit\": \"unicodeCodePoints\",\n  \"files\": [";
}

void JsonReporter::file(const FileReport& r) {
  out_ << (first_file_ ? "\n    " : ",\n    ");
  first_file_ = false;
  out_ << "{\"path\": " << nlohmann::json(r.display).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << ", \"jobs\": " << r.jobs;
  out_ << ", \"embeddedJobs\": " << r.embedded;
  if (options_.verbose) out_ << ", \"skipped\": " << nlohmann::json(r.skipped).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  if (options_.verbose) out_ << ", \"notes\": " << nlohmann::json(r.notes).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  if (r.fixes_applied) out_ << ", \"fixesApplied\": " << r.fixes_applied;
  if (!r.fixes_refused.empty()) out_ << ", \"fixesRefused\": " << nlohmann::json(r.fixes_refused).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  out_ << ", \"diagnostics\": [";
  bool first = true;
  for (const Diagnostic& d : r.diagnostics) {
    nlohmann::json fixes = nlohmann::json::array();
    for (const Fix& f : d.fixes) {
      nlohmann::json edits = nlohmann::json::array();
      for (const TextEdit& e : f.edits) edits.push_back({{"range", range_json(*r.source, e.range)}, {"text", e.text}});
      fixes.push_back({{"title", f.title}, {"applicability", applicability_name(f.applicability)}, {"edits", edits}});
    }
    nlohmann::json related = nlohmann::json::array();
    for (const RelatedLocation& rel : d.related) related.push_back({{"range", range_json(*r.source, rel.range)}, {"message", rel.message}});
    nlohmann::json diag = {{"rule", d.rule->id},
                                 {"slug", d.rule->slug},
                                 {"category", d.rule->category},
                                 {"severity", severity_name(d.severity)},
                                 {"message", d.message},
                                 {"document", d.document},
                                 {"range", range_json(*r.source, d.range)},
                                 {"fixes", fixes},
                                 {"related", related}};
    if (const std::string url = rule_doc_url(d.rule->id); !url.empty()) diag["url"] = url;
    if (!d.path.empty()) diag["path"] = d.path;
    out_ << (first ? "\n      " : ",\n      ") << diag.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    first = false;
  }
  out_ << (first ? "]}" : "\n    ]}");
}

void JsonReporter::finish(const Summary& s) {
  const nlohmann::json summary = {{"files", s.files}, {"jobs", s.jobs}, {"embeddedJobs", s.embedded}, {"errors", s.errors}, {"warnings", s.warnings}, {"infos", s.infos}, {"hints", s.hints}, {"notChecked", s.not_checked}, {"templatesNotLinted", s.templates}, {"documentsNotRead", s.unread}};
  out_ << (first_file_ ? "],\n" : "\n  ],\n") << "  \"summary\": " << summary.dump() << "\n}\n";
}

}  // namespace kflint::cli
