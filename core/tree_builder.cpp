#include "core/tree_builder.h"

#include "core/value_json.h"

#include "core/scalar_resolve.h"

namespace kflint {

NodeId TreeBuilder::plain_scalar(uint32_t start, std::string text) {
  Node n;
  n.start = start;
  n.style = ScalarStyle::Plain;
  const ResolvedScalar r = resolve_plain_scalar(text);
  n.kind = r.kind;
  n.bool_value = r.bool_value;
  n.int_value = r.int_value;
  n.float_value = r.float_value;
  n.big_int = r.big_int;
  n.text = std::move(text);
  return leaf(std::move(n));
}

NodeId TreeBuilder::styled_scalar(uint32_t start, std::string text, ScalarStyle style, const ResolvedScalar* resolved) {
  Node n;
  n.start = start;
  n.style = style;
  n.kind = Kind::String;
  if (resolved) {
    n.kind = resolved->kind;
    n.bool_value = resolved->bool_value;
    n.int_value = resolved->int_value;
    n.float_value = resolved->float_value;
    n.big_int = resolved->big_int;
  }
  n.text = std::move(text);
  return leaf(std::move(n));
}

NodeId TreeBuilder::null(uint32_t start) {
  Node n;
  n.kind = Kind::Null;
  n.style = ScalarStyle::Plain;
  n.start = start;
  return leaf(std::move(n));
}

NodeId TreeBuilder::leaf(Node n) {
  const NodeId id = t_.add(std::move(n));
  weight_.push_back(1);
  attach(id);
  return id;
}

NodeId TreeBuilder::open(Kind kind, uint32_t start) {
  if (stack_.size() >= limits_.max_depth)
    throw LimitExceeded{start, "nesting deeper than " + std::to_string(limits_.max_depth) + " levels"};
  Node n;
  n.kind = kind;
  n.start = start;
  const NodeId id = t_.add(std::move(n));
  weight_.push_back(1);
  stack_.push_back(Frame{id});
  return id;
}

void TreeBuilder::close() {
  if (t_.at(stack_.back().id).kind == Kind::Map) apply_merges();
  const NodeId id = stack_.back().id;
  stack_.pop_back();
  uint64_t w = 1;
  const Node& n = t_.at(id);
  for (const MapEntry& e : n.entries) w += weight_[e.key] + weight_[e.value];
  for (NodeId item : n.items) w += weight_[item];
  weight_[id] = w;
  if (w > limits_.max_expanded_nodes)
    throw LimitExceeded{n.start, "more than " + std::to_string(limits_.max_expanded_nodes) +
                                     (aliases_ ? " values after expanding aliases (an alias bomb?)" : " values in one document")};
  attach(id);
}

void TreeBuilder::attach_existing(NodeId id, uint32_t at, std::string_view anchor_name) {
  for (const Frame& f : stack_)
    if (f.id == id)
      throw YamlRefused{at, "anchor " + (anchor_name.empty() ? std::string("") : "'" + std::string(anchor_name) + "' ") + "value contains itself"};
  aliases_ = true;
  attach(id);
}

void TreeBuilder::set_parent(NodeId child, NodeId parent, uint32_t index) {
  Node& c = t_.at(child);
  if (c.parent == kNoNode && child != parent) {
    c.parent = parent;
    c.index_in_parent = index;
  }
}

// JSON keys are strings: sigs.k8s.io/yaml writes a plain key that YAML 1.1 reads as a boolean,
// an integer or a float as its text in JSON (`y:` is "true", `012:` is "10", `1.0:` is "1"), and
// refuses a null key. The key's text becomes what the API server receives.
void TreeBuilder::as_json_key(Node& k) {
  if (k.style != ScalarStyle::Plain || k.kind == Kind::String) return;
  switch (k.kind) {
    case Kind::Bool: k.text = k.bool_value ? "true" : "false"; break;
    case Kind::Int:
      if (k.big_int) throw YamlRefused{k.start, "unsupported map key: the integer " + k.text + " does not fit in 64 bits"};
      k.text = std::to_string(k.int_value);
      break;
    case Kind::Float: k.text = go_float_key(k.float_value); break;
    case Kind::Null: throw YamlRefused{k.start, "unsupported map key: a null key (`~`, `null` or nothing) cannot be a JSON key"};
    default: return;
  }
  k.kind = Kind::String;
}

void TreeBuilder::attach(NodeId id) {
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
    // JSON keys are strings: kubectl refuses a mapping or sequence as a key (`name: {{ x }}`
    // from an unrendered template parses as one), where yaml-cpp accepts it.
    const Kind kind = t_.at(id).kind;
    if (kind == Kind::Map || kind == Kind::Seq) throw YamlRefused{t_.at(id).start, "invalid map key: a mapping or sequence cannot be a key"};
    as_json_key(t_.at(id));
    f.pending_key = id;
    return;
  }
  const NodeId key = f.pending_key;
  f.pending_key = kNoNode;
  const Node& k = t_.at(key);
  if (k.style == ScalarStyle::Plain && k.text == "<<") {
    // go-yaml: "map merge requires map or sequence of maps as the value".
    const Node& value = t_.at(id);
    bool mergeable = value.kind == Kind::Map || value.kind == Kind::Seq;
    if (value.kind == Kind::Seq)
      for (NodeId item : value.items) mergeable = mergeable && t_.at(item).kind == Kind::Map;
    if (!mergeable) throw YamlRefused{value.start, "map merge requires map or sequence of maps as the value"};
    f.merges.emplace_back(static_cast<uint32_t>(p.entries.size()), id);
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
    for (uint32_t i = 0; i < p.entries.size(); ++i) {
      const Node& other = t_.at(p.entries[i].key);
      if (other.text == k.text && other.kind != Kind::Map && other.kind != Kind::Seq) return i;
    }
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

// Merge keys as go-yaml v2 applies them (kubectl's reading, measured with the oracle): the map's
// entries and its `<<` merges in document order, a later value replacing an earlier one (an
// explicit key before a merge is overwritten by it), the maps of `<<: [a, b]` from the last to
// the first (so `a` wins); every replacement is a repeated key to its strict reading.
void TreeBuilder::apply_merges() {
  Frame& f = stack_.back();
  if (f.merges.empty()) return;
  const std::vector<MapEntry> explicit_entries = t_.at(f.id).entries;
  std::vector<MapEntry> result;
  std::unordered_map<std::string, size_t> at;
  auto put = [&](const MapEntry& e) {
    const std::string& key = t_.at(e.key).text;
    if (auto it = at.find(key); it != at.end()) {
      doc_.duplicates.push_back({result[it->second].key, e.key, true});
      result[it->second] = e;
      return;
    }
    at.emplace(key, result.size());
    result.push_back(e);
  };
  auto merge = [&](NodeId source) {
    if (!t_.is_map(source)) return;
    const std::vector<MapEntry> from = t_.at(source).entries;
    for (const MapEntry& e : from) put(e);
  };
  size_t next = 0;
  for (size_t i = 0; i <= explicit_entries.size(); ++i) {
    for (; next < f.merges.size() && f.merges[next].first == i; ++next) {
      const NodeId m = f.merges[next].second;
      if (t_.is_seq(m)) {
        const std::vector<NodeId> items = t_.at(m).items;
        for (auto it = items.rbegin(); it != items.rend(); ++it) merge(*it);
      } else {
        merge(m);
      }
    }
    if (i < explicit_entries.size()) put(explicit_entries[i]);
  }
  t_.at(f.id).entries = std::move(result);
}

}  // namespace kflint
