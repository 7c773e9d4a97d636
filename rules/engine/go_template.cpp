#include "rules/engine/go_template.h"

#include <algorithm>
#include <array>

#include "rules/engine/engine_rules.h"

namespace kflint {
namespace {

bool identifier_char(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'; }

// Whether the action's body (after `{{`) is Go-template syntax rather than an Argo variable
// (`{{inputs.parameters.x}}`, `{{workflow.name}}`, `{{=expression}}`).
bool go_syntax(std::string_view body) {
  size_t i = 0;
  if (i < body.size() && body[i] == '-') ++i;  // `{{-` trims the whitespace before it
  while (i < body.size() && body[i] == ' ') ++i;
  if (i >= body.size()) return false;
  const char c = body[i];
  if (c == '.' || c == '$' || c == '/' || c == '"' || c == '`' || c == '(') return true;
  size_t end = i;
  while (end < body.size() && identifier_char(body[end])) ++end;
  const std::string_view word = body.substr(i, end - i);
  static constexpr std::array<std::string_view, 17> kGo = {"if",      "else",  "end",    "range", "with",     "define", "template", "block", "include",
                                                           "toYaml", "tpl",   "printf", "quote", "required", "default", "nindent", "indent"};
  for (std::string_view k : kGo)
    if (word == k && (end >= body.size() || !identifier_char(body[end]))) return true;
  return false;
}

bool argo_document(std::string_view text) {
  for (size_t at = text.find("apiVersion:"); at != std::string_view::npos; at = text.find("apiVersion:", at + 1)) {
    if (at > 0 && text[at - 1] != '\n') continue;  // the document's own apiVersion, at column 0
    size_t v = at + 11;
    while (v < text.size() && text[v] == ' ') ++v;
    if (v < text.size() && (text[v] == '"' || text[v] == '\'')) ++v;
    return text.compare(v, 12, "argoproj.io/") == 0;
  }
  return false;
}

}  // namespace

std::optional<ByteRange> go_template_action(std::string_view text) {
  if (text.find("{{") == std::string_view::npos) return std::nullopt;
  const bool argo = argo_document(text);
  size_t line = 0;
  while (line < text.size()) {
    size_t end = text.find('\n', line);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view l = text.substr(line, end - line);
    for (size_t at = l.find("{{"); at != std::string_view::npos; at = l.find("{{", at + 2)) {
      // In a comment (`#` at the start or after a blank) the action is not rendered into YAML.
      bool comment = false;
      for (size_t h = l.find('#'); h != std::string_view::npos && h < at && !comment; h = l.find('#', h + 1))
        comment = h == 0 || l[h - 1] == ' ' || l[h - 1] == '\t';
      if (comment) break;
      const size_t close = l.find("}}", at + 2);
      const std::string_view body = l.substr(at + 2, close == std::string_view::npos ? std::string_view::npos : close - at - 2);
      if (argo && !go_syntax(body)) continue;
      const size_t stop = close == std::string_view::npos ? l.size() : close + 2;
      return ByteRange{static_cast<uint32_t>(line + at), static_cast<uint32_t>(line + stop)};
    }
    line = end + 1;
  }
  return std::nullopt;
}

Diagnostic go_template_notice(std::string_view text, ByteRange action, uint32_t document) {
  size_t shown = std::min<size_t>(action.end - action.start, 60);
  while (shown < action.end - action.start && (static_cast<unsigned char>(text[action.start + shown]) & 0xC0) == 0x80) --shown;  // whole characters
  return engine_diagnostic(engine_rules::go_template(), action,
                           "this file is a Go/Helm template (`" + std::string(text.substr(action.start, shown)) +
                               "`): its values exist only once it is rendered, so kflint lints the rendered output, e.g. "
                               "`helm template . | kflint check -`",
                           document);
}

}  // namespace kflint
