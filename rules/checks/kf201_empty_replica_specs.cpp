// `tfReplicaSpecs: {}` passes the CRD, the controller and the webhook, and nothing ever runs.
#include "rules/engine/context.h"
#include "rules/engine/rule.h"

using namespace kflint;

KFLINT_RULE(kf201_empty_replica_specs, "KF201", "empty-replica-specs", "operator", Severity::Error,
            "The job has no spec, or its replica specs are empty: nothing would ever run") {
  const JobView& job = ctx.job;
  const std::string field(job.replica_specs_field());
  if (job.spec == kNoNode) {
    ctx.report_range(ctx.doc.key_range(job.kind_node), std::string(job.kind_name()) + " has no `spec`: the API server rejects it (`spec." + field + ": Required value`)");
    return;
  }
  if (ctx.v.is_map(job.replica_specs) && ctx.v.at(job.replica_specs).entries.empty())
    ctx.report(job.replica_specs, "`spec." + field + "` is empty: the job is accepted and nothing ever runs; add at least a `Worker`");
}
