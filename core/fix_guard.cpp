#include "core/fix_guard.h"

#include <algorithm>
#include <cstdio>
#include <map>

#include "core/document.h"

namespace kflint {
namespace {

std::string describe(const std::string& path);

// A value of the tree, flattened: its path and what kubectl would send for it.
struct Leaf {
  std::string value;
  bool touched = false;  // under bytes an edit replaces or inserts
  NodeId node = kNoNode;  // an aliased value is one node at several paths
};
using Leaves = std::map<std::string, Leaf>;

bool overlaps(ByteRange node, const std::vector<ByteRange>& edits) {
  for (const ByteRange& e : edits) {
    if (e.start == e.end ? (node.start <= e.start && e.start <= node.end) : (node.start < e.end && e.start < node.end)) return true;
  }
  return false;
}

std::string scalar_value(const Node& n) {
  char buf[40];
  switch (n.kind) {
    case Kind::Null: return "null";
    case Kind::Bool: return n.bool_value ? "true" : "false";
    case Kind::Int:
      if (n.big_int) return "int:" + n.text;
      std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(n.int_value));
      return buf;
    case Kind::Float: std::snprintf(buf, sizeof buf, "%.17g", n.float_value); return buf;
    case Kind::String: return "\"" + n.text;
    case Kind::Map: return n.entries.empty() ? "{}" : "";
    case Kind::Seq: return n.items.empty() ? "[]" : "";
  }
  return "";
}

// Flattens the tree; aliases are followed (they share nodes), so an alias whose anchor changed
// shows up at the alias's path too. The parse limits bound the expansion.
void flatten(const Document& doc, NodeId id, std::string& path, bool touched, const std::vector<ByteRange>& edits, Leaves& out) {
  const ValueTree& v = doc.values;
  const Node& n = v.at(id);
  touched = touched || (n.kind != Kind::Map && n.kind != Kind::Seq && overlaps(doc.range(id), edits));
  if (n.kind == Kind::Map && !n.entries.empty()) {
    for (const MapEntry& e : n.entries) {
      const size_t keep = path.size();
      const Node& key = v.at(e.key);
      path += '.';
      path += key.kind == Kind::String ? key.text : scalar_value(key);
      flatten(doc, e.value, path, touched || overlaps(doc.range(e.key), edits), edits, out);
      path.resize(keep);
    }
    return;
  }
  if (n.kind == Kind::Seq && !n.items.empty()) {
    for (size_t i = 0; i < n.items.size(); ++i) {
      const size_t keep = path.size();
      path += '[' + std::to_string(i) + ']';
      flatten(doc, n.items[i], path, touched, edits, out);
      path.resize(keep);
    }
    return;
  }
  Leaf& leaf = out[path];
  leaf.value = scalar_value(n);
  leaf.touched = touched;
  leaf.node = id;
}

// The last key of a path (`.a.b[0].name` -> `name`).
std::string_view last_key(std::string_view path) {
  while (!path.empty() && path.back() == ']') path = path.substr(0, path.rfind('['));
  const size_t dot = path.rfind('.');
  return dot == std::string_view::npos ? path : path.substr(dot + 1);
}

// A value written once and used through aliases by fields of different names (`owner: &n
// trainer` and a container's `name: *n`) changes at all of them when its bytes change: a fix for
// one field must not rename the other. (Uses by fields of one name, a quantity `&half` shared by
// `requests.cpu` and `limits.cpu`, change together on purpose.)
std::string shared_change(const Leaves& before, const Leaves& after) {
  std::map<NodeId, std::vector<const std::string*>> paths;
  for (const auto& [path, leaf] : before)
    if (leaf.touched) paths[leaf.node].push_back(&path);
  for (const auto& [node, at] : paths) {
    if (at.size() < 2) continue;
    bool changed = false;
    for (const std::string* p : at)
      if (const auto it = after.find(*p); it == after.end() || it->second.value != before.at(*p).value) changed = true;
    if (!changed) continue;
    for (const std::string* p : at)
      if (last_key(*p) != last_key(*at.front()))
        return describe(*at.front()) + " and " + describe(*p) + " are one value (an anchor and its alias): the fix would change both";
  }
  return "";
}

struct Chunk {
  Document doc;
  Leaves leaves;
};

// The edits' ranges in the text after them.
std::vector<ByteRange> ranges_after(std::vector<TextEdit> edits) {
  std::stable_sort(edits.begin(), edits.end(), [](const TextEdit& a, const TextEdit& b) { return a.range.start < b.range.start; });
  std::vector<ByteRange> out;
  int64_t shift = 0;
  for (const TextEdit& e : edits) {
    const uint32_t start = static_cast<uint32_t>(static_cast<int64_t>(e.range.start) + shift);
    out.push_back({start, start + static_cast<uint32_t>(e.text.size())});
    shift += static_cast<int64_t>(e.text.size()) - static_cast<int64_t>(e.range.end - e.range.start);
  }
  return out;
}

std::string describe(const std::string& path) { return path.empty() ? "the document" : "`" + path.substr(1) + "`"; }

std::string compare(const Leaves& before, const Leaves& after) {
  for (const auto& [path, leaf] : before) {
    if (leaf.touched) continue;
    const auto it = after.find(path);
    if (it == after.end()) return describe(path) + " would disappear";
    if (it->second.value != leaf.value) return describe(path) + " would change value";
  }
  for (const auto& [path, leaf] : after) {
    if (leaf.touched) continue;
    const auto it = before.find(path);
    if (it == before.end()) return describe(path) + " would appear";
    if (it->second.value != leaf.value) return describe(path) + " would change value";
  }
  return "";
}

}  // namespace

