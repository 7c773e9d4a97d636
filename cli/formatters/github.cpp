// `--format github`: GitHub Actions workflow commands, one per finding
// (`::error file=F,line=L,endLine=L,col=C,endColumn=C,title=T::message`), escaped as the runner
// decodes them. Chosen automatically when GITHUB_ACTIONS=true and no format is given.
#include "cli/formatters/formatters.h"
#include "cli/formatters/reporter_classes.h"
#include "core/rule_info.h"
#include "rules/engine/registry.h"

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

// GitHub shows at most 10 error, 10 warning and 10 notice annotations per step; the rest are
// printed as plain lines so the log still has every finding.
void GithubReporter::file(const FileReport& r) {
  constexpr int kCap = 10;
  for (const Diagnostic& d : r.diagnostics) {
    const int kind = d.severity == Severity::Error ? 0 : d.severity == Severity::Warning ? 1 : 2;
    const char* level = kind == 0 ? "error" : kind == 1 ? "warning" : "notice";
    const LineCol s = line_col(*r.source, d.range.start);
    const LineCol e = end_line_col(*r.source, d.range);
    if (shown_[kind] >= kCap) {
      ++hidden_;
      out_ << line_start_name(r.display) << ":" << s.line << ":" << s.column << ": " << level << ": " << terminal_safe(d.message) << " [" << d.rule->id
           << " " << d.rule->slug << "]\n";
      continue;
    }
    ++shown_[kind];
    out_ << "::" << level << " file=" << escape(terminal_safe(r.display), true) << ",line=" << s.line << ",endLine=" << e.line;
    if (s.line == e.line) out_ << ",col=" << s.column << ",endColumn=" << std::max(e.column, s.column);
    out_ << ",title=" << escape(std::string(d.rule->id) + " " + std::string(d.rule->slug), true) << "::"
         << escape(terminal_safe(d.message) + (rule_docs_published() ? " (" + rule_doc_url(d.rule->id) + ")" : std::string()), false) << "\n";
  }
}

void GithubReporter::finish(const Summary&) {
  if (hidden_ > 0)
    out_ << "kflint: " << hidden_ << " more finding" << (hidden_ == 1 ? "" : "s")
         << " printed above without annotations (GitHub shows 10 per level and step); upload SARIF to see them all in code scanning\n";
}

}  // namespace kflint::cli
