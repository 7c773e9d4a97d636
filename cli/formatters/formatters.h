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

// 1-based line and character column of a byte offset, as every text-like format prints them.
struct LineCol {
  uint32_t line, column;
};
LineCol line_col(const SourceText& source, uint32_t offset);
// The end position of a range for display: never before the start.
LineCol end_line_col(const SourceText& source, ByteRange range);

}  // namespace kflint::cli
