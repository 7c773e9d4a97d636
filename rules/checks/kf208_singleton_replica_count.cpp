// Chief/Master (TF) and Scheduler/TunerTracker/Tuner (MX) are single-pod roles.
#include "core/text_util.h"
#include "rules/engine/context.h"
#include "rules/engine/rule.h"

using namespace kflint;

KFLINT_RULE(kf208_singleton_replica_count, "KF208", "singleton-replica-count", "operator", Severity::Error,
            "A single-instance role (Chief, Master, Scheduler, TunerTracker, Tuner) has more than one replica") {
  static const char* kTf[] = {"Chief", "Master"};
  static const char* kMx[] = {"Scheduler", "TunerTracker", "Tuner"};
  for (const ReplicaView& r : ctx.job.replicas) {
    bool singleton = false;
    if (ctx.job.kind == JobKind::TFJob) for (const char* t : kTf) singleton = singleton || iequals(r.type, t);
    else for (const char* t : kMx) singleton = singleton || iequals(r.type, t);
    if (!singleton || r.replicas == kNoNode || ctx.v.at(r.replicas).kind != Kind::Int || ctx.v.at(r.replicas).int_value <= 1) continue;
    Diagnostic& d = ctx.report(r.replicas, "`" + r.type + "` must have exactly 1 replica, not " + ctx.written(r.replicas) +
                                               ": there is one " + to_lower(r.type) + " per job (the legacy CRD rejects it; current operators misbehave)");
    ctx.add_fix(d, "Set replicas to 1", Applicability::Unsafe).edits.push_back(ctx.replace(r.replicas, "1"));
  }
}

KFLINT_RULE_ON_MERGE_PATCHES(kf208_singleton_replica_count)
