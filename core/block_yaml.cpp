// The fast reader for the block-YAML subset manifests are written in. yaml-cpp's scanner costs
// ~1,300 instructions per byte (docs/performance.md); this reader a small fraction of that. It
// must build exactly the tree yaml-cpp's events would (same nodes, texts, styles and start
// offsets, including where yaml-cpp places an empty value: at the next token), so the moment it
// meets anything it does not handle exactly, it gives up and yaml-cpp reads the document. The
// two readers are compared on every fixture, example and benchmark document
// (tests/block_yaml_test.cpp) and by the yaml_values fuzzer on arbitrary input.

#include <cstring>
#include <string>
#include <string_view>

#include "core/block_scalars.h"
#include "core/tree_builder.h"

namespace kflint {
namespace {

struct OutsideSubset {};

bool is_null_word(std::string_view t) { return t == "~" || t == "null" || t == "Null" || t == "NULL"; }

class BlockReader {
 public:
  BlockReader(std::string_view text, uint32_t base, TreeBuilder& b) : s_(text), n_(text.size()), base_(base), b_(b) {}

  void read() {
    for (const char ch : s_) {
      const auto c = static_cast<unsigned char>(ch);
      if ((c < 0x20 && c != '\n') || c >= 0x7F) bail();  // tabs, CR, controls, non-ASCII: yaml-cpp
    }
    size_t indent = 0;
    size_t p = significant(0, indent);
    bool marker = false;
    if (p < n_ && indent == 0 && starts_marker(p, "---")) {
      marker = true;
      size_t q = skip_spaces(p + 3);
      if (q < n_ && s_[q] != '\n' && s_[q] != '#') bail();  // `--- value`, `--- !tag`, ...
      p = significant(next_line(q), indent);
    }
    if (p >= n_) {
      if (marker) b_.null(at(n_));  // an explicit empty document is one null
      return;
    }
    if (indent == 0 && (starts_marker(p, "---") || starts_marker(p, "...") || s_[p] == '%')) bail();
    pos_ = p + indent;
    block_node(indent, -1);
    p = significant(pos_, indent);
    if (p >= n_) return;
    if (!(indent == 0 && starts_marker(p, "..."))) bail();
    size_t q = skip_spaces(p + 3);
    if (q < n_ && s_[q] != '\n' && s_[q] != '#') bail();
    if (significant(next_line(q), indent) < n_) bail();
  }

 private:
  [[noreturn]] static void bail() { throw OutsideSubset{}; }
  uint32_t at(size_t p) const { return base_ + static_cast<uint32_t>(p); }

  size_t eol(size_t p) const {
    const void* nl = p < n_ ? std::memchr(s_.data() + p, '\n', n_ - p) : nullptr;
    return nl ? static_cast<size_t>(static_cast<const char*>(nl) - s_.data()) : n_;
  }
  size_t next_line(size_t p) const { return std::min(eol(p) + 1, n_); }
  size_t skip_spaces(size_t p) const {
    while (p < n_ && s_[p] == ' ') ++p;
    return p;
  }
  bool at_line_end(size_t p) const { return p >= n_ || s_[p] == '\n' || s_[p] == '#'; }
  bool starts_marker(size_t p, const char* marker) const {
    return n_ - p >= 3 && std::memcmp(s_.data() + p, marker, 3) == 0 && (p + 3 == n_ || s_[p + 3] == ' ' || s_[p + 3] == '\n');
  }
  bool is_dash(size_t p) const { return p < n_ && s_[p] == '-' && (p + 1 == n_ || s_[p + 1] == ' ' || s_[p + 1] == '\n'); }

  // From a line start, skip blank and comment-only lines: the start of the next line with
  // content (and its indent), or n_.
  size_t significant(size_t p, size_t& indent) const {
    while (p < n_) {
      const size_t q = skip_spaces(p);
      if (q >= n_) return n_;
      if (s_[q] == '\n') {
        p = q + 1;
        continue;
      }
      if (s_[q] == '#') {
        p = next_line(q);
        continue;
      }
      indent = q - p;
      return p;
    }
    return n_;
  }

