// `--format junit`: one test case per file (failing when it has findings at or above warning,
// with every finding in the failure body), as GitLab and Jenkins read JUnit XML.
#include "cli/formatters/formatters.h"
#include "core/rule_info.h"

namespace kflint::cli {
namespace {

std::string xml_escape(std::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') out += ' ';  // illegal in XML 1.0
        else out += static_cast<char>(c);
    }
  }
  return out;
}

}  // namespace

void format_junit(const std::vector<FileReport>& reports, const FormatOptions&, std::ostream& out) {
  size_t failures = 0;
  for (const FileReport& r : reports) failures += r.diagnostics.empty() ? 0 : 1;
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << "<testsuites name=\"kflint\" tests=\"" << reports.size() << "\" failures=\"" << failures << "\">\n";
  out << "  <testsuite name=\"kflint\" tests=\"" << reports.size() << "\" failures=\"" << failures << "\" errors=\"0\">\n";
  for (const FileReport& r : reports) {
    out << "    <testcase classname=\"kflint\" name=\"" << xml_escape(r.display) << "\" file=\"" << xml_escape(r.display) << "\"";
    if (r.diagnostics.empty()) {
      out << "/>\n";
      continue;
    }
    out << ">\n      <failure message=\"" << r.diagnostics.size() << " problem" << (r.diagnostics.size() == 1 ? "" : "s") << "\" type=\"kflint\">";
    for (const Diagnostic& d : r.diagnostics) {
      const LineCol lc = line_col(*r.source, d.range.start);
      out << xml_escape(r.display + ":" + std::to_string(lc.line) + ":" + std::to_string(lc.column) + ": " + severity_name(d.severity) + ": " +
                        d.message + " [" + std::string(d.rule->id) + " " + std::string(d.rule->slug) + "]")
          << "\n";
    }
    out << "</failure>\n    </testcase>\n";
  }
  out << "  </testsuite>\n</testsuites>\n";
}

}  // namespace kflint::cli
