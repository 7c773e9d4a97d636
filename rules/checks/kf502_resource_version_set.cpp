// `resourceVersion should not be set on objects to be created`; stale on apply. A PUT needs it
// (KF507) and a merge patch may carry it as a precondition: not reported there.
#include "rules/engine/context.h"
#include "rules/engine/rule.h"

using namespace kflint;

KFLINT_RULE(kf502_resource_version_set, "KF502", "resource-version-set", "metadata", Severity::Error,
            "metadata.resourceVersion is set: create is rejected, apply fails once the object changes") {
  if (ctx.options.operation == Operation::Replace) return;
  const NodeId rv = ctx.v.get(ctx.job.metadata, "resourceVersion");
  if (rv == kNoNode || ctx.v.at(rv).kind == Kind::Null) return;
  const std::string message =
      ctx.options.operation == Operation::Create
          ? "`metadata.resourceVersion` is set: the API server rejects the create (`resourceVersion should not be set on objects to be created`)"
          : "`metadata.resourceVersion` is set: `kubectl create` fails (`resourceVersion should not be set on objects to be created`) and apply "
            "fails once the object changed (`the object has been modified`); if this is a PUT body, use `--operation replace`";
  Diagnostic& d = ctx.report_key(rv, message);
  if (ctx.block_style(ctx.job.metadata))
    ctx.add_fix(d, "Remove `resourceVersion`", Applicability::Safe).edits.push_back(TextEdit{ctx.entry_lines(rv), ""});
}
