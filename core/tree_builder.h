#pragma once
// Builds one document's ValueTree from parse events (start/end of maps and sequences, scalars,
// nulls), whoever reads the YAML: the fast block-YAML reader (core/block_yaml.cpp) or yaml-cpp's
// event parser (core/yaml_values.cpp). Both feed the same builder, so duplicate keys (last wins,
// as kubectl), merge keys, parent links and the parse limits behave the same for both.

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/document.h"

namespace kflint {

// Thrown by the builder when a parse limit is exceeded; the reader turns it into limit_error.
struct LimitExceeded {
  uint32_t offset;
  std::string message;
};

// Thrown by the builder for YAML that kubectl refuses but the reader accepted (an alias inside
// the value of its own anchor); the reader turns it into syntax_error.
struct YamlRefused {
  uint32_t offset;
  std::string message;
};

class TreeBuilder {
 public:
  TreeBuilder(Document& doc, const ParseLimits& limits) : doc_(doc), t_(doc.values), limits_(limits) {}

  // A scalar: `text` as written after unescaping; a plain scalar is resolved the YAML 1.1 way.
  NodeId plain_scalar(uint32_t start, std::string text);
  // A quoted or block scalar (always a string) or, with `resolved`, an explicitly tagged one.
  NodeId styled_scalar(uint32_t start, std::string text, ScalarStyle style, const struct ResolvedScalar* resolved = nullptr);
  NodeId null(uint32_t start);
  NodeId open(Kind kind, uint32_t start);  // Kind::Map or Kind::Seq
  void close();
  // An alias: the same node again. `at` is where the alias is written; an alias inside the value
  // of its own anchor (`a: &r [*r]`) is refused, as go-yaml refuses it.
  void attach_existing(NodeId id, uint32_t at, std::string_view anchor_name = {});
  void set_end(NodeId id, uint32_t end) { t_.at(id).end = end; }

 private:
  struct Frame {
    NodeId id;
    NodeId pending_key = kNoNode;
    std::vector<std::pair<uint32_t, NodeId>> merges;  // (explicit entries before it, value) of each `<<`, applied at the end
    // Key text -> entry index, built once a map is large: keeps duplicate detection linear.
    std::unordered_map<std::string, uint32_t> index;
  };

  NodeId leaf(Node n);
  void set_parent(NodeId child, NodeId parent, uint32_t index);
  void attach(NodeId id);
  static void as_json_key(Node& key);
  void apply_merges();

  Document& doc_;
  ValueTree& t_;
  const ParseLimits limits_;  // a copy: callers may pass a temporary
  std::vector<Frame> stack_;
  std::vector<uint64_t> weight_;  // values below each node once aliases are expanded
  bool aliases_ = false;          // any alias seen (says "alias bomb" only when there was one)
};

// The fast path: reads the block-YAML subset that nearly every manifest is written in (block maps
// and sequences, single-line plain and quoted scalars, one-line flow collections, literal `|`
// scalars, comments) into the builder. Returns false, having possibly built part of a tree, on
// anything outside that subset (anchors, aliases, tags, folded scalars, multi-line plain or
// quoted scalars or flows, tabs, non-ASCII, errors); the caller then discards the tree and lets
// yaml-cpp read the document.
bool read_block_yaml(std::string_view text, uint32_t base, TreeBuilder& builder);

}  // namespace kflint
