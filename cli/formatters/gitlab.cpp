// `--format gitlab`: GitLab Code Quality (a JSON array of issues). Fingerprints hash the path,
// rule, message and occurrence, not the line, so they stay stable when unrelated lines move.
#include <nlohmann/json.hpp>

#include <map>

#include "cli/formatters/formatters.h"
#include "cli/formatters/reporter_classes.h"
#include "core/rule_info.h"

namespace kflint::cli {
namespace {

std::string fingerprint(const std::string& text) {
  uint64_t h = 1469598103934665603ULL;  // FNV-1a, twice with different seeds -> 128 bits of hex
  uint64_t g = 1099511628211ULL ^ 0x9E3779B97F4A7C15ULL;
  for (unsigned char c : text) {
    h = (h ^ c) * 1099511628211ULL;
    g = (g ^ c) * 0x100000001B3ULL;
  }
  char buf[40];
  std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(h), static_cast<unsigned long long>(g));
  return buf;
}

}  // namespace

void GitlabReporter::file(const FileReport& r) {
  std::map<std::string, int> seen;
  std::string path = r.display;
  while (path.rfind("./", 0) == 0) path.erase(0, 2);
  for (const Diagnostic& d : r.diagnostics) {
    const std::string key = path + "\n" + std::string(d.rule->id) + "\n" + d.message;
    const int occurrence = seen[key]++;
    const LineCol lc = line_col(*r.source, d.range.start);
    const char* severity = d.severity == Severity::Error ? "major" : d.severity == Severity::Warning ? "minor" : "info";
    const nlohmann::json issue = {{"description", d.message},
                                  {"check_name", "kflint/" + std::string(d.rule->id)},
                                  {"fingerprint", fingerprint(key + "\n" + std::to_string(occurrence))},
                                  {"severity", severity},
                                  {"location", {{"path", path}, {"positions", {{"begin", {{"line", lc.line}, {"column", lc.column}}}}}}}};
    out_ << (first_ ? "\n  " : ",\n  ") << issue.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    first_ = false;
  }
}

void GitlabReporter::finish(const Summary&) { out_ << (first_ ? "]\n" : "\n]\n"); }

}  // namespace kflint::cli