  // After a node's last byte on its line: only spaces and a comment may follow.
  void end_of_line_after_node() {
    const size_t q = skip_spaces(pos_);
    if (q < n_ && s_[q] != '\n' && !(s_[q] == '#' && q > pos_)) bail();
    pos_ = next_line(q);
  }

  // A block node starting at pos_ (column `col`), owned by a collection at indent `owner`.
  void block_node(size_t col, int64_t owner) {
    if (is_dash(pos_)) return block_seq(col, false);
    if (key_at(pos_)) return block_map(col);
    inline_node(owner);
  }

  // A `key:` at p? (Quoted or plain, on one line, followed by `: ` or `:` at the line end.)
  bool key_at(size_t p) const {
    if (s_[p] == '[' || s_[p] == '{') return false;  // a flow collection (as a key: yaml-cpp)
    size_t q;
    if (s_[p] == '"' || s_[p] == '\'') {
      q = quoted_end(p);
      if (q == 0) return false;
      q = skip_spaces(q);
      return q < n_ && s_[q] == ':' && (q + 1 == n_ || s_[q + 1] == ' ' || s_[q + 1] == '\n');
    }
    for (q = p; q < n_ && s_[q] != '\n'; ++q) {
      if (s_[q] == ':' && (q + 1 == n_ || s_[q + 1] == ' ' || s_[q + 1] == '\n')) return true;
      if (s_[q] == '#' && q > p && s_[q - 1] == ' ') return false;
    }
    return false;
  }

  // The end (one past the closing quote) of a one-line quoted scalar at p, or 0.
  size_t quoted_end(size_t p) const {
    const char quote = s_[p];
    for (size_t q = p + 1; q < n_ && s_[q] != '\n'; ++q) {
      if (quote == '"' && s_[q] == '\\') {
        ++q;
        continue;
      }
      if (s_[q] == quote) {
        if (quote == '\'' && q + 1 < n_ && s_[q + 1] == '\'') {
          ++q;
          continue;
        }
        return q + 1;
      }
    }
    return 0;
  }

  // The value of a `key:` or `-` with nothing but a comment after it on its line: a block node
  // on the following lines indented deeper than `col`, for a map value also a sequence at the
  // key's own indent (`key:` then `- item`), else null, which yaml-cpp places at the next token.
  void value_below(size_t col, bool indentless_sequence) {
    size_t indent = 0;
    const size_t p = significant(next_line(pos_), indent);
    if (p < n_ && indent > col) {
      pos_ = p + indent;
      block_node(indent, static_cast<int64_t>(col));
    } else if (indentless_sequence && p < n_ && indent == col && is_dash(p + indent)) {
      pos_ = p + indent;
      block_seq(col, true);
    } else {
      b_.null(at(p < n_ ? p + indent : n_));
      pos_ = p;
    }
  }

  void block_map(size_t col) {
    const NodeId id = b_.open(Kind::Map, at(pos_));
    for (;;) {
      key();
      last_end_ = pos_;  // `key:` with an empty value ends at the colon
      pos_ = skip_spaces(pos_);
      if (at_line_end(pos_)) {
        value_below(col, /*indentless_sequence=*/true);
      } else {
        if (is_dash(pos_)) bail();  // `a: - b`
        inline_node(static_cast<int64_t>(col));
      }
      size_t indent = 0;
      const size_t p = significant(pos_, indent);
      if (p >= n_ || indent < col) {
        pos_ = p;
        break;
      }
      if (indent > col || is_dash(p + indent)) bail();
      if (col == 0 && starts_marker(p, "...")) {
        pos_ = p;
        break;
      }
      pos_ = p + indent;
      if (!key_at(pos_)) bail();
    }
    ended(id, through_trailing_comments(last_end_, pos_));
    b_.close();
  }

