// `resourceVersion should not be set on objects to be created`; stale on apply.
#include "rules/engine/context.h"
#include "rules/engine/rule.h"

using namespace kflint;

KFLINT_RULE(kf502_resource_version_set, "KF502", "resource-version-set", "metadata", Severity::Error,
            "metadata.resourceVersion is set: create is rejected, apply fails once the object changes") {
  const NodeId rv = ctx.v.get(ctx.job.metadata, "resourceVersion");
  if (rv == kNoNode) return;
  Diagnostic& d = ctx.report_key(rv, "`metadata.resourceVersion` is set: `kubectl create` fails (`resourceVersion should not be set on objects to be created`) and apply fails once the object changed (`the object has been modified`)");
  if (ctx.block_style(ctx.job.metadata))
    ctx.add_fix(d, "Remove `resourceVersion`", Applicability::Safe).edits.push_back(TextEdit{ctx.entry_lines(rv), ""});
}
