// `--format junit`: one test case per file (failing when it has findings at or above warning,
// with every finding in the failure body), as GitLab and Jenkins read JUnit XML.
#include "cli/formatters/formatters.h"
#include "cli/formatters/reporter_classes.h"
#include "core/rule_info.h"

namespace kflint::cli {
namespace {

// Escapes markup and replaces what XML 1.0 forbids (C0 controls but tab, LF and CR; U+FFFE and
// U+FFFF; invalid UTF-8) with U+FFFD, so the report always parses.
std::string xml_escape(std::string_view s) {
  static const std::string kReplacement = "\xEF\xBF\xBD";
  std::string out;
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    switch (c) {
      case '&': out += "&amp;"; ++i; continue;
      case '<': out += "&lt;"; ++i; continue;
      case '>': out += "&gt;"; ++i; continue;
      case '"': out += "&quot;"; ++i; continue;
      case '\'': out += "&apos;"; ++i; continue;
      default: break;
    }
    if (c < 0x80) {
      // Line breaks as character references: a name or value never breaks a line of the report
      // (a parser reads them back; a CI log shows one line per finding).
      if (c == '\n') out += "&#10;";
      else if (c == '\r') out += "&#13;";
      else if (c < 0x20 && c != '\t') out += kReplacement;
      else out += static_cast<char>(c);
      ++i;
      continue;
    }
    const size_t len = static_cast<size_t>(utf8_sequence_length(c));
    bool valid = len > 1 && i + len <= s.size();
    for (size_t k = 1; valid && k < len; ++k) valid = (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
    const bool forbidden = valid && len == 3 &&
                           ((c == 0xEF && static_cast<unsigned char>(s[i + 1]) == 0xBF && static_cast<unsigned char>(s[i + 2]) >= 0xBE) ||
                            (c == 0xED && static_cast<unsigned char>(s[i + 1]) >= 0xA0));  // U+FFFE, U+FFFF, surrogates
    if (forbidden) {
      out += kReplacement;
      i += len;
      continue;
    }
    if (!valid) {
      out += kReplacement;
      ++i;
      continue;
    }
    out.append(s.substr(i, len));
    i += len;
  }
  return out;
}

}  // namespace

void JunitReporter::file(const FileReport& r) {
  ++files_;
  std::string& out = cases_;
  out += "    <testcase classname=\"kflint\" name=\"" + xml_escape(r.display) + "\" file=\"" + xml_escape(r.display) + "\"";
  if (r.diagnostics.empty()) {
    out += "/>\n";
    return;
  }
  ++failures_;
  out += ">\n      <failure message=\"" + std::to_string(r.diagnostics.size()) + " problem" + (r.diagnostics.size() == 1 ? "" : "s") + "\" type=\"kflint\">";
  for (const Diagnostic& d : r.diagnostics) {
    const LineCol lc = line_col(*r.source, d.range.start);
    // One line per finding: names and messages with their control characters escaped, so that no
    // value can start a line of its own (a GitHub runner reads "::..." lines as commands).
    out += xml_escape(line_start_name(r.display) + ":" + std::to_string(lc.line) + ":" + std::to_string(lc.column) + ": " + severity_name(d.severity) + ": " + terminal_safe(d.message) +
                      " [" + std::string(d.rule->id) + " " + std::string(d.rule->slug) + "]") +
           "\n";
  }
  out += "</failure>\n    </testcase>\n";
}

void JunitReporter::finish(const Summary&) {
  out_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out_ << "<testsuites name=\"kflint\" tests=\"" << files_ << "\" failures=\"" << failures_ << "\">\n";
  out_ << "  <testsuite name=\"kflint\" tests=\"" << files_ << "\" failures=\"" << failures_ << "\" errors=\"0\">\n";
  out_ << cases_;
  out_ << "  </testsuite>\n</testsuites>\n";
}

}  // namespace kflint::cli
