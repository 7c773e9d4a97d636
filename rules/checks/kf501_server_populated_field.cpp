// S11: fields the server owns, pasted back from `kubectl get -o yaml`: dropped or overwritten.
#include "rules/engine/context.h"
#include "rules/engine/rule.h"

using namespace kflint;

KFLINT_RULE(kf501_server_populated_field, "KF501", "server-populated-field", "metadata", Severity::Warning,
            "A server-populated field (status, uid, creationTimestamp, ...) is in the manifest") {
  auto flag = [&](NodeId value, const std::string& what) {
    // `creationTimestamp: null` and `status: {}` are what `kubectl create --dry-run -o yaml` and
    // code generators emit: harmless, not pasted server state.
    const Node& n = ctx.v.at(value);
    if (n.kind == Kind::Null || (n.kind == Kind::Map && n.entries.empty())) return;
    const NodeId key = ctx.v.key_of(value);
    Diagnostic& d = ctx.report_key(value, what);
    if (key != kNoNode && ctx.block_style(n.parent))
      ctx.add_fix(d, "Remove `" + ctx.v.at(key).text + "`", Applicability::Safe).edits.push_back(TextEdit{ctx.entry_lines(value), ""});
  };
  if (NodeId status = ctx.v.get(ctx.job.root, "status"); status != kNoNode)
    flag(status, "`status` is set by the operator: the API server drops it on create (it looks pasted from `kubectl get`)");
  for (const char* field : {"uid", "creationTimestamp", "generation", "selfLink", "managedFields", "deletionTimestamp", "deletionGracePeriodSeconds"})
    if (NodeId n = ctx.v.get(ctx.job.metadata, field); n != kNoNode)
      flag(n, "`metadata." + std::string(field) + "` is set by the API server and overwritten; remove it (it looks pasted from `kubectl get`)");
}
