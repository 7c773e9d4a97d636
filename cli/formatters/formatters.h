#pragma once
// One reporter per output format. A report is written as the files come in (in input order) and
// each file is dropped once written, so memory is one file's findings, never the whole input nor
// the whole report (SARIF and JSON of 1.7 million findings used to build one 3.8 GB tree).

#include <memory>
#include <ostream>
#include <string_view>
#include <vector>

#include "cli/report.h"

namespace kflint::cli {

class Reporter {
 public:
  virtual ~Reporter() = default;
  virtual void file(const FileReport& report) = 0;  // the file's source is alive during the call
  virtual void finish(const Summary& summary) = 0;
};

// nullptr for an unknown format name.
std::unique_ptr<Reporter> make_reporter(std::string_view format, const FormatOptions& options, std::ostream& out);
// Adds one file to the totals the summary lines print.
void add_to_summary(Summary& summary, const FileReport& report);

// The whole report for files already linted (tests, fuzzers).
void format_text(const std::vector<FileReport>& reports, const FormatOptions& options, std::ostream& out);
void format_json(const std::vector<FileReport>& reports, const FormatOptions& options, std::ostream& out);
void format_sarif(const std::vector<FileReport>& reports, const FormatOptions& options, std::ostream& out);
void format_github(const std::vector<FileReport>& reports, const FormatOptions& options, std::ostream& out);
void format_junit(const std::vector<FileReport>& reports, const FormatOptions& options, std::ostream& out);
void format_gitlab(const std::vector<FileReport>& reports, const FormatOptions& options, std::ostream& out);

// Text from a manifest made safe for a terminal or a CI log: C0 and C1 control characters (ESC,
// OSC, BEL, CSI...) and DEL become visible escapes (`\x1b`, `\u009b`), invalid UTF-8 `\xff`;
// tabs stay. Every human-readable format passes messages, names and excerpts through it.
std::string terminal_safe(std::string_view text, bool keep_line_breaks = false);
// A file's name as the first thing on an output line: terminal_safe, and "./" before a name whose
// first visible character is ':' (the same file), so that no line can start with "::", which a
// GitHub Actions runner reads as a workflow command (`::add-mask::`, `::error::`, ...).
std::string line_start_name(std::string_view display);
// Text that is printed as whole lines of its own (a --diff): under GitHub Actions, wrapped in
// `::stop-commands::TOKEN` ... `::TOKEN::`, so that no line of it is read as a workflow command.
std::string commands_stopped(std::string text);

// 1-based line and character column of a byte offset, as every text-like format prints them.
struct LineCol {
  uint32_t line, column;
};
LineCol line_col(const SourceText& source, uint32_t offset);
// The end position of a range for display: never before the start.
LineCol end_line_col(const SourceText& source, ByteRange range);

}  // namespace kflint::cli