std::string fix_guard(std::string_view before_text, const std::vector<TextEdit>& edits, std::string_view after_text) {
  if (edits.empty()) return before_text == after_text ? "" : "the text changed without an edit";
  if (auto bad = check_text_encoding(after_text)) return "the fixed text would not be readable: " + *bad;
  const SourceText before{std::string(before_text)};
  const SourceText after{std::string(after_text)};
  const std::vector<ByteRange> spans_before = split_documents(before);
  const std::vector<ByteRange> spans_after = split_documents(after);
  if (spans_before.size() != spans_after.size()) return "the fix would change the number of YAML documents";
  std::vector<ByteRange> old_ranges;
  for (const TextEdit& e : edits) old_ranges.push_back(e.range);
  const std::vector<ByteRange> new_ranges = ranges_after(edits);
  for (size_t i = 0; i < spans_before.size(); ++i) {
    const ByteRange a = spans_before[i], b = spans_after[i];
    if (!overlaps(a, old_ranges) && !overlaps(b, new_ranges)) {
      if (before.view().substr(a.start, a.end - a.start) != after.view().substr(b.start, b.end - b.start))
        return "the fix would change a YAML document it does not touch";
      continue;
    }
    const Document old_doc = parse_document(before, a, static_cast<uint32_t>(i));
    const Document new_doc = parse_document(after, b, static_cast<uint32_t>(i));
    const bool old_ok = !old_doc.syntax_error && !old_doc.limit_error;
    if (!old_ok) continue;  // nothing to keep: the engine offers no fix in such a document anyway
    if (new_doc.syntax_error) return "the fixed YAML would not parse (" + new_doc.syntax_error->message + ")";
    if (new_doc.limit_error) return "the fixed YAML would exceed a parse limit (" + new_doc.limit_error->message + ")";
    if (new_doc.duplicates.size() > old_doc.duplicates.size()) return "the fix would add a duplicate key";
    Leaves old_leaves, new_leaves;
    std::string path;
    if (!old_doc.empty()) flatten(old_doc, old_doc.values.root, path, false, old_ranges, old_leaves);
    path.clear();
    if (!new_doc.empty()) flatten(new_doc, new_doc.values.root, path, false, new_ranges, new_leaves);
    if (std::string why = compare(old_leaves, new_leaves); !why.empty()) return why;
    if (std::string why = shared_change(old_leaves, new_leaves); !why.empty()) return why;
  }
  return "";
}

}  // namespace kflint
