// A job needs metadata.name; generateName alone works with `kubectl create` (--operation create)
// but not with apply, and never for a PUT (--operation replace), whose URL names the object. A
// Katib trial template needs none: Katib names each trial's job.
#include "rules/engine/context.h"
#include "rules/engine/rule.h"

using namespace kflint;

KFLINT_RULE(kf503_missing_name, "KF503", "missing-name", "metadata", Severity::Error,
            "The job has no metadata.name (generateName alone cannot be applied)") {
  if (ctx.v.is_string(ctx.job.name) && !ctx.v.str(ctx.job.name).empty()) return;
  if (ctx.job.embedding == Embedding::KatibTrial) return;  // Katib names each trial's job
  const NodeId generate = ctx.v.get(ctx.job.metadata, "generateName");
  const bool replace = ctx.options.operation == Operation::Replace;
  if (generate != kNoNode && replace) {
    ctx.report_key(generate, "`metadata.generateName` without `metadata.name`: a PUT names the object it replaces (the URL ends in its name); set `metadata.name`");
    return;
  }
  if (generate != kNoNode && ctx.options.operation == Operation::Create) return;  // the API server picks the name
  if (generate != kNoNode && ctx.job.embedding == Embedding::ArgoManifest) {
    // The template's `action: apply` says how it is sent: this step fails on every run.
    ctx.report_key(generate, "`metadata.generateName` without `metadata.name` under Argo's `action: apply`: `kubectl apply` refuses it (`cannot use generate name with apply`) and the step fails; use `action: create` or set a name");
    return;
  }
  if (generate != kNoNode) {
    // Valid for `kubectl create` (pipelines generate jobs this way): a warning, not an error.
    ctx.report_key(generate, "`metadata.generateName` without `metadata.name`: `kubectl apply` refuses it (`cannot use generate name with apply`); use `kubectl create` or set a name")
        .severity = Severity::Warning;
    return;
  }
  if (ctx.job.name != kNoNode) ctx.report_key(ctx.job.name, "`metadata.name` is empty: the API server rejects the job (`name or generateName is required`)");
  else if (ctx.job.metadata != kNoNode) ctx.report_key(ctx.job.metadata, "`metadata` has no `name`: the API server rejects the job (`name or generateName is required`)");
  else ctx.report_range(ctx.doc.key_range(ctx.job.kind_node), std::string(ctx.job.kind_name()) + " has no `metadata.name`: the API server rejects it (`name or generateName is required`)");
}
