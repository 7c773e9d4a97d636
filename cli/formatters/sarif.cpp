// `--format sarif`: SARIF 2.1.0 with real regions (start and end), every rule with its page (help),
// columns in Unicode code points (declared with run.columnKind).
#include <nlohmann/json.hpp>

#include <map>

#include "cli/formatters/formatters.h"
#include "cli/formatters/reporter_classes.h"
#include "core/rule_info.h"
#include "core/text_util.h"
#include "rules/engine/registry.h"

namespace kflint::cli {
namespace {

const char* level(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    default: return "note";
  }
}

// SARIF artifactLocation.uri: the relative path, percent-encoded.
std::string uri_of(const std::string& path) { return percent_encode_path(path); }

nlohmann::json region(const SourceText& src, ByteRange r) {
  const LineCol s = line_col(src, r.start);
  LineCol e = end_line_col(src, r);
  if (e.line == s.line && e.column <= s.column) e.column = s.column + 1;  // SARIF: end is exclusive, non-empty
  return {{"startLine", s.line}, {"startColumn", s.column}, {"endLine", e.line}, {"endColumn", e.column}};
}

}  // namespace

namespace {

constexpr auto kReplace = nlohmann::json::error_handler_t::replace;

nlohmann::json result_json(const FileReport& r, const Diagnostic& d, const std::string& uri, size_t rule_index) {
  nlohmann::json location = {{"physicalLocation", {{"artifactLocation", {{"uri", uri}}}, {"region", region(*r.source, d.range)}}}};
  nlohmann::json result = {{"ruleId", d.rule->id},
                           {"ruleIndex", rule_index},
                           {"level", level(d.severity)},
                           {"message", {{"text", d.message}}},
                           {"locations", nlohmann::json::array({location})}};
  if (!d.related.empty()) {
    nlohmann::json related = nlohmann::json::array();
    int id = 1;
    for (const RelatedLocation& rel : d.related)
      related.push_back({{"id", id++},
                         {"message", {{"text", rel.message}}},
                         {"physicalLocation", {{"artifactLocation", {{"uri", uri}}}, {"region", region(*r.source, rel.range)}}}});
    result["relatedLocations"] = related;
  }
  nlohmann::json fixes = nlohmann::json::array();
  for (const Fix& f : d.fixes) {
    if (f.edits.empty()) continue;
    nlohmann::json replacements = nlohmann::json::array();
    for (const TextEdit& e : f.edits) {
      nlohmann::json deleted = {{"byteOffset", e.range.start}, {"byteLength", e.range.end - e.range.start}};
      replacements.push_back({{"deletedRegion", deleted}, {"insertedContent", {{"text", e.text}}}});
    }
    fixes.push_back({{"description", {{"text", f.title + " (" + applicability_name(f.applicability) + ")"}}},
                     {"artifactChanges", nlohmann::json::array({{{"artifactLocation", {{"uri", uri}}}, {"replacements", replacements}}})}});
  }
  if (!fixes.empty()) result["fixes"] = fixes;
  return result;
}

}  // namespace

// The log is written around the results: everything before `"results": [` first, each result as
// it comes, then the closing brackets.
SarifReporter::SarifReporter(const FormatOptions& options, std::ostream& out) : out_(out) {
  nlohmann::json rules = nlohmann::json::array();
  for (const Rule& r : all_rules()) {
    rule_index_[r.info.id] = rules.size();
    nlohmann::json rule = {{"id", r.info.id},
                           {"name", r.info.slug},
                           {"shortDescription", {{"text", r.info.summary}}},
                           {"help", {{"text", r.info.summary}, {"markdown", r.info.doc}}},
                           {"defaultConfiguration", {{"level", level(r.info.severity)}}},
                           {"properties", {{"category", r.info.category}}}};
    // A file:// page means nothing on a code-scanning server: helpUri only for published pages
    // (help.markdown carries the whole page either way, and GitHub shows it).
    if (rule_docs_published()) rule["helpUri"] = rule_doc_url(r.info.id);
    rules.push_back(std::move(rule));
  }
  const nlohmann::json tool = {{"driver", {{"name", "kflint"}, {"version", options.version}, {"rules", rules}}}};
  out_ << "{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n"
       << "      \"tool\": " << tool.dump(-1, ' ', false, kReplace) << ",\n      \"columnKind\": \"unicodeCodePoints\",\n      \"results\": [";
}

void SarifReporter::file(const FileReport& r) {
  const std::string uri = uri_of(r.display);
  for (const Diagnostic& d : r.diagnostics) {
    out_ << (first_result_ ? "\n        " : ",\n        ") << result_json(r, d, uri, rule_index_[d.rule->id]).dump(-1, ' ', false, kReplace);
    first_result_ = false;
  }
}

void SarifReporter::finish(const Summary&) { out_ << (first_result_ ? "]\n    }\n  ]\n}\n" : "\n      ]\n    }\n  ]\n}\n"); }

}  // namespace kflint::cli
