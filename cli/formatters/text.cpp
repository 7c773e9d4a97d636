#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <random>

#include "cli/formatters/formatters.h"
#include "cli/formatters/reporter_classes.h"
#include "core/rule_info.h"

namespace kflint::cli {

LineCol line_col(const SourceText& source, uint32_t offset) {
  const Position p = source.position(offset);
  return {p.line + 1, p.column_chars + 1};
}

LineCol end_line_col(const SourceText& source, ByteRange range) {
  return line_col(source, std::max(range.end, range.start));
}

std::string line_start_name(std::string_view display) {
  std::string out = terminal_safe(display);
  const size_t visible = out.find_first_not_of(" \t");
  if (visible != std::string::npos && out[visible] == ':') out.insert(0, "./");
  return out;
}

std::string commands_stopped(std::string text) {
  const char* gha = std::getenv("GITHUB_ACTIONS");
  if (!gha || std::string_view(gha) != "true" || text.empty()) return text;
  std::random_device random;
  char token[33];
  std::snprintf(token, sizeof token, "kflint-%08x%08x%08x", random(), random(), random());
  return "::stop-commands::" + std::string(token) + "\n" + text + (text.back() == '\n' ? "" : "\n") + "::" + token + "::\n";
}

std::string terminal_safe(std::string_view text, bool keep_line_breaks) {
  static const char* const kHex = "0123456789abcdef";
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    const bool line_break = c == '\n' || (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n');
    if (((c < 0x20 && c != '\t') || c == 0x7F) && !(keep_line_breaks && line_break)) {
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
      ++i;
      continue;
    }
    if (c < 0x80) {
      out += static_cast<char>(c);
      ++i;
      continue;
    }
    const size_t len = static_cast<size_t>(utf8_sequence_length(c));
    bool valid = len > 1 && i + len <= text.size();
    for (size_t k = 1; valid && k < len; ++k) valid = (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
    if (!valid) {
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
      ++i;
      continue;
    }
    const unsigned char c1 = static_cast<unsigned char>(text[i + 1]);
    if (c == 0xC2 && c1 >= 0x80 && c1 <= 0x9F) {  // C1 controls, CSI (U+009B) among them
      out += "\\u00";
      out += kHex[c1 >> 4];
      out += kHex[c1 & 0xF];
    } else {
      out.append(text.substr(i, len));
    }
    i += len;
  }
  return out;
}

namespace {

const char* color_of(Severity s) {
  switch (s) {
    case Severity::Error: return "\033[1;31m";
    case Severity::Warning: return "\033[1;33m";
    case Severity::Info: return "\033[1;36m";
    case Severity::Hint: return "\033[1;34m";
  }
  return "";
}

std::string plural(size_t n, const char* word) { return std::to_string(n) + " " + word + (n == 1 ? "" : "s"); }

// The source line with the range underlined (tabs kept so the caret lines up).
void print_excerpt(const SourceText& src, const Diagnostic& d, bool color, std::ostream& out) {
  const Position start = src.position(d.range.start);
  const std::string_view line = src.line_text(start.line);
  if (line.size() > 300) return;  // a minified or generated line: the position says enough
  const std::string number = std::to_string(start.line + 1);
  const std::string gutter(number.size(), ' ');
  out << " " << number << " | " << terminal_safe(line) << "\n";
  std::string marker;
  const uint32_t line_begin = static_cast<uint32_t>(line.data() - src.bytes().data());
  for (uint32_t i = line_begin; i < d.range.start;) {
    const unsigned char c = static_cast<unsigned char>(src.bytes()[i]);
    const uint32_t len = static_cast<uint32_t>(utf8_sequence_length(c));
    // As wide as what terminal_safe() printed for this character.
    if (c == '\t') {
      marker += '\t';
    } else {  // one column per character, or as wide as its visible escape
      const size_t escaped = terminal_safe(src.view().substr(i, len)).size();
      marker.append(escaped > len ? escaped : 1, ' ');
    }
    i += len;
  }
  const uint32_t line_end = line_begin + static_cast<uint32_t>(line.size());
  const uint32_t end = std::min(std::max(d.range.end, d.range.start + 1), std::max(line_end, d.range.start + 1));
  std::string carets;
  for (uint32_t i = d.range.start; i < end;) {
    carets += '^';
    i += i < src.size() ? static_cast<uint32_t>(utf8_sequence_length(static_cast<unsigned char>(src.bytes()[i]))) : 1;
  }
  out << " " << gutter << " | " << marker << (color ? color_of(d.severity) : "") << carets << (color ? "\033[0m" : "") << "\n";
}

}  // namespace

void TextReporter::file(const FileReport& r) {
  std::ostream& out = out_;
  const bool color = options_.color;
  if (options_.verbose)
    for (const std::string& s : r.skipped) out << line_start_name(r.display) << ": skipped " << terminal_safe(s) << "\n";
  if (options_.verbose)
    for (const std::string& s : r.notes) out << line_start_name(r.display) << ": " << terminal_safe(s) << "\n";
  if (!r.diff.empty()) out << commands_stopped(terminal_safe(r.diff, true));
  for (const std::string& refused : r.fixes_refused) out << line_start_name(r.display) << ":" << terminal_safe(refused) << "\n";
  for (const Diagnostic& d : r.diagnostics) {
    const LineCol lc = line_col(*r.source, d.range.start);
    out << (color ? "\033[1m" : "") << line_start_name(r.display) << ":" << lc.line << ":" << lc.column << ":" << (color ? "\033[0m" : "") << " "
        << (color ? color_of(d.severity) : "") << severity_name(d.severity) << (color ? "\033[0m" : "") << ": " << terminal_safe(d.message) << " ["
        << d.rule->id << " " << d.rule->slug << "]\n";
    if (options_.show_source && !r.input_error) print_excerpt(*r.source, d, color, out);
    for (const RelatedLocation& rel : d.related) {
      const LineCol rl = line_col(*r.source, rel.range.start);
      out << "    " << line_start_name(r.display) << ":" << rl.line << ":" << rl.column << ": note: " << terminal_safe(rel.message) << "\n";
    }
    for (const Fix& f : d.fixes)
      if (f.applicability != Applicability::DisplayOnly) out << "    fix (" << applicability_name(f.applicability) << "): " << terminal_safe(f.title) << "\n";
  }
}

namespace {
// "3 jobs, 1 embedded": how many of them were inside a Katib Experiment or an Argo manifest.
std::string jobs_text(const Summary& s) { return plural(s.jobs, "job") + (s.embedded ? ", " + std::to_string(s.embedded) + " embedded" : ""); }
}  // namespace

void TextReporter::finish(const Summary& s) {
  std::ostream& out = out_;
  const size_t problems = s.errors + s.warnings + s.infos + s.hints;
  if (s.fixed) out << "Fixed " << plural(s.fixed, "problem") << ".\n";
  if (s.not_checked) out << plural(s.not_checked, "file") << " not checked: the configuration is invalid (see above).\n";
  if (s.templates)
    out << (s.templates == 1 ? "1 file is a Go/Helm template" : std::to_string(s.templates) + " files are Go/Helm templates")
        << ", not linted until rendered (`helm template . | kflint check -`).\n";
  if (s.unread)
    out << "Not linted: " << (s.unread == 1 ? "1 document is" : std::to_string(s.unread) + " documents are")
        << " not YAML kflint can read, in files that do not mention Kubeflow (`-v` says where).\n";
  if (problems == 0 && (s.not_checked || s.templates || s.unread)) {
    out << "Checked " << plural(s.files, "file") << " (" << jobs_text(s) << ").\n";  // never "no problems" over files not read
  } else if (problems == 0) {
    out << "No problems found in " << plural(s.files, "file") << " (" << jobs_text(s) << ").\n";
  } else {
    out << "Found " << plural(s.errors, "error") << ", " << plural(s.warnings, "warning");
    if (s.infos) out << ", " << s.infos << " info";
    if (s.hints) out << ", " << plural(s.hints, "hint");
    out << " in " << plural(s.files, "file") << " (" << jobs_text(s) << ").\n";
  }
}

}  // namespace kflint::cli
