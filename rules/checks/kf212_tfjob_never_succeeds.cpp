// S5: a TFJob succeeds through its Chief/Master or through Worker; with neither it never does.
#include "core/text_util.h"
#include "rules/engine/context.h"
#include "rules/engine/rule.h"

using namespace kflint;

KFLINT_RULE(kf212_tfjob_never_succeeds, "KF212", "tfjob-never-succeeds", "operator", Severity::Error,
            "A TFJob has no Worker and no Chief/Master, so it can never succeed") {
  if (ctx.job.kind != JobKind::TFJob || ctx.job.replicas.empty()) return;
  for (const ReplicaView& r : ctx.job.replicas)
    if (iequals(r.type, "Worker") || iequals(r.type, "Chief") || iequals(r.type, "Master")) return;
  ctx.report_key(ctx.job.replica_specs, "TFJob has no `Worker`, `Chief` or `Master` replica: the operator decides success from those, so this job runs forever");
}
