// `--format github`: GitHub Actions workflow commands, one per finding
// (`::error file=F,line=L,endLine=L,col=C,endColumn=C,title=T::message`), escaped as the runner
// decodes them. Chosen automatically when GITHUB_ACTIONS=true and no format is given.
#include "cli/formatters/formatters.h"
#include "core/rule_info.h"

namespace kflint::cli {
namespace {

std::string escape(std::string_view s, bool property) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      case ':': out += property ? "%3A" : ":"; break;
      case ',': out += property ? "%2C" : ","; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace

void format_github(const std::vector<FileReport>& reports, const FormatOptions&, std::ostream& out) {
  // GitHub shows at most 10 error, 10 warning and 10 notice annotations per step; the rest are
  // printed as plain lines so the log still has every finding.
  constexpr int kCap = 10;
  int shown[3] = {0, 0, 0};
  size_t hidden = 0;
  for (const FileReport& r : reports) {
    for (const Diagnostic& d : r.diagnostics) {
      const int kind = d.severity == Severity::Error ? 0 : d.severity == Severity::Warning ? 1 : 2;
      const char* level = kind == 0 ? "error" : kind == 1 ? "warning" : "notice";
      const LineCol s = line_col(*r.source, d.range.start);
      const LineCol e = end_line_col(*r.source, d.range);
      if (shown[kind] >= kCap) {
        ++hidden;
        out << terminal_safe(r.display) << ":" << s.line << ":" << s.column << ": " << level << ": " << terminal_safe(d.message) << " [" << d.rule->id
            << " " << d.rule->slug << "]\n";
        continue;
      }
      ++shown[kind];
      out << "::" << level << " file=" << escape(terminal_safe(r.display), true) << ",line=" << s.line << ",endLine=" << e.line;
      if (s.line == e.line) out << ",col=" << s.column << ",endColumn=" << std::max(e.column, s.column);
      out << ",title=" << escape(std::string(d.rule->id) + " " + std::string(d.rule->slug), true) << "::"
          << escape(terminal_safe(d.message) + " (" + std::string(kDocsBaseUrl) + std::string(d.rule->id) + ")", false) << "\n";
    }
  }
  if (hidden > 0)
    out << "kflint: " << hidden << " more finding" << (hidden == 1 ? "" : "s")
        << " printed above without annotations (GitHub shows 10 per level and step); upload SARIF to see them all in code scanning\n";
}

}  // namespace kflint::cli
