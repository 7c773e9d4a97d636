// The tree-sitter side of a Document: exact end offsets of values and the comments, built on
// first use for one document's bytes only. This is the only file that includes tree-sitter.

#include <atomic>
#include <tree_sitter/api.h>

#include <algorithm>

#include "core/document.h"

extern "C" const TSLanguage* tree_sitter_yaml(void);

namespace kflint {

namespace {

// The tree-sitter-yaml scanner keeps columns in 16 bits: on lines longer than that its positions
// wrap and error recovery can take very long. Such documents (minified JSON, mostly) get ranges
// from a small scanner over the bytes instead.
constexpr uint32_t kMaxTreeSitterColumn = 32000;

// The scanner's rows are 16 bits too: a document of more lines (65,533 comment lines in a row
// corrupted the heap) is never given to it.
constexpr uint32_t kMaxTreeSitterLines = 60000;

bool too_long_for_tree_sitter(const SourceText& source, ByteRange span) {
  return span.end > span.start && source.line_of(span.end - 1) - source.line_of(span.start) >= kMaxTreeSitterLines;
}

// Comments found by a scan of the bytes (for documents tree-sitter does not read): a `#` at the
// start of a line or after a blank, outside quotes on that line.
std::vector<Comment> scan_comments(const SourceText& source, ByteRange span) {
  std::vector<Comment> out;
  const std::string& b = source.bytes();
  char quote = 0;
  bool line_blank = true;
  for (uint32_t i = span.start; i < span.end; ++i) {
    const char c = b[i];
    if (c == '\n') {
      quote = 0;
      line_blank = true;
      continue;
    }
    if (quote) {
      if (c == '\\' && quote == '"') ++i;
      else if (c == quote) quote = 0;
      continue;
    }
    if (c == '#' && (i == span.start || b[i - 1] == ' ' || b[i - 1] == '\t' || b[i - 1] == '\n')) {
      uint32_t end = i;
      while (end < span.end && b[end] != '\n' && b[end] != '\r') ++end;
      out.push_back({{i, end}, line_blank});
      i = end - 1;
      continue;
    }
    if ((c == '"' || c == '\'') && (i == span.start || b[i - 1] == ' ' || b[i - 1] == '[' || b[i - 1] == '{' || b[i - 1] == ',' || b[i - 1] == '\n'))
      quote = c;
    if (c != ' ' && c != '\t' && c != '\r') line_blank = false;
  }
  return out;
}

bool has_long_line(const SourceText& source, ByteRange span) {
  uint32_t line_start = span.start;
  const std::string& b = source.bytes();
  for (uint32_t i = span.start; i < span.end; ++i) {
    if (b[i] == '\n') line_start = i + 1;
    else if (i - line_start > kMaxTreeSitterColumn) return true;
  }
  return false;
}

// End of the flow value or scalar starting at `at`: brackets balanced, quotes honoured.
uint32_t scan_value_end(const std::string& b, uint32_t at, uint32_t limit) {
  if (at >= limit) return at;
  const char c = b[at];
  if (c == '"' || c == '\'') {
    for (uint32_t i = at + 1; i < limit; ++i) {
      if (c == '"' && b[i] == '\\') ++i;
      else if (b[i] == c) {
        if (c == '\'' && i + 1 < limit && b[i + 1] == '\'') ++i;  // '' escapes a quote
        else return i + 1;
      }
    }
    return limit;
  }
  if (c == '{' || c == '[') {
    int depth = 0;
    for (uint32_t i = at; i < limit; ++i) {
      const char d = b[i];
      if (d == '"' || d == '\'') {
        i = scan_value_end(b, i, limit) - 1;
      } else if (d == '{' || d == '[') {
        ++depth;
      } else if (d == '}' || d == ']') {
        if (--depth == 0) return i + 1;
      }
    }
    return limit;
  }
  uint32_t i = at;
  while (i < limit && b[i] != '\n' && b[i] != ',' && b[i] != ']' && b[i] != '}' && !(b[i] == ':' && (i + 1 >= limit || b[i + 1] == ' ')) &&
         !(b[i] == '#' && i > at && b[i - 1] == ' '))
    ++i;
  while (i > at && (b[i - 1] == ' ' || b[i - 1] == '\r')) --i;
  return i;
}

}  // namespace

class RangeIndex {
 public:
  RangeIndex(const SourceText& source, ByteRange span) : source_(source), span_(span) {
    if (has_long_line(source, span) || too_long_for_tree_sitter(source, span)) {
      scan_only_ = true;
      comments_ = scan_comments(source, span);
      return;
    }
    static const TSLanguage* language = tree_sitter_yaml();
    static const TSSymbol flow_node = ts_language_symbol_for_name(language, "flow_node", 9, true);
    static const TSSymbol block_node = ts_language_symbol_for_name(language, "block_node", 10, true);
    static const TSSymbol comment = ts_language_symbol_for_name(language, "comment", 7, true);
    TSParser* parser = ts_parser_new();
    ts_parser_set_language(parser, language);
    const std::string_view text = source.view().substr(span.start, span.end - span.start);
    TSTree* tree = ts_parser_parse_string(parser, nullptr, text.data(), static_cast<uint32_t>(text.size()));
    parse_error_ = ts_node_has_error(ts_tree_root_node(tree));
    TSTreeCursor cursor = ts_tree_cursor_new(ts_tree_root_node(tree));
    // Iterative pre-order walk: deep documents must not exhaust the stack.
    for (;;) {
      const TSNode node = ts_tree_cursor_current_node(&cursor);
      const TSSymbol sym = ts_node_symbol(node);
      const uint32_t start = span.start + ts_node_start_byte(node);
      const uint32_t end = span.start + ts_node_end_byte(node);
      if (sym == flow_node || sym == block_node) {
        if (!spans_.empty() && spans_.back().start == start) {
          spans_.back().min_end = std::min(spans_.back().min_end, end);
          spans_.back().max_end = std::max(spans_.back().max_end, end);
        } else {
          spans_.push_back({start, end, end});
        }
      } else if (sym == comment) {
        comments_.push_back({{start, end}, own_line(source, start)});
      }
      if (ts_tree_cursor_goto_first_child(&cursor)) continue;
      while (!ts_tree_cursor_goto_next_sibling(&cursor)) {
        if (!ts_tree_cursor_goto_parent(&cursor)) goto done;
      }
    }
  done:
    ts_tree_cursor_delete(&cursor);
    ts_tree_delete(tree);
    ts_parser_delete(parser);
    std::stable_sort(spans_.begin(), spans_.end(), [](const Span& a, const Span& b) { return a.start < b.start; });
  }

