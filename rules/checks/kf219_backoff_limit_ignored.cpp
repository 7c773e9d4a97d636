// S3: backoffLimit counts restarts only for OnFailure/Always/ExitCode replicas.
#include "rules/engine/context.h"
#include "rules/engine/rule.h"

using namespace kflint;

KFLINT_RULE(kf219_backoff_limit_ignored, "KF219", "backoff-limit-ignored", "operator", Severity::Warning,
            "backoffLimit is set but every replica has restartPolicy Never, so it never applies") {
  if (ctx.job.replicas.empty()) return;
  for (const ReplicaView& r : ctx.job.replicas) {
    const std::string_view p = ctx.v.str(r.restart_policy);
    if (r.restart_policy != kNoNode && p != "Never") return;
  }
  for (NodeId holder : {ctx.job.run_policy, ctx.job.spec}) {
    const NodeId limit = ctx.v.get(holder, "backoffLimit");
    if (limit == kNoNode || ctx.v.at(limit).kind != Kind::Int) continue;
    ctx.report_key(limit, "`" + ctx.path(limit) + "` has no effect: every replica's restartPolicy is Never (the default), and only OnFailure, Always and ExitCode restarts count");
  }
}
