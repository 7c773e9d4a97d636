// Builds each document's value tree: first with the fast block-YAML reader, and for documents
// outside its subset from yaml-cpp's event API (not YAML::Node: ~2x slower and ~37x the file size
// in memory). This is the only file that includes yaml-cpp's parser.

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <optional>
#include <sstream>
#include <unordered_map>

#include "core/document.h"
#include "core/scalar_resolve.h"
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

void reset(Document& doc) {
  doc.values = ValueTree{};
  doc.duplicates.clear();
}

void parse_one(Document& doc, const ParseLimits& limits) {
  const ByteRange span = doc.span();
  const std::string_view text = doc.source().view().substr(span.start, span.end - span.start);
  // Refused before parsing, as go-yaml's reader does; yaml-cpp would read them and shift every
  // later offset, so no range (and no fix) after such a character could be trusted.
  if (const auto bad = find_forbidden_char(text)) {
    doc.syntax_error = Document::Problem{span.start + bad->offset, "control characters are not allowed (" +
                                                                       codepoint_name(bad->codepoint) + ")"};
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
  // yaml-cpp reads from a stream; give it exactly this document's bytes.
  std::istringstream in{std::string(text)};
  ValueBuilder builder(doc, span.start, limits);
  try {
    YAML::Parser parser(in);
    parser.HandleNextDocument(builder);
    if (const auto open = unterminated_quote(doc)) throw YamlRefused{*open, "found unexpected end of stream (a quoted scalar is not closed)"};
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

Document parse_document(const SourceText& source, ByteRange span, uint32_t index, const ParseLimits& limits) {
  Document doc(source, span, index);
  parse_one(doc, limits);
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
    parse_one(doc, limits);
    docs.push_back(std::move(doc));
  }
  return docs;
}

}  // namespace kflint
