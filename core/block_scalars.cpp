#include "core/block_scalars.h"

#include <algorithm>
#include <iterator>
#include <utility>

namespace kflint {

namespace {
// The escapes the fast reader decodes itself (letter, character); \x, \u, \U, \N, \_, \L, \P
// and line continuations are left to yaml-cpp.
constexpr std::pair<char, char> kEscapes[] = {{'\\', '\\'}, {'"', '"'},  {'/', '/'},    {'n', '\n'}, {'t', '\t'},
                                              {'r', '\r'},   {'0', '\0'}, {'a', '\a'},   {'b', '\b'}, {'e', '\x1b'},
                                              {'f', '\f'},   {'v', '\v'}, {' ', ' '}};
}  // namespace

std::optional<QuotedText> read_double_quoted(std::string_view s, size_t at) {
  QuotedText out;
  size_t q = at + 1;
  for (;; ++q) {
    if (q >= s.size() || s[q] == '\n') return std::nullopt;  // multi-line: yaml-cpp folds the lines
    const char c = s[q];
    if (c == '"') break;
    if (c != '\\') {
      out.text += c;
      continue;
    }
    if (++q >= s.size()) return std::nullopt;
    const auto* escape = std::find_if(std::begin(kEscapes), std::end(kEscapes), [&](const auto& e) { return e.first == s[q]; });
    if (escape == std::end(kEscapes)) return std::nullopt;
    out.text += escape->second;
  }
  out.end = q + 1;
  return out;
}

std::optional<QuotedText> read_single_quoted(std::string_view s, size_t at) {
  QuotedText out;
  size_t q = at + 1;
  for (;; ++q) {
    if (q >= s.size() || s[q] == '\n') return std::nullopt;
    if (s[q] == '\'') {
      if (q + 1 < s.size() && s[q + 1] == '\'') {
        out.text += '\'';
        ++q;
        continue;
      }
      break;
    }
    out.text += s[q];
  }
  out.end = q + 1;
  return out;
}

std::optional<LiteralBody> read_literal_body(std::string_view s, size_t first_line, char chomp, int64_t owner) {
  const size_t n = s.size();
  const auto spaces_at = [&](size_t p) { return std::min(s.find_first_not_of(' ', p), n) - p; };
  size_t line = first_line;
  while (line < n && s[line] == '\n') ++line;  // leading empty lines
  const size_t indent = line < n ? spaces_at(line) : 0;
  if (line >= n || indent == 0 || static_cast<int64_t>(indent) <= owner || line + indent >= n || s[line + indent] == '\n')
    return std::nullopt;
  LiteralBody out{std::string(line - first_line, '\n'), 0, 0};
  while (line < n) {
    const size_t e = std::min(s.find('\n', line), n);
    if (e == n) return std::nullopt;  // no final line break: yaml-cpp's business
    if (e == line) {  // an empty line: part of the scalar unless the scalar ends here
      out.text += '\n';
      line = e + 1;
      continue;
    }
    const size_t spaces = spaces_at(line);
    if (line + spaces >= e) return std::nullopt;  // a line of only spaces
    if (spaces < indent) break;
    out.text.append(s.data() + line + indent, e - line - indent);
    out.text += '\n';
    out.last_content_end = e;
    line = e + 1;
  }
  // `line` is the first line after the scalar; trailing empty lines are in the text so far.
  size_t content = out.text.size();
  while (content > 0 && out.text[content - 1] == '\n') --content;
  const size_t breaks = out.text.size() - content;
  if (chomp == '-') out.text.resize(content);
  else if (chomp == ' ') out.text.resize(content + std::min<size_t>(breaks, 1));
  out.next_line = line;
  return out;
}

}  // namespace kflint
