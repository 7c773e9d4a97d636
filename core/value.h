#pragma once
// The compact value tree of one YAML document: values as kubectl would send them (YAML 1.1
// scalar resolution), each with the byte offset where it starts. End offsets come from the
// tree-sitter range index (core/ranges.h), computed only when a range is needed.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kflint {

using NodeId = uint32_t;
inline constexpr NodeId kNoNode = UINT32_MAX;

enum class Kind : uint8_t { Null, Bool, Int, Float, String, Map, Seq };
const char* kind_name(Kind kind);  // "null", "boolean", "integer", "number", "string", "object", "array"

enum class ScalarStyle : uint8_t { Plain, Quoted, Block, None };

struct MapEntry {
  NodeId key;
  NodeId value;
};

struct Node {
  Kind kind = Kind::Null;
  ScalarStyle style = ScalarStyle::None;
  bool big_int = false;      // an integer that does not fit in int64
  uint32_t start = 0;        // byte offset in the file
  uint32_t end = 0;          // one past the last byte, from the fast reader only (0: ask tree-sitter)
  NodeId parent = kNoNode;   // first parent (an aliased node may have several)
  uint32_t index_in_parent = 0;  // entry index (maps) or item index (sequences)
  std::string text;          // scalar text as written (after YAML unescaping); key text for keys
  int64_t int_value = 0;
  double float_value = 0;
  bool bool_value = false;
  std::vector<MapEntry> entries;  // Map
  std::vector<NodeId> items;      // Seq
};

struct DuplicateKey {
  NodeId first_key;   // the key kubectl silently drops
  NodeId second_key;  // the key whose value wins
  bool via_merge = false;  // one of them came from a `<<` merge (repeated only to go-yaml's strict reading)
};

class ValueTree {
 public:
  NodeId add(Node node) {
    nodes_.push_back(std::move(node));
    return static_cast<NodeId>(nodes_.size() - 1);
  }
  Node& at(NodeId id) { return nodes_[id]; }
  const Node& at(NodeId id) const { return nodes_[id]; }
  size_t size() const { return nodes_.size(); }
  NodeId root = kNoNode;

  // Map lookup by key text; kNoNode when absent or when `map` is not a map.
  NodeId get(NodeId map, std::string_view key) const;
  // The entry (key and value) for `key`, or nullptr.
  const MapEntry* entry(NodeId map, std::string_view key) const;
  bool is_map(NodeId id) const { return id != kNoNode && nodes_[id].kind == Kind::Map; }
  bool is_seq(NodeId id) const { return id != kNoNode && nodes_[id].kind == Kind::Seq; }
  bool is_string(NodeId id) const { return id != kNoNode && nodes_[id].kind == Kind::String; }
  // The scalar's text when it is a string, "" otherwise.
  std::string_view str(NodeId id) const { return is_string(id) ? std::string_view(nodes_[id].text) : std::string_view(); }
  // The JSON-ish path of a node: `spec.tfReplicaSpecs.Worker.template.spec.containers[0].image`.
  std::string path(NodeId id) const;
  // The key node of the entry whose value is `id` (kNoNode for roots and sequence items).
  NodeId key_of(NodeId id) const;

 private:
  std::vector<Node> nodes_;
};

}  // namespace kflint
