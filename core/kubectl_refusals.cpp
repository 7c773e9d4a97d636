#include "core/kubectl_refusals.h"

#include <utility>

#include "core/byte_words.h"

namespace kflint {

namespace {

// The length of the white space (Go's unicode.IsSpace) at `s`, 0 if none.
size_t go_space_at(std::string_view s) {
  if (s.empty()) return 0;
  const unsigned char c = static_cast<unsigned char>(s[0]);
  if (c == ' ' || (c >= '\t' && c <= '\r')) return 1;
  if (c == 0xC2 && s.size() > 1 && (static_cast<unsigned char>(s[1]) == 0x85 || static_cast<unsigned char>(s[1]) == 0xA0)) return 2;
  if (s.size() < 3) return 0;
  const unsigned char c1 = static_cast<unsigned char>(s[1]), c2 = static_cast<unsigned char>(s[2]);
  if (c == 0xE1 && c1 == 0x9A && c2 == 0x80) return 3;                                  // U+1680
  if (c == 0xE2 && c1 == 0x80 && (c2 <= 0x8A || c2 == 0xA8 || c2 == 0xA9 || c2 == 0xAF)) return 3;  // U+2000-200A, 2028, 2029, 202F
  if (c == 0xE2 && c1 == 0x81 && c2 == 0x9F) return 3;                                  // U+205F
  if (c == 0xE3 && c1 == 0x80 && c2 == 0x80) return 3;                                  // U+3000
  return 0;
}

// strings.TrimSpace, as kubectl's reader trims what follows `---`.
std::string_view go_trim_space(std::string_view s) {
  while (const size_t n = go_space_at(s)) s.remove_prefix(n);
  for (bool trimmed = true; trimmed && !s.empty();) {
    trimmed = false;
    for (size_t n = 1; n <= 3 && n <= s.size(); ++n)
      if (go_space_at(s.substr(s.size() - n)) == n) {
        s.remove_suffix(n);
        trimmed = true;
        break;
      }
  }
  return s;
}

// NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR: line breaks to go-yaml (YAML 1.1), ordinary
// characters to yaml-cpp and to editors. The offset of the first, if any.
std::optional<std::pair<uint32_t, const char*>> yaml11_line_break(std::string_view text) {
  for (size_t i = 0; i + 1 < text.size(); ++i) {
    if ((i & 7) == 0 && i + 8 <= text.size()) {  // eight ASCII bytes: none of these starts there
      if (!words::any_non_ascii(words::load(text.data() + i))) {
        i += 7;
        continue;
      }
    }
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == 0xC2 && static_cast<unsigned char>(text[i + 1]) == 0x85) return std::pair{static_cast<uint32_t>(i), "U+0085 (NEXT LINE)"};
    if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80) {
      if (static_cast<unsigned char>(text[i + 2]) == 0xA8) return std::pair{static_cast<uint32_t>(i), "U+2028 (LINE SEPARATOR)"};
      if (static_cast<unsigned char>(text[i + 2]) == 0xA9) return std::pair{static_cast<uint32_t>(i), "U+2029 (PARAGRAPH SEPARATOR)"};
    }
  }
  return std::nullopt;
}

// Whether nothing but blank and comment lines come before `line` (where a directive may stand).
bool only_comments_before(std::string_view text, size_t line) {
  for (size_t i = 0; i < line;) {
    size_t end = text.find('\n', i);
    if (end == std::string_view::npos || end > line) end = line;
    const std::string_view l = text.substr(i, end - i);
    const size_t first = l.find_first_not_of(" \t\r");
    if (first != std::string_view::npos && l[first] != '#' && !is_separator_line(l)) return false;  // kubectl's reader drops separators
    i = end + 1;
  }
  return true;
}

}  // namespace

