#include "core/value.h"

#include <algorithm>

namespace kflint {

const char* kind_name(Kind kind) {
  switch (kind) {
    case Kind::Null: return "null";
    case Kind::Bool: return "boolean";
    case Kind::Int: return "integer";
    case Kind::Float: return "number";
    case Kind::String: return "string";
    case Kind::Map: return "object";
    case Kind::Seq: return "array";
  }
  return "?";
}

const MapEntry* ValueTree::entry(NodeId map, std::string_view key) const {
  if (!is_map(map)) return nullptr;
  for (const MapEntry& e : nodes_[map].entries)
    if (nodes_[e.key].text == key) return &e;
  return nullptr;
}

NodeId ValueTree::get(NodeId map, std::string_view key) const {
  const MapEntry* e = entry(map, key);
  return e ? e->value : kNoNode;
}

NodeId ValueTree::key_of(NodeId id) const {
  if (id >= nodes_.size()) return kNoNode;
  const Node& n = nodes_[id];
  if (n.parent == kNoNode || nodes_[n.parent].kind != Kind::Map) return kNoNode;
  const auto& entries = nodes_[n.parent].entries;
  if (n.index_in_parent < entries.size() && entries[n.index_in_parent].value == id) return entries[n.index_in_parent].key;
  for (const MapEntry& e : entries)
    if (e.value == id) return e.key;
  return kNoNode;
}

static bool plain_identifier(std::string_view s) {
  if (s.empty()) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  });
}

std::string ValueTree::path(NodeId id) const {
  std::vector<std::string> parts;
  size_t guard = 0;
  while (id < nodes_.size() && guard++ < 10000) {
    const Node& n = nodes_[id];
    if (n.parent == kNoNode) break;
    const Node& p = nodes_[n.parent];
    if (p.kind == Kind::Seq) {
      parts.push_back("[" + std::to_string(n.index_in_parent) + "]");
    } else if (p.kind == Kind::Map) {
      NodeId key = key_of(id);
      if (key == kNoNode) {  // `id` is itself a key: name it by its text
        for (const MapEntry& e : p.entries)
          if (e.key == id) key = id;
      }
      std::string_view k = key == kNoNode ? std::string_view("?") : std::string_view(nodes_[key].text);
      parts.push_back(plain_identifier(k) ? "." + std::string(k) : "[\"" + std::string(k) + "\"]");
    }
    id = n.parent;
  }
  std::string out;
  for (auto it = parts.rbegin(); it != parts.rend(); ++it) out += *it;
  if (!out.empty() && out[0] == '.') out.erase(0, 1);
  return out;
}

}  // namespace kflint
