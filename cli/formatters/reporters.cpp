// The format table, and the whole-report functions written in terms of reporters.
#include "cli/formatters/formatters.h"
#include "cli/formatters/reporter_classes.h"

namespace kflint::cli {

void add_to_summary(Summary& s, const FileReport& r) {
  ++s.files;
  s.jobs += r.jobs;
  s.embedded += r.embedded;
  s.templates += r.go_template;
  s.unread += r.unread;
  s.fixed += r.fixes_applied;
  for (const Diagnostic& d : r.diagnostics) {
    switch (d.severity) {
      case Severity::Error: ++s.errors; break;
      case Severity::Warning: ++s.warnings; break;
      case Severity::Info: ++s.infos; break;
      case Severity::Hint: ++s.hints; break;
    }
  }
}

Summary summarize(const std::vector<FileReport>& reports) {
  Summary s;
  for (const FileReport& r : reports) add_to_summary(s, r);
  return s;
}

std::unique_ptr<Reporter> make_reporter(std::string_view format, const FormatOptions& options, std::ostream& out) {
  if (format == "text") return std::make_unique<TextReporter>(options, out);
  if (format == "json") return std::make_unique<JsonReporter>(options, out);
  if (format == "sarif") return std::make_unique<SarifReporter>(options, out);
  if (format == "github") return std::make_unique<GithubReporter>(out);
  if (format == "junit") return std::make_unique<JunitReporter>(out);
  if (format == "gitlab") return std::make_unique<GitlabReporter>(out);
  return nullptr;
}

namespace {

void write_all(std::string_view format, const std::vector<FileReport>& reports, const FormatOptions& options, std::ostream& out) {
  const std::unique_ptr<Reporter> reporter = make_reporter(format, options, out);
  for (const FileReport& r : reports) reporter->file(r);
  reporter->finish(summarize(reports));
}

}  // namespace

void format_text(const std::vector<FileReport>& r, const FormatOptions& o, std::ostream& out) { write_all("text", r, o, out); }
void format_json(const std::vector<FileReport>& r, const FormatOptions& o, std::ostream& out) { write_all("json", r, o, out); }
void format_sarif(const std::vector<FileReport>& r, const FormatOptions& o, std::ostream& out) { write_all("sarif", r, o, out); }
void format_github(const std::vector<FileReport>& r, const FormatOptions& o, std::ostream& out) { write_all("github", r, o, out); }
void format_junit(const std::vector<FileReport>& r, const FormatOptions& o, std::ostream& out) { write_all("junit", r, o, out); }
void format_gitlab(const std::vector<FileReport>& r, const FormatOptions& o, std::ostream& out) { write_all("gitlab", r, o, out); }

}  // namespace kflint::cli
