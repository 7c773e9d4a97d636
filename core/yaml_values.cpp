// Builds each document's value tree: first with the fast block-YAML reader, and for documents
// outside its subset from yaml-cpp's event API (not YAML::Node: ~2x slower and ~37x the file size
// in memory). This is the only file that includes yaml-cpp's parser.

#include <atomic>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <cmath>
#include <optional>
#include <sstream>
#include <unordered_map>

#include "core/document.h"
#include "core/scalar_resolve.h"
#include "core/json_syntax.h"
#include "core/kubectl_refusals.h"
#include "core/tree_builder.h"

namespace kflint {
namespace {

// yaml-cpp's events into the shared TreeBuilder; anchors are yaml-cpp's numbers.
class ValueBuilder : public YAML::EventHandler {
 public:
  ValueBuilder(Document& doc, uint32_t base, const ParseLimits& limits) : doc_(doc), b_(doc, limits), base_(base) {}

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override { remember(anchor, b_.null(offset(mark))); }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    auto it = anchors_.find(anchor);
    if (it == anchors_.end()) {  // yaml-cpp reports unknown aliases itself; be safe anyway
      b_.null(offset(mark));
      return;
    }
    b_.attach_existing(it->second, offset(mark));
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor, const std::string& value) override {
    const uint32_t start = offset(mark);
    NodeId id;
    if (tag == "?") {
      id = b_.plain_scalar(start, value);
    } else if (tag == "!") {
      id = b_.styled_scalar(start, value, style_at(start));
    } else {
      const ResolvedScalar r = resolve_tagged_scalar(tag, value);
      id = b_.styled_scalar(start, value, style_at(start), &r);
    }
    remember(anchor, id);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor, YAML::EmitterStyle::value) override {
    remember(anchor, b_.open(Kind::Seq, offset(mark)));
  }
  void OnSequenceEnd() override { b_.close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor, YAML::EmitterStyle::value) override {
    remember(anchor, b_.open(Kind::Map, offset(mark)));
  }
  void OnMapEnd() override { b_.close(); }

 private:
  uint32_t offset(const YAML::Mark& mark) const {
    return base_ + (mark.pos >= 0 ? static_cast<uint32_t>(mark.pos) : 0);
  }

  ScalarStyle style_at(uint32_t at) const {
    const std::string& bytes = doc_.source().bytes();
    // Skip an anchor or tag written before the scalar.
    while (at < bytes.size() && (bytes[at] == '&' || bytes[at] == '!')) {
      while (at < bytes.size() && bytes[at] != ' ' && bytes[at] != '\n') ++at;
      while (at < bytes.size() && bytes[at] == ' ') ++at;
    }
    if (at >= bytes.size()) return ScalarStyle::Quoted;
    const char c = bytes[at];
    if (c == '|' || c == '>') return ScalarStyle::Block;
    return ScalarStyle::Quoted;
  }

  void remember(YAML::anchor_t anchor, NodeId id) {
    if (anchor != 0) anchors_[anchor] = id;
  }

