#include "core/kubectl_refusals.h"

namespace kflint {

std::optional<Refusal> refused_before_parsing(std::string_view text) {
  if (const auto bad = find_forbidden_char(text))
    return Refusal{bad->offset, "control characters are not allowed (" + codepoint_name(bad->codepoint) + ")"};
  for (size_t line = 0; line < text.size();) {
    size_t end = text.find('\n', line);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view l = text.substr(line, end - line);
    if (l.substr(0, 3) == "---") {
      std::string_view rest = l.substr(3);
      while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t')) rest.remove_prefix(1);
      while (!rest.empty() && (rest.back() == ' ' || rest.back() == '\t' || rest.back() == '\r')) rest.remove_suffix(1);
      if (!rest.empty() && rest.front() != '#')
        return Refusal{static_cast<uint32_t>(line), "invalid Yaml document separator: " + std::string(rest) +
                                                        " (kubectl allows only spaces or a comment after `---`)"};
    }
    line = end + 1;
  }
  return std::nullopt;
}

// The nesting limit, applied to the bytes before yaml-cpp sees them: its scanner looks ahead
// over a whole run of `[` or `{` (any of them might start a key), so ten million of them cost
// gigabytes before the first event reaches the builder's own depth check. Brackets inside quotes
// and comments do not count; block nesting is checked by the builder as events arrive.
std::optional<uint32_t> flow_too_deep(std::string_view text, uint32_t max_depth) {
  uint32_t depth = 0;
  char quote = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quote) {
      if (c == '\\' && quote == '"') ++i;
      else if (c == quote) quote = 0;
      continue;
    }
    switch (c) {
      case '"':
      case '\'':
        if (i == 0 || text[i - 1] == ' ' || text[i - 1] == '[' || text[i - 1] == '{' || text[i - 1] == ',' || text[i - 1] == ':' || text[i - 1] == '\n')
          quote = c;
        break;
      case '#':
        if (i == 0 || text[i - 1] == ' ' || text[i - 1] == '\t' || text[i - 1] == '\n')
          while (i + 1 < text.size() && text[i + 1] != '\n') ++i;
        break;
      case '[':
      case '{':
        if (++depth > max_depth) return static_cast<uint32_t>(i);
        break;
      case ']':
      case '}':
        if (depth > 0) --depth;
        break;
      default: break;
    }
  }
  return std::nullopt;
}

// A quoted scalar whose closing quote never comes: yaml-cpp reads `cpu: "1` on the last line as
// the string `"1`; go-yaml (kubectl) says "found unexpected end of stream". The offset of the
// opening quote, if any.
std::optional<uint32_t> unterminated_quote(const Document& doc) {
  const std::string& b = doc.source().bytes();
  const uint32_t end = doc.span().end;
  for (NodeId id = 0; id < doc.values.size(); ++id) {
    const Node& n = doc.values.at(id);
    if (n.style != ScalarStyle::Quoted) continue;
    uint32_t i = n.start;
    while (i < end && (b[i] == '&' || b[i] == '!')) {  // an anchor or tag before the scalar
      while (i < end && b[i] != ' ' && b[i] != '\n') ++i;
      while (i < end && b[i] == ' ') ++i;
    }
    if (i >= end || (b[i] != '"' && b[i] != '\'')) continue;
    const char quote = b[i];
    uint32_t j = i + 1;
    for (; j < end; ++j) {
      if (quote == '"' && b[j] == '\\') ++j;
      else if (b[j] == quote && !(quote == '\'' && j + 1 < end && b[j + 1] == '\'' && ++j)) break;
    }
    if (j >= end) return i;
  }
  return std::nullopt;
}

std::optional<uint32_t> content_after_flow_root(std::string_view text) {
  size_t i = 0;
  auto skip_blank_and_comments = [&] {
    for (;;) {
      while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r')) ++i;
      if (i < text.size() && text[i] == '#') {
        while (i < text.size() && text[i] != '\n') ++i;
        continue;
      }
      if (text.substr(i, 3) == "---" || text.substr(i, 3) == "...") {  // markers of this document
        while (i < text.size() && text[i] != '\n') ++i;
        continue;
      }
      return;
    }
  };
  skip_blank_and_comments();
  if (i >= text.size() || (text[i] != '{' && text[i] != '[')) return std::nullopt;
  int depth = 0;
  char quote = 0;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (quote) {
      if (c == '\\' && quote == '"') ++i;
      else if (c == quote) quote = 0;
      continue;
    }
    if (c == '"' || c == '\'') quote = c;
    else if (c == '{' || c == '[') ++depth;
    else if ((c == '}' || c == ']') && --depth == 0) break;
  }
  if (i >= text.size()) return std::nullopt;
  ++i;
  skip_blank_and_comments();
  if (i < text.size()) return static_cast<uint32_t>(i);
  return std::nullopt;
}

std::optional<uint32_t> dropped_after_indented_root(std::string_view text) {
  size_t indent = std::string_view::npos;  // of the first content line
  for (size_t line = 0; line < text.size();) {
    size_t end = text.find('\n', line);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view l = text.substr(line, end - line);
    const size_t first = l.find_first_not_of(" ");
    const bool blank = first == std::string_view::npos || l[first] == '#' || l[first] == '\r';
    const bool marker = l.substr(0, 3) == "---" || l.substr(0, 3) == "...";
    if (!blank && !marker) {
      if (indent == std::string_view::npos) {
        if (first == 0 || l[first] == '{' || l[first] == '[' || l[first] == '"' || l[first] == '\'') return std::nullopt;
        indent = first;
      } else if (first < indent) {
        return static_cast<uint32_t>(line);
      }
    }
    line = end + 1;
  }
  return std::nullopt;
}

std::string lone_cr_as_lf(std::string_view text) {
  std::string out(text);
  for (size_t i = 0; i < out.size(); ++i)
    if (out[i] == '\r' && (i + 1 >= out.size() || out[i + 1] != '\n')) out[i] = '\n';
  return out;
}

}  // namespace kflint