  // End of the value starting at `start`: the smallest node for scalars, the largest for
  // collections (a map starts where its first key starts).
  uint32_t end_of(uint32_t start, bool collection) const {
    if (scan_only_) return scan_value_end(source_.bytes(), start, span_.end);
    auto it = std::lower_bound(spans_.begin(), spans_.end(), start, [](const Span& s, uint32_t v) { return s.start < v; });
    uint32_t end = start;
    // Merge entries that start at the same byte (the walk may list them apart).
    for (; it != spans_.end() && it->start == start; ++it) end = std::max(end, collection ? it->max_end : it->min_end);
    return end;
  }

  const std::vector<Comment>& comments() const { return comments_; }
  bool parse_error() const { return parse_error_; }

 private:
  static bool own_line(const SourceText& source, uint32_t at) {
    const uint32_t line_start = source.line_start(source.line_of(at));
    for (uint32_t i = std::max(line_start, source.bom_length()); i < at; ++i)
      if (source.bytes()[i] != ' ' && source.bytes()[i] != '\t') return false;
    return true;
  }

  struct Span {
    uint32_t start, min_end, max_end;
  };
  const SourceText& source_;
  ByteRange span_;
  bool parse_error_ = false;  // tree-sitter could not parse it all (its grammar is not yaml-cpp's)
  bool scan_only_ = false;  // too long for tree-sitter: ranges from scan_value_end, comments from scan_comments
  std::vector<Span> spans_;
  std::vector<Comment> comments_;
};

Document::Document(const SourceText& source, ByteRange span, uint32_t index) : source_(&source), span_(span), index_(index) {}
Document::~Document() = default;
Document::Document(Document&&) noexcept = default;

std::atomic<uint64_t> g_range_indexes{0};

const RangeIndex& Document::ranges() const {
  if (!ranges_) {
    ranges_ = std::make_unique<RangeIndex>(*source_, span_);
    g_range_indexes.fetch_add(1, std::memory_order_relaxed);
  }
  return *ranges_;
}

const std::vector<Comment>& Document::comments() const { return ranges().comments(); }

bool Document::tree_sitter_error() const { return ranges().parse_error(); }

ByteRange Document::range(NodeId id) const {
  if (id == kNoNode || id >= values.size()) return {span_.start, span_.start};  // defensive: no node, no range
  const Node& n = values.at(id);
  if (n.kind == Kind::Null && n.text.empty()) {
    // An empty value (`replicas:`) has no bytes of its own: point at its key.
    const NodeId key = values.key_of(id);
    if (key != kNoNode && key != id) return range(key);
    // An empty item (`-`), an empty document, the dropped value of a duplicate key: yaml-cpp
    // places it at the next token, which is not its text.
    return {n.start, n.start};
  }
  const bool collection = n.kind == Kind::Map || n.kind == Kind::Seq;
  // The fast reader recorded every end; tree-sitter parses only documents yaml-cpp read.
  uint32_t end = fast_read ? std::max(n.end, n.start) : ranges().end_of(n.start, collection);
  const std::string& bytes = source_->bytes();
  while (end > n.start && (bytes[end - 1] == '\n' || bytes[end - 1] == '\r' || bytes[end - 1] == ' ' || bytes[end - 1] == '\t')) --end;
  if (end <= n.start && !collection && !n.text.empty()) end = std::min<uint32_t>(n.start + static_cast<uint32_t>(n.text.size()), span_.end);
  return {n.start, std::max(end, n.start)};
}

ByteRange Document::key_range(NodeId value) const {
  const NodeId key = values.key_of(value);
  return range(key == kNoNode ? value : key);
}

ByteRange Document::entry_range(NodeId value) const {
  const NodeId key = values.key_of(value);
  const ByteRange v = range(value);
  if (key == kNoNode) return v;
  if (values.at(value).start < values.at(key).start) return range(key);
  const ByteRange k = range(key);
  return {k.start, std::max(k.end, v.end)};
}

}  // namespace kflint