  Document& doc_;
  TreeBuilder b_;
  uint32_t base_;
  std::unordered_map<YAML::anchor_t, NodeId> anchors_;
};

void reset(Document& doc) {
  doc.values = ValueTree{};
  doc.duplicates.clear();
}

void parse_one_document(Document& doc, const ParseLimits& limits);

// Reads the document, then notes content that kubectl would drop without a word.
void parse_one(Document& doc, const ParseLimits& limits) {
  parse_one_document(doc, limits);
  if (doc.syntax_error || doc.limit_error || doc.empty()) return;
  const std::string_view text = doc.source().view().substr(doc.span().start, doc.span().end - doc.span().start);
  if (const auto dropped = dropped_after_indented_root(text)) doc.dropped_from = doc.span().start + *dropped;
}

void parse_one_document(Document& doc, const ParseLimits& limits) {
  const ByteRange span = doc.span();
  const std::string_view text = doc.source().view().substr(span.start, span.end - span.start);
  // Refused before parsing, as go-yaml's reader does; yaml-cpp would read them and shift every
  // later offset, so no range (and no fix) after such a character could be trusted.
  if (auto refused = refused_before_parsing(text, json_stream(doc.source()))) {
    doc.syntax_error = Document::Problem{span.start + refused->offset, std::move(refused->message)};
    return;
  }
  try {
    TreeBuilder fast(doc, limits);
    if (limits.fast_reader && read_block_yaml(text, span.start, fast)) {
      doc.fast_read = true;
      return;
    }
  } catch (const LimitExceeded& e) {
    reset(doc);
    doc.limit_error = Document::Problem{e.offset, e.message};
    return;
  } catch (const std::bad_alloc&) {
    reset(doc);
    doc.limit_error = Document::Problem{span.start, "out of memory while reading this document"};
    return;
  } catch (const YamlRefused&) {
    // yaml-cpp reads it again below and gives the same verdict at its own position.
  }
  reset(doc);  // outside the fast reader's subset: yaml-cpp reads it
  if (const auto deep = flow_too_deep(text, limits.max_depth)) {
    doc.limit_error = Document::Problem{span.start + *deep, "nesting deeper than " + std::to_string(limits.max_depth) + " levels"};
    return;
  }
  // yaml-cpp reads from a stream; give it exactly this document's bytes, with each lone CR made
  // a LF (same length, so offsets hold): go-yaml breaks lines at a lone CR, yaml-cpp not always.
  std::string prepared = lone_cr_as_lf(text);
  if (json_stream(doc.source())) json_escapes_for_yaml_cpp(prepared);
  std::istringstream in{std::move(prepared)};
  ValueBuilder builder(doc, span.start, limits);
  try {
    YAML::Parser parser(in);
    parser.HandleNextDocument(builder);
    if (const auto open = unterminated_quote(doc)) throw YamlRefused{*open, "found unexpected end of stream (a quoted scalar is not closed)"};
    if (const auto tab = json_stream(doc.source()) ? std::nullopt : tab_on_blank_line(doc)) throw YamlRefused{*tab, "found character that cannot start any token (a tab at the start of a line: tabs cannot indent YAML; use spaces)"};
    if (const auto extra_line = sequence_root_continued(doc)) throw YamlRefused{*extra_line, "did not find expected '-' indicator (a line of a top-level list that is not an item)"};
    if (const auto bare = key_without_colon(doc)) throw YamlRefused{*bare, "could not find expected ':' (a line of a mapping with no `key: value`)"};
    // After a complete `{...}` or `[...]` document, go-yaml reads nothing more (kubectl sends the
    // collection and drops the rest without a word); in a JSON stream the JSON check refused it.
    if (const auto extra = content_after_flow_root(text)) {
      if (text[*extra] == ':')  // `[::1]:5000`: the collection is a key to go-yaml
        throw YamlRefused{span.start + *extra, "did not find expected node content (a collection in brackets followed by `:` is a key)"};
      if (const auto tab = tab_on_blank_line(doc)) throw YamlRefused{*tab, "found character that cannot start any token (a tab at the start of a line: tabs cannot indent YAML; use spaces)"};
      doc.dropped_from = span.start + *extra;
      doc.dropped_after_flow_root = true;
      return;
    }
  } catch (const LimitExceeded& e) {
    reset(doc);
    doc.limit_error = Document::Problem{e.offset, e.message};
  } catch (const YamlRefused& e) {
    reset(doc);
    doc.syntax_error = Document::Problem{e.offset, e.message};
  } catch (const std::bad_alloc&) {
    reset(doc);  // never "clean": a document that could not be read is a limit error
    doc.limit_error = Document::Problem{span.start, "out of memory while reading this document"};
  } catch (const YAML::Exception& e) {
    reset(doc);
    const uint32_t at = span.start + (e.mark.pos >= 0 ? static_cast<uint32_t>(e.mark.pos) : 0);
    doc.syntax_error = Document::Problem{std::min(at, span.end), e.msg};
  } catch (const std::exception& e) {
    reset(doc);
    doc.syntax_error = Document::Problem{span.start, e.what()};
  }
}

}  // namespace

extern std::atomic<uint64_t> g_range_indexes;  // core/ranges.cpp
namespace {
std::atomic<uint64_t> g_documents_parsed{0};
}

ParseCounts parse_counts() { return {g_documents_parsed.load(std::memory_order_relaxed), g_range_indexes.load(std::memory_order_relaxed)}; }

