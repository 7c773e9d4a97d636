#pragma once
// JSON merge patches (RFC 7386, `Content-Type: application/merge-patch+json`, the only patch
// type Huawei CCI accepts): a partial object whose `null` values delete fields and whose lists
// replace lists whole. `--operation patch` lints a patch by itself (merge_patch_kind,
// remove_merge_patch_deletions) or applied to its base manifest (merge_patch_json).

#include <string>
#include <vector>

#include "core/document.h"
#include "rules/engine/job_view.h"

namespace kflint {

// The kind a patch without `kind` is for: the one whose fields it sets (tfReplicaSpecs or
// successPolicy: TFJob; mxReplicaSpecs or jobMode: MXJob); TFJob when it sets only fields both
// kinds share (metadata, run policy), which both kinds judge alike.
JobKind merge_patch_kind(const ValueTree& v, NodeId root);

// The `null` values that delete a field: map values reached from `root` through maps only (a
// list is a value, replaced whole, and its items' nulls are literal), in document order.
std::vector<NodeId> merge_patch_deletions(const ValueTree& v, NodeId root);

// Drops those entries, so that rules judge what the patch leaves and not the deletions.
void remove_merge_patch_deletions(ValueTree& v, NodeId root);

// MergePatch(base, patch) written as JSON, with the origin of every value and key written.
struct MergedOrigin {
  ByteRange key;     // in the merged text; empty for the root and list items
  ByteRange value;   // in the merged text
  bool from_patch = false;
  NodeId node = kNoNode;  // the value in the base's or the patch's tree
};
struct MergedJob {
  std::string text;
  std::vector<MergedOrigin> origins;  // in text order (a value before the values inside it)
  // The origin whose key or value holds `offset` most narrowly; nullptr when none does.
  const MergedOrigin* origin_at(uint32_t offset, bool& in_key) const;
};
MergedJob merge_patch_json(const ValueTree& base, NodeId base_root, const ValueTree& patch, NodeId patch_root);

}  // namespace kflint
