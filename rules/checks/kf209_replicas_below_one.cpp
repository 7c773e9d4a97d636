// replicas 0: a TFJob "succeeds" at once or nothing runs; negative: the reconciler panics (S5, S17).
#include "core/text_util.h"
#include "rules/engine/context.h"
#include "rules/engine/rule.h"

using namespace kflint;

KFLINT_RULE(kf209_replicas_below_one, "KF209", "replicas-below-one", "operator", Severity::Error,
            "A replica type has replicas below 1 (0 runs nothing; negative crashes the operator)") {
  for (const ReplicaView& r : ctx.job.replicas) {
    if (r.replicas == kNoNode || ctx.v.at(r.replicas).kind != Kind::Int) continue;
    const int64_t n = ctx.v.at(r.replicas).int_value;
    if (n >= 1 || (n == 0 && iequals(r.type, "Evaluator"))) continue;
    std::string why = n < 0 ? "a negative count makes the operator's reconciler panic (makeslice: cap out of range)"
                            : ctx.job.kind == JobKind::TFJob ? "no pods are created for it; a TFJob whose Worker count is 0 is marked Succeeded at once"
                                                                : "no pods are created for it";
    ctx.report(r.replicas, "`" + ctx.path(r.replicas) + "` is " + std::to_string(n) + ": " + why);
  }
}

KFLINT_RULE_ON_MERGE_PATCHES(kf209_replicas_below_one)