namespace {

// kubectl turns YAML into JSON with Go's encoding/json, which refuses .inf and .nan
// ("json: unsupported value: +Inf"): a document that holds one, where kubectl sends it, is refused.
std::optional<Document::Problem> non_finite_float(const Document& doc) {
  const ValueTree& v = doc.values;
  if (doc.empty()) return std::nullopt;
  std::vector<char> seen(v.size(), 0);
  std::vector<NodeId> todo{v.root};
  while (!todo.empty()) {
    const NodeId id = todo.back();
    todo.pop_back();
    if (id == kNoNode || seen[id]) continue;
    seen[id] = 1;
    const Node& n = v.at(id);
    if (n.kind == Kind::Float && !std::isfinite(n.float_value))
      return Document::Problem{n.start, std::string("json: unsupported value: ") + (std::isnan(n.float_value) ? "NaN" : n.float_value > 0 ? "+Inf" : "-Inf") +
                                            " (kubectl cannot send `" + n.text + "` as JSON; quote it to send a string)"};
    for (const MapEntry& e : n.entries) todo.push_back(e.value);
    for (NodeId item : n.items) todo.push_back(item);
  }
  return std::nullopt;
}

}  // namespace

// The first content line (not blank, not a comment) of a span that follows a `...` line, if the
// span follows one: kubectl never reads it (see Document::after_end_marker).
std::optional<uint32_t> content_after_end_marker(const SourceText& source, ByteRange span) {
  if (span.start == 0 || source.view().substr(0, span.start).find_first_not_of(" \t\r\n") == std::string_view::npos) return std::nullopt;
  const uint32_t previous = source.line_of(span.start - 1);
  const std::string_view marker = source.line_text(previous);
  if (marker.substr(0, 3) != "..." || (marker.size() > 3 && marker[3] != ' ' && marker[3] != '\t' && marker[3] != '\r')) return std::nullopt;
  if (is_separator_line(source.line_text(source.line_of(span.start)))) return std::nullopt;  // `---` starts a new document
  for (uint32_t line = source.line_of(span.start); line < source.line_count() && source.line_start(line) < span.end; ++line) {
    const std::string_view text = source.line_text(line);
    const size_t first = text.find_first_not_of(" \t\r");
    if (first != std::string_view::npos && text[first] != '#') return source.line_start(line);
  }
  return span.end;  // nothing but comments: nothing is lost
}

Document parse_document(const SourceText& source, ByteRange span, uint32_t index, const ParseLimits& limits) {
  g_documents_parsed.fetch_add(1, std::memory_order_relaxed);
  Document doc(source, span, index);
  // A JSON stream (its first non-blank byte is `{`) is read by kubectl with a JSON decoder.
  if (json_stream(source))
    if (const auto bad = json_syntax_error(source.view().substr(span.start, span.end - span.start))) {
      doc.syntax_error = Document::Problem{span.start + bad->offset, bad->message + " (the file is JSON to kubectl: it starts with `{`)"};
      return doc;
    }
  if (const auto dropped = content_after_end_marker(source, span)) {
    // Not read by go-yaml, but split by kubectl's reader: a bad separator still refuses the file.
    if (auto refused = refused_before_parsing(source.view().substr(span.start, span.end - span.start))) {
      doc.syntax_error = Document::Problem{span.start + refused->offset, std::move(refused->message)};
      return doc;
    }
    doc.after_end_marker = true;
    if (*dropped < span.end) doc.dropped_from = *dropped;
    return doc;
  }
  parse_one(doc, limits);
  if (!doc.syntax_error && !doc.limit_error)
    if (auto problem = non_finite_float(doc)) doc.syntax_error = std::move(problem);
  return doc;
}

std::vector<Document> parse_documents(const SourceText& source, const ParseLimits& limits) {
  std::vector<Document> docs;
  const std::vector<ByteRange> chunks = split_documents(source);
  docs.reserve(chunks.size());
  for (const ByteRange& chunk : chunks) {
    Document doc(source, chunk, static_cast<uint32_t>(docs.size()));
    if (docs.size() >= limits.max_documents) {
      doc.limit_error = Document::Problem{chunk.start, "more than " + std::to_string(limits.max_documents) + " documents in one stream"};
      docs.push_back(std::move(doc));
      break;
    }
    docs.push_back(parse_document(source, chunk, static_cast<uint32_t>(docs.size()), limits));
  }
  return docs;
}

}  // namespace kflint
