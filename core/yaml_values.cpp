// Builds each document's value tree from yaml-cpp's event API (not YAML::Node: ~2x slower and
// ~37x the file size in memory). This is the only file that includes yaml-cpp's parser.

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <sstream>
#include <unordered_map>

#include "core/document.h"
#include "core/scalar_resolve.h"

namespace kflint {
namespace {

struct LimitExceeded {
  uint32_t offset;
  std::string message;
};

class ValueBuilder : public YAML::EventHandler {
 public:
  ValueBuilder(Document& doc, uint32_t base, const ParseLimits& limits) : doc_(doc), t_(doc.values), base_(base), limits_(limits) {}

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    Node n;
    n.kind = Kind::Null;
    n.style = ScalarStyle::Plain;
    n.start = offset(mark);
    finish_leaf(std::move(n), anchor);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    auto it = anchors_.find(anchor);
    if (it == anchors_.end()) {  // yaml-cpp reports unknown aliases itself; be safe anyway
      Node n;
      n.start = offset(mark);
      finish_leaf(std::move(n), 0);
      return;
    }
    attach(it->second);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor, const std::string& value) override {
    Node n;
    n.start = offset(mark);
    n.text = value;
    ResolvedScalar r;
    if (tag == "?") {
      n.style = ScalarStyle::Plain;
      r = resolve_plain_scalar(value);
    } else if (tag == "!") {
      n.style = style_at(n.start);
    } else {
      n.style = style_at(n.start);
      r = resolve_tagged_scalar(tag, value);
    }
    n.kind = r.kind;
    n.bool_value = r.bool_value;
    n.int_value = r.int_value;
    n.float_value = r.float_value;
    n.big_int = r.big_int;
    finish_leaf(std::move(n), anchor);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor, YAML::EmitterStyle::value) override {
    open(Kind::Seq, mark, anchor);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor, YAML::EmitterStyle::value) override {
    open(Kind::Map, mark, anchor);
  }
  void OnMapEnd() override {
    apply_merges();
    close();
  }

 private:
  struct Frame {
    NodeId id;
    NodeId pending_key = kNoNode;
    std::vector<NodeId> merges;  // values of `<<` keys, applied at the end of the map
    // Key text -> entry index, built once a map is large: keeps duplicate detection linear.
    std::unordered_map<std::string, uint32_t> index;
  };

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

  void finish_leaf(Node n, YAML::anchor_t anchor) {
    const NodeId id = t_.add(std::move(n));
    weight_.push_back(1);
    remember(anchor, id);
    attach(id);
  }

  void open(Kind kind, const YAML::Mark& mark, YAML::anchor_t anchor) {
    if (stack_.size() >= limits_.max_depth)
      throw LimitExceeded{offset(mark), "nesting deeper than " + std::to_string(limits_.max_depth) + " levels"};
    Node n;
    n.kind = kind;
    n.start = offset(mark);
    const NodeId id = t_.add(std::move(n));
    weight_.push_back(1);
    remember(anchor, id);
    stack_.push_back(Frame{id});
  }

  void close() {
    const NodeId id = stack_.back().id;
    stack_.pop_back();
    uint64_t w = 1;
    const Node& n = t_.at(id);
    for (const MapEntry& e : n.entries) w += weight_[e.key] + weight_[e.value];
    for (NodeId item : n.items) w += weight_[item];
    weight_[id] = w;
    if (w > limits_.max_expanded_nodes)
      throw LimitExceeded{n.start, "more than " + std::to_string(limits_.max_expanded_nodes) +
                                       " values after expanding aliases (an alias bomb?)"};
    attach(id);
  }

  void set_parent(NodeId child, NodeId parent, uint32_t index) {
    Node& c = t_.at(child);
    if (c.parent == kNoNode && child != parent) {
      c.parent = parent;
      c.index_in_parent = index;
    }
  }