std::optional<Refusal> refused_before_parsing(std::string_view text, bool json) {
  if (const auto bad = find_forbidden_char(text))
    return Refusal{bad->offset, "control characters are not allowed (" + codepoint_name(bad->codepoint) + ")"};
  if (json) return std::nullopt;
  // kflint is stricter than kubectl here, on purpose (docs/agreement.md): kubectl reads the line
  // as two, which changes the manifest's meaning without a visible sign in any editor.
  if (const auto lb = yaml11_line_break(text))
    return Refusal{lb->first, std::string(lb->second) + " is a line break to kubectl's YAML reader (YAML 1.1), so this line is read as two; "
                              "remove it, or write it as an escape in a double-quoted string"};
  for (size_t line = 0; line < text.size();) {
    size_t end = text.find('\n', line);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view l = text.substr(line, end - line);
    // go-yaml: a `...` with no document before it (kubectl's reader dropped the `---` lines).
    if (l.substr(0, 3) == "..." && go_trim_space(l.substr(3)).empty() && only_comments_before(text, line))
      return Refusal{static_cast<uint32_t>(line), "did not find expected node content: `...` ends a document, and none started before it"};
    // The reader splits a directive from its document at `---` (unless the lines end in lone CRs,
    // which the reader does not split at).
    if (!l.empty() && l[0] == '%' && only_comments_before(text, line) && text.find("\r---", line) == std::string_view::npos)
      return Refusal{static_cast<uint32_t>(line), "did not find expected <document start>: kubectl's reader splits a `%` directive from the "
                                                  "document after `---`; remove the directive"};
    if (l.substr(0, 3) == "---") {
      const std::string_view rest = go_trim_space(l.substr(3));
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

// A word alone on a line of a block mapping (`b` after `a: 1`, a file cut in the middle of a
// key): yaml-cpp reads it as a key with a null value; go-yaml says "could not find expected ':'".
// The offset of the first plain key of a block mapping with no `:` after it on its line.
std::optional<uint32_t> key_without_colon(const Document& doc) {
  const std::string& b = doc.source().bytes();
  const uint32_t end = doc.span().end;
  const ValueTree& v = doc.values;
  for (NodeId id = 0; id < v.size(); ++id) {
    const Node& map = v.at(id);
    if (map.kind != Kind::Map || map.start >= end || b[map.start] == '{') continue;  // flow maps may have keys without values
    for (const MapEntry& e : map.entries) {
      const Node& key = v.at(e.key);
      if (key.style != ScalarStyle::Plain || key.start >= end || key.text.empty()) continue;
      if (key.start >= 2 && b[key.start - 2] == '?' && b[key.start - 1] == ' ') continue;  // an explicit `? key`
      if (b[key.start] == '?' || b[key.start] == '*' || b[key.start] == '&' || b[key.start] == '!') continue;
      bool colon = false;
      for (uint32_t i = key.start; i < end && b[i] != '\n' && b[i] != '\r'; ++i)
        if (b[i] == ':' && (i + 1 >= end || b[i + 1] == ' ' || b[i + 1] == '\t' || b[i + 1] == '\n' || b[i + 1] == '\r')) {
          colon = true;
          break;
        }
      if (!colon) return key.start;
    }
  }
  return std::nullopt;
}

// A tab in the blanks that begin a line of block YAML (a stray tab on an empty line, a line
// indented with a tab that yaml-cpp happens to accept): go-yaml (kubectl) says "found character
// that cannot start any token", since tabs may not indent. Block scalars may hold such lines as
// content, so a document with one is not checked; neither are lines inside a flow collection.
std::optional<uint32_t> tab_on_blank_line(const Document& doc) {
  const ValueTree& v = doc.values;
  for (NodeId id = 0; id < v.size(); ++id)
    if (v.at(id).style == ScalarStyle::Block) return std::nullopt;
  std::string_view text = doc.source().view().substr(doc.span().start, doc.span().end - doc.span().start);
  // go-yaml stops reading at the first line indented less than an indented top level (after
  // scanning that line's first token).
  if (const auto dropped = dropped_after_indented_root(text)) text = text.substr(0, text.find('\n', *dropped));
  int flow_depth = 0;  // a tab inside a flow collection that spans lines is white space to go-yaml
  for (size_t line = 0; line < text.size();) {
    size_t end = text.find('\n', line);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view l = text.substr(line, end - line);
    const size_t first = l.find_first_not_of(" \t\r");
    const std::string_view blanks = l.substr(0, first == std::string_view::npos ? l.size() : first);
    if (flow_depth == 0 && blanks.find('\t') != std::string_view::npos)
      return doc.span().start + static_cast<uint32_t>(line + blanks.find('\t'));
    for (size_t i = first == std::string_view::npos ? l.size() : first; i < l.size(); ++i) {
      if (l[i] == '#' && (i == 0 || l[i - 1] == ' ' || l[i - 1] == '\t')) break;
      if (l[i] == '"' || l[i] == '\'') {  // quoted text on this line: its brackets are not structure
        const size_t close = l.find(l[i], i + 1);
        if (close == std::string_view::npos) break;
        i = close;
        continue;
      }
      if (l[i] == '[' || l[i] == '{') ++flow_depth;
      if ((l[i] == ']' || l[i] == '}') && flow_depth > 0) --flow_depth;
    }
    line = end + 1;
  }
  return std::nullopt;
}

// A line at the column of a block sequence at the top level that is not an item (`- a` then
// `b: 1`): yaml-cpp reads the sequence and stops without a word; go-yaml says "did not find
// expected '-' indicator". Lines indented less end the document for both (KF008's case).
std::optional<uint32_t> sequence_root_continued(const Document& doc) {
  const ValueTree& v = doc.values;
  if (doc.empty() || v.at(v.root).kind != Kind::Seq) return std::nullopt;
  const SourceText& s = doc.source();
  const uint32_t start = v.at(v.root).start;
  if (start >= s.size() || s.bytes()[start] != '-') return std::nullopt;  // a flow sequence
  const uint32_t first_line = s.line_of(start);
  const uint32_t column = start - s.line_start(first_line);
  for (uint32_t line = first_line + 1; line < s.line_count() && s.line_start(line) < doc.span().end; ++line) {
    const std::string_view l = s.line_text(line);
    const size_t indent = l.find_first_not_of(' ');
    if (indent == std::string_view::npos || l[indent] == '#' || l[indent] == '\r') continue;
    if (indent < column) return std::nullopt;
    if (indent > column) continue;
    const std::string_view rest = l.substr(indent);
    const bool item = rest[0] == '-' && (rest.size() == 1 || rest[1] == ' ' || rest[1] == '\t' || rest[1] == '\r');
    if (!item && !is_separator_line(rest) && rest.substr(0, 3) != "...") return s.line_start(line) + static_cast<uint32_t>(indent);
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
  // kubectl's reader drops the separator line; go-yaml never sees it (`---` followed by a
  // non-breaking space or `#` is a separator to the reader, not to YAML). Blanks keep offsets.
  const std::string_view first = std::string_view(out).substr(0, out.find('\n'));
  const bool plain_marker = first.size() == 3 || (first.size() > 3 && (first[3] == ' ' || first[3] == '\t' || first[3] == '\r'));
  if (is_separator_line(first) && !plain_marker)
    for (size_t i = 0; i < out.size() && out[i] != '\n'; ++i)
      if (out[i] != '\r') out[i] = ' ';
  return out;
}

bool is_separator_line(std::string_view line) {
  if (line.substr(0, 3) != "---") return false;
  const std::string_view rest = go_trim_space(line.substr(3));
  return rest.empty() || rest.front() == '#';
}

}  // namespace kflint
