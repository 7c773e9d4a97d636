#include "core/suppression.h"

#include "core/diagnostic.h"
#include "core/fix_apply.h"
#include "core/text_util.h"

namespace kflint {

static std::string_view after_hash(std::string_view comment) {
  while (!comment.empty() && comment.front() == '#') comment.remove_prefix(1);
  return trim(comment);
}

bool is_kflint_directive(std::string_view comment) {
  const std::string_view body = after_hash(comment);
  return body.size() >= 6 && iequals(body.substr(0, 6), "kflint") && (body.size() == 6 || body[6] == ':' || body[6] == ' ' || body[6] == '-');
}

SuppressionComment parse_suppression(std::string_view comment, ByteRange range, bool own_line) {
  SuppressionComment s;
  s.range = range;
  s.own_line = own_line;
  std::string_view body = after_hash(comment);
  if (const size_t reason = body.find(" --"); reason != std::string_view::npos) body = trim(body.substr(0, reason));
  const std::string_view prefix = "kflint:";
  if (body.substr(0, prefix.size()) != prefix) {
    s.error = "expected `# kflint: disable=KF301`";
    return s;
  }
  body = trim(body.substr(prefix.size()));
  const std::string_view verb = "disable";
  if (body.substr(0, verb.size()) != verb) {
    s.error = "unknown directive `" + std::string(body.substr(0, body.find_first_of(" =")).substr(0, 40)) +
              "`; the directive is `disable=`";
    return s;
  }
  body = trim(body.substr(verb.size()));
  if (body.empty() || body.front() != '=') {
    s.error = "expected `=` and rule ids after `disable`";
    return s;
  }
  body = trim(body.substr(1));
  std::string list(body);
  for (char& c : list)
    if (c == ' ') c = ',';
  for (const std::string& item : split(list, ',')) {
    const std::string_view t = trim(item);
    if (!t.empty()) s.items.emplace_back(t);
  }
  if (s.items.empty()) s.error = "no rule ids after `disable=`";
  return s;
}

namespace {
constexpr std::string_view kDirective = "# kflint: disable=";
}

TextEdit disable_on_line(const SourceText& text, uint32_t offset, std::string_view id, bool above) {
  const uint32_t line = text.line_of(offset);
  const std::string_view content = text.line_text(line);
  const uint32_t begin = static_cast<uint32_t>(content.data() - text.bytes().data());
  if (const size_t at = content.find(kDirective); at != std::string_view::npos && !above) {
    size_t end = content.find_first_of(" \t", at + kDirective.size());
    if (end == std::string_view::npos) end = content.size();
    return {{begin + static_cast<uint32_t>(end), begin + static_cast<uint32_t>(end)}, "," + std::string(id)};
  }
  if (!above && content.find(" #") == std::string_view::npos && content.find('#') != 0)
    return {{begin + static_cast<uint32_t>(content.size()), begin + static_cast<uint32_t>(content.size())}, "  " + std::string(kDirective) + std::string(id)};
  const size_t indent = content.find_first_not_of(" \t");
  return {{begin, begin}, with_line_breaks_of(text, std::string(content.substr(0, indent == std::string_view::npos ? 0 : indent)) +
                                                    std::string(kDirective) + std::string(id) + "\n")};
}

TextEdit disable_in_document(const SourceText& text, ByteRange span, std::string_view id) {
  uint32_t at = span.start;
  if (text.view().substr(at, 3) == "---") {
    const uint32_t line = text.line_of(at);
    at = line + 1 < text.line_count() ? text.line_start(line + 1) : static_cast<uint32_t>(text.size());
  }
  // A `---` on the last line with no line break after it: the directive needs a line of its own.
  const bool open_line = at == text.size() && at > 0 && text.view().back() != '\n' && text.view().back() != '\r';
  return {{at, at}, with_line_breaks_of(text, (open_line ? "\n" : "") + std::string(kDirective) + std::string(id) + "\n")};
}

}  // namespace kflint