  void block_seq(size_t col, bool indentless) {
    const NodeId id = b_.open(Kind::Seq, at(pos_));
    for (;;) {
      const size_t dash = pos_;
      last_end_ = dash + 1;  // `-` with an empty item ends at the dash
      pos_ = skip_spaces(pos_ + 1);
      if (at_line_end(pos_)) {
        value_below(col, /*indentless_sequence=*/false);
      } else {
        const size_t column = col + (pos_ - dash);
        if (is_dash(pos_)) {
          block_seq(column, false);  // `- - a`
        } else if (key_at(pos_)) {
          block_map(column);  // `- name: x` and the keys below it
        } else {
          inline_node(static_cast<int64_t>(col));
        }
      }
      size_t indent = 0;
      const size_t p = significant(pos_, indent);
      if (p >= n_ || indent < col) {
        pos_ = p;
        break;
      }
      if (indent > col) bail();
      if (!is_dash(p + indent)) {
        if (indentless || (col == 0 && starts_marker(p, "..."))) {
          pos_ = p;
          break;
        }
        bail();
      }
      pos_ = p + indent;
    }
    ended(id, through_trailing_comments(last_end_, pos_));
    b_.close();
  }

  // A mapping key at pos_; leaves pos_ after the colon.
  void key() {
    const size_t start = pos_;
    if (s_[pos_] == '"' || s_[pos_] == '\'') {
      quoted(start);
      pos_ = skip_spaces(pos_);
    } else {
      check_plain_start(pos_);
      size_t q = pos_;
      while (!(s_[q] == ':' && (q + 1 == n_ || s_[q + 1] == ' ' || s_[q + 1] == '\n'))) {
        const char c = s_[q];
        if (c == '[' || c == ']' || c == '{' || c == '}' || c == ',' || c == '#') bail();
        ++q;
      }
      size_t end = q;
      while (end > start && s_[end - 1] == ' ') --end;
      if (end - start > 1024) bail();  // YAML's limit for implicit keys
      std::string_view text = s_.substr(start, end - start);
      if (text == "<<") bail();  // merge keys come with anchors: yaml-cpp
      plain(start, text);
      pos_ = q;
    }
    ++pos_;  // the colon
  }

  void check_plain_start(size_t p) const {
    switch (s_[p]) {
      case '-': case '?': case ':':
        if (p + 1 == n_ || s_[p + 1] == ' ' || s_[p + 1] == '\n') bail();
        if (s_[p] != '-') bail();
        break;
      case ',': case '[': case ']': case '{': case '}': case '#': case '&': case '*': case '!':
      case '|': case '>': case '\'': case '"': case '%': case '@': case '`':
        bail();
      default:
        break;
    }
  }

  void plain(size_t start, std::string_view text) {
    const NodeId id = is_null_word(text) ? b_.null(at(start)) : b_.plain_scalar(at(start), std::string(text));
    ended(id, start + text.size());
  }

  void quoted(size_t start) {
    const NodeId id = b_.styled_scalar(at(start), s_[start] == '"' ? double_quoted() : single_quoted(), ScalarStyle::Quoted);
    ended(id, pos_);
  }

  // Only blank space and comments lie between a block collection's last entry and the line that
  // ends it (pos_); tree-sitter counts those comments into the collection, and so do we.
  size_t through_trailing_comments(size_t from, size_t to) const {
    while (to > from && (s_[to - 1] == ' ' || s_[to - 1] == '\n')) --to;
    return std::max(to, from);
  }

  // Every node gets its end offset (what tree-sitter would give, without parsing again); a block
  // collection ends where its last entry ends.
  void ended(NodeId id, size_t end) {
    b_.set_end(id, at(end));
    last_end_ = end;
  }

  // A scalar or flow collection that ends on this line; `owner` is the indent of the collection
  // it belongs to: a following line indented deeper would continue it (multi-line), so give up.
  void inline_node(int64_t owner) {
    const size_t start = pos_;
    const char c = s_[pos_];
    if (c == '|') {
      literal_block(owner);  // leaves pos_ at the start of the line after it
    } else {
      if (c == '[' || c == '{') {
        flow_node();
      } else if (c == '"' || c == '\'') {
        quoted(start);
      } else {
        check_plain_start(pos_);
        size_t end = pos_;
        while (end < n_ && s_[end] != '\n' && !(s_[end] == '#' && s_[end - 1] == ' ')) ++end;
        while (s_[end - 1] == ' ') --end;
        const std::string_view text = s_.substr(start, end - start);
        if (text.back() == ':' || text.find(": ") != std::string_view::npos) bail();
        plain(start, text);
        pos_ = end;
      }
      end_of_line_after_node();
    }
    size_t indent = 0;
    const size_t p = significant(pos_, indent);
    if (p < n_ && static_cast<int64_t>(indent) > owner && !(owner < 0 && indent == 0 && starts_marker(p, "..."))) bail();
  }

