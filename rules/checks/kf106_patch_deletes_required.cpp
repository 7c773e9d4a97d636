// RFC 7386: `null` in a merge patch deletes the field. On a field the schema requires, every
// PATCH with this body leaves an object the API server rejects.
#include "rules/engine/context.h"
#include "rules/engine/merge_patch.h"
#include "rules/engine/rule.h"

using namespace kflint;

namespace {

// The keys from the job's root down to `map` (a map reached through maps, as deletions are).
std::vector<std::string> keys_to(const ValueTree& v, NodeId root, NodeId map) {
  std::vector<std::string> keys;
  for (NodeId n = map; n != root && n != kNoNode; n = v.at(n).parent) {
    const NodeId key = v.key_of(n);
    if (key == kNoNode) return {};
    keys.insert(keys.begin(), v.at(key).text);
  }
  return keys;
}

}  // namespace

KFLINT_RULE(kf106_patch_deletes_required, "KF106", "patch-deletes-required", "schema", Severity::Error,
            "A merge patch sets a required field to null, which deletes it") {
  if (ctx.options.operation != Operation::Patch) return;
  const ValueTree& written = ctx.doc.values;  // ctx.v no longer holds the deletions
  for (NodeId deleted : merge_patch_deletions(written, ctx.job.root)) {
    const NodeId parent = written.at(deleted).parent;
    const std::vector<std::string> keys = keys_to(written, ctx.job.root, parent);
    const std::string& field = written.at(written.key_of(deleted)).text;
    // The object's identity is KF508's; `spec` is what the operator runs.
    const bool identity = (keys.empty() && (field == "apiVersion" || field == "kind" || field == "metadata")) ||
                          (keys == std::vector<std::string>{"metadata"} && (field == "name" || field == "namespace"));
    if (identity) continue;
    const bool required = keys.empty() ? field == "spec" : schema::required_field(ctx.job.kind_name(), keys, field);
    if (!required) continue;
    const std::string path = written.path(deleted);
    const std::string kind(ctx.job.kind_name());
    Diagnostic& d = ctx.report_key(deleted, path == "spec" ? "`spec: null` deletes the whole spec (`" + std::string(ctx.job.replica_specs_field()) +
                                                                 "` with it): the patched " + kind + " has nothing to run; remove the line"
                                                           : "`" + path + ": null` deletes a required field: the patched " + kind +
                                                                 " is rejected (`" + path + ": Required value`); remove the line, or set a value");
    d.path = path;
  }
}

KFLINT_RULE_ON_MERGE_PATCHES(kf106_patch_deletes_required)
