#pragma once
// One function per output format; each writes the whole report for all files.

#include <ostream>
#include <string_view>
#include <vector>

#include "cli/report.h"

namespace kflint::cli {

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

// 1-based line and character column of a byte offset, as every text-like format prints them.
struct LineCol {
  uint32_t line, column;
};
LineCol line_col(const SourceText& source, uint32_t offset);
// The end position of a range for display: never before the start.
LineCol end_line_col(const SourceText& source, ByteRange range);

}  // namespace kflint::cli