  void attach(NodeId id) {
    if (stack_.empty()) {
      t_.root = id;
      return;
    }
    Frame& f = stack_.back();
    Node& p = t_.at(f.id);
    if (p.kind == Kind::Seq) {
      set_parent(id, f.id, static_cast<uint32_t>(p.items.size()));
      p.items.push_back(id);
      return;
    }
    if (f.pending_key == kNoNode) {
      f.pending_key = id;
      return;
    }
    const NodeId key = f.pending_key;
    f.pending_key = kNoNode;
    const Node& k = t_.at(key);
    if (k.style == ScalarStyle::Plain && k.text == "<<") {
      f.merges.push_back(id);
      return;
    }
    constexpr size_t kIndexFrom = 16;
    if (p.entries.size() == kIndexFrom && f.index.empty())
      for (uint32_t i = 0; i < p.entries.size(); ++i) f.index.emplace(t_.at(p.entries[i].key).text, i);
    auto duplicate_of = [&]() -> int64_t {
      if (k.kind == Kind::Map || k.kind == Kind::Seq) return -1;  // complex keys are never equal here
      if (p.entries.size() >= kIndexFrom) {
        auto it = f.index.find(k.text);
        return it == f.index.end() ? int64_t{-1} : static_cast<int64_t>(it->second);
      }
      for (uint32_t i = 0; i < p.entries.size(); ++i)
        if (t_.at(p.entries[i].key).text == k.text && t_.at(p.entries[i].key).kind != Kind::Map && t_.at(p.entries[i].key).kind != Kind::Seq) return i;
      return -1;
    };
    if (const int64_t i = duplicate_of(); i >= 0) {
      doc_.duplicates.push_back({p.entries[i].key, key});
      p.entries[i] = {key, id};  // kubectl keeps the last value
      set_parent(key, f.id, static_cast<uint32_t>(i));
      set_parent(id, f.id, static_cast<uint32_t>(i));
      return;
    }
    const auto index = static_cast<uint32_t>(p.entries.size());
    if (p.entries.size() >= kIndexFrom) f.index.emplace(k.text, index);
    p.entries.push_back({key, id});
    set_parent(key, f.id, index);
    set_parent(id, f.id, index);
  }

  void merge_from(NodeId target, NodeId source) {
    if (!t_.is_map(source)) return;
    const std::vector<MapEntry> from = t_.at(source).entries;
    for (const MapEntry& e : from) {
      if (t_.entry(target, t_.at(e.key).text) != nullptr) continue;  // explicit keys win
      t_.at(target).entries.push_back(e);
    }
  }

  void apply_merges() {
    Frame& f = stack_.back();
    for (NodeId m : f.merges) {
      if (t_.is_seq(m)) {
        const std::vector<NodeId> items = t_.at(m).items;
        for (NodeId item : items) merge_from(f.id, item);
      } else {
        merge_from(f.id, m);
      }
    }
  }

  Document& doc_;
  ValueTree& t_;
  uint32_t base_;
  const ParseLimits& limits_;
  std::vector<Frame> stack_;
  std::vector<uint64_t> weight_;
  std::unordered_map<YAML::anchor_t, NodeId> anchors_;
};

void parse_one(Document& doc, const ParseLimits& limits) {
  const ByteRange span = doc.span();
  // yaml-cpp reads from a stream; give it exactly this document's bytes.
  std::istringstream in(std::string(doc.source().view().substr(span.start, span.end - span.start)));
  ValueBuilder builder(doc, span.start, limits);
  try {
    YAML::Parser parser(in);
    parser.HandleNextDocument(builder);
  } catch (const LimitExceeded& e) {
    doc.values = ValueTree{};
    doc.duplicates.clear();
    doc.limit_error = Document::Problem{e.offset, e.message};
  } catch (const YAML::Exception& e) {
    doc.values = ValueTree{};
    doc.duplicates.clear();
    const uint32_t at = span.start + (e.mark.pos >= 0 ? static_cast<uint32_t>(e.mark.pos) : 0);
    doc.syntax_error = Document::Problem{std::min(at, span.end), e.msg};
  } catch (const std::exception& e) {
    doc.values = ValueTree{};
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