  // A literal block scalar (`|`, `|-`, `|+`: scripts in `args`), the common form only
  // (core/block_scalars.h); folded scalars (`>`) and indentation indicators: yaml-cpp.
  void literal_block(int64_t owner) {
    const size_t start = pos_;
    size_t q = pos_ + 1;
    char chomp = ' ';
    if (q < n_ && (s_[q] == '-' || s_[q] == '+')) chomp = s_[q++];
    if (q < n_ && s_[q] != ' ' && s_[q] != '\n') bail();  // an indentation indicator or more
    pos_ = q;
    end_of_line_after_node();  // only a comment may follow the indicator
    std::optional<LiteralBody> body = read_literal_body(s_, pos_, chomp, owner);
    if (!body) bail();
    const NodeId id = b_.styled_scalar(at(start), std::move(body->text), ScalarStyle::Block);
    ended(id, body->last_content_end);
    pos_ = body->next_line;
  }

  void flow_node() {
    const char c = s_[pos_];
    if (c == '[' || c == '{') {
      const bool is_map = c == '{';
      const char close = is_map ? '}' : ']';
      const NodeId id = b_.open(is_map ? Kind::Map : Kind::Seq, at(pos_));
      pos_ = flow_space(pos_ + 1);
      while (s_[pos_] != close) {
        if (is_map) {
          flow_scalar(true);
          pos_ = flow_space(pos_);
          if (s_[pos_] != ':' || pos_ + 1 >= n_ || s_[pos_ + 1] != ' ') bail();
          pos_ = flow_space(pos_ + 1);
          if (s_[pos_] == ',' || s_[pos_] == '}') bail();  // empty value
        }
        flow_node();
        pos_ = flow_space(pos_);
        if (s_[pos_] == ',') {
          pos_ = flow_space(pos_ + 1);
        } else if (s_[pos_] != close) {
          bail();
        }
      }
      ++pos_;
      ended(id, pos_);
      b_.close();
      return;
    }
    flow_scalar(false);
  }

  // Spaces inside a flow collection; the collection must close on this line.
  size_t flow_space(size_t p) const {
    p = skip_spaces(p);
    if (p >= n_ || s_[p] == '\n' || s_[p] == '#') bail();
    return p;
  }

  void flow_scalar(bool key) {
    const size_t start = pos_;
    if (s_[pos_] == '"' || s_[pos_] == '\'') return quoted(start);
    check_plain_start(pos_);
    size_t end = pos_;
    while (end < n_) {
      const char c = s_[end];
      if (c == ',' || c == ']' || c == '}' || c == '\n') break;
      if (c == '[' || c == '{' || c == '#' || c == '?') bail();  // yaml-cpp rejects `?` inside flow scalars
      if (c == ':') {
        if (key) break;
        bail();
      }
      ++end;
    }
    pos_ = end;
    while (end > start && s_[end - 1] == ' ') --end;
    if (end == start) bail();
    plain(start, s_.substr(start, end - start));
  }

  std::string double_quoted() { return take(read_double_quoted(s_, pos_)); }
  std::string single_quoted() { return take(read_single_quoted(s_, pos_)); }
  std::string take(std::optional<QuotedText> q) {
    if (!q) bail();
    pos_ = q->end;
    return std::move(q->text);
  }

  std::string_view s_;
  size_t n_;
  uint32_t base_;
  TreeBuilder& b_;
  size_t pos_ = 0;
  size_t last_end_ = 0;
};

}  // namespace

bool read_block_yaml(std::string_view text, uint32_t base, TreeBuilder& builder) {
  try {
    BlockReader(text, base, builder).read();
    return true;
  } catch (const OutsideSubset&) {
    return false;
  }
}

}  // namespace kflint
