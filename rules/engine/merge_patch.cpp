#include "rules/engine/merge_patch.h"

#include <algorithm>
#include <unordered_set>

#include "core/text_util.h"
#include "core/value_json.h"

namespace kflint {

JobKind merge_patch_kind(const ValueTree& v, NodeId root) {
  const NodeId spec = v.get(root, "spec");
  for (const char* mx : {"mxReplicaSpecs", "jobMode"})
    if (v.get(spec, mx) != kNoNode) return JobKind::MXJob;
  return JobKind::TFJob;
}

namespace {

void collect_deletions(const ValueTree& v, NodeId map, std::vector<NodeId>& out, int depth) {
  if (!v.is_map(map) || depth > 256) return;
  for (const MapEntry& e : v.at(map).entries) {
    if (v.at(e.value).kind == Kind::Null) out.push_back(e.value);
    else collect_deletions(v, e.value, out, depth + 1);
  }
}

}  // namespace

std::vector<NodeId> merge_patch_deletions(const ValueTree& v, NodeId root) {
  std::vector<NodeId> out;
  collect_deletions(v, root, out, 0);
  return out;
}

void remove_merge_patch_deletions(ValueTree& v, NodeId root) {
  // One pass over each map that loses entries (200,000 deletions in one map cost one pass, not
  // one each), and the entries left renumbered so that a value's key is found by its index.
  std::unordered_set<NodeId> deleted, parents;
  for (NodeId d : merge_patch_deletions(v, root)) {
    deleted.insert(d);
    parents.insert(v.at(d).parent);
  }
  for (NodeId parent : parents) {
    auto& entries = v.at(parent).entries;
    entries.erase(std::remove_if(entries.begin(), entries.end(), [&](const MapEntry& e) { return deleted.count(e.value) > 0; }), entries.end());
    for (size_t i = 0; i < entries.size(); ++i)
      for (NodeId id : {entries[i].key, entries[i].value})
        if (v.at(id).parent == parent) v.at(id).index_in_parent = static_cast<uint32_t>(i);  // an alias keeps its first home
  }
}

namespace {

// Writes the merged object as indented JSON and records where each value came from.
class MergeWriter {
 public:
  MergeWriter(const ValueTree& base, const ValueTree& patch) : base_(base), patch_(patch) {}

  MergedJob run(NodeId base_root, NodeId patch_root) {
    merged(base_root, patch_root, {}, 0);
    return std::move(out_);
  }

 private:
  uint32_t at() const { return static_cast<uint32_t>(out_.text.size()); }
  void indent(int depth) { out_.text.append(static_cast<size_t>(depth) * 2, ' '); }

  // One value: `base` merged with `patch` (either may be kNoNode, not both).
  void merged(NodeId base, NodeId patch, ByteRange key, int depth) {
    const bool merge_maps = patch != kNoNode && patch_.is_map(patch) && base != kNoNode && base_.is_map(base);
    if (!merge_maps) {
      if (patch != kNoNode) copy(patch_, patch, true, key, depth, true);
      else copy(base_, base, false, key, depth, false);
      return;
    }
    const size_t record = begin(key, true, patch);
    out_.text += "{";
    bool first = true;
    auto entry = [&](std::string_view name, NodeId b, NodeId p) {
      out_.text += first ? "\n" : ",\n";
      first = false;
      indent(depth + 1);
      const uint32_t k = at();
      out_.text += "\"" + json_escape(name) + "\"";
      const ByteRange key_range{k, at()};
      out_.text += ": ";
      merged(b, p, key_range, depth + 1);
    };
    for (const MapEntry& e : base_.at(base).entries) {
      const std::string& name = base_.at(e.key).text;
      const NodeId p = patch_.get(patch, name);
      if (p != kNoNode && patch_.at(p).kind == Kind::Null) continue;  // deleted
      entry(name, e.value, p);
    }
    for (const MapEntry& e : patch_.at(patch).entries) {
      const std::string& name = patch_.at(e.key).text;
      if (base_.get(base, name) != kNoNode || patch_.at(e.value).kind == Kind::Null) continue;
      entry(name, kNoNode, e.value);
    }
    if (!first) {
      out_.text += "\n";
      indent(depth);
    }
    out_.text += "}";
    end(record);
  }

  // A value copied whole; from a patch, nulls in maps reached through maps are dropped (RFC 7386
  // applies a patch's object to an empty one).
  void copy(const ValueTree& t, NodeId n, bool from_patch, ByteRange key, int depth, bool drop_nulls) {
    const size_t record = begin(key, from_patch, n);
    const Node& node = t.at(n);
    if (node.kind == Kind::Map) {
      out_.text += "{";
      bool first = true;
      for (const MapEntry& e : node.entries) {
        if (drop_nulls && t.at(e.value).kind == Kind::Null) continue;
        out_.text += first ? "\n" : ",\n";
        first = false;
        indent(depth + 1);
        const uint32_t k = at();
        out_.text += "\"" + json_escape(t.at(e.key).text) + "\"";
        const ByteRange key_range{k, at()};
        out_.text += ": ";
        copy(t, e.value, from_patch, key_range, depth + 1, drop_nulls);
      }
      if (!first) {
        out_.text += "\n";
        indent(depth);
      }
      out_.text += "}";
    } else if (node.kind == Kind::Seq) {
      out_.text += "[";
      for (size_t i = 0; i < node.items.size(); ++i) {
        out_.text += i ? ",\n" : "\n";
        indent(depth + 1);
        copy(t, node.items[i], from_patch, {}, depth + 1, false);
      }
      if (!node.items.empty()) {
        out_.text += "\n";
        indent(depth);
      }
      out_.text += "]";
    } else {
      out_.text += to_kubectl_json(t, n);
    }
    end(record);
  }

  size_t begin(ByteRange key, bool from_patch, NodeId node) {
    out_.origins.push_back({key, {at(), at()}, from_patch, node});
    return out_.origins.size() - 1;
  }
  void end(size_t record) { out_.origins[record].value.end = at(); }

  const ValueTree& base_;
  const ValueTree& patch_;
  MergedJob out_;
};

}  // namespace

MergedJob merge_patch_json(const ValueTree& base, NodeId base_root, const ValueTree& patch, NodeId patch_root) {
  MergedJob job = MergeWriter(base, patch).run(base_root, patch_root);
  job.text += "\n";
  return job;
}

const MergedOrigin* MergedJob::origin_at(uint32_t offset, bool& in_key) const {
  const MergedOrigin* best = nullptr;
  uint32_t best_size = UINT32_MAX;
  for (const MergedOrigin& o : origins) {
    const bool key_hit = o.key.end > o.key.start && offset >= o.key.start && offset < o.key.end;
    const bool value_hit = offset >= o.value.start && offset < std::max(o.value.end, o.value.start + 1);
    if (key_hit && o.key.end - o.key.start <= best_size) {
      best = &o, best_size = o.key.end - o.key.start, in_key = true;
    } else if (value_hit && o.value.end - o.value.start <= best_size) {
      best = &o, best_size = o.value.end - o.value.start, in_key = false;
    }
  }
  return best;
}

}  // namespace kflint
