// activeDeadlineSeconds must be positive; backoffLimit and ttlSecondsAfterFinished non-negative.
#include "rules/engine/context.h"
#include "rules/engine/rule.h"

using namespace kflint;

KFLINT_RULE(kf218_run_policy_value_range, "KF218", "run-policy-value-range", "operator", Severity::Error,
            "activeDeadlineSeconds is not positive, or backoffLimit / ttlSecondsAfterFinished is negative") {
  for (NodeId holder : {ctx.job.run_policy, ctx.job.spec}) {
    auto check = [&](const char* field, int64_t min, const char* why) {
      const NodeId n = ctx.v.get(holder, field);
      if (n == kNoNode || ctx.v.at(n).kind != Kind::Int || ctx.v.at(n).int_value >= min) return;
      ctx.report(n, "`" + ctx.path(n) + "` is " + ctx.written(n) + ": " + why);
    };
    check("activeDeadlineSeconds", 1, "it must be a positive number of seconds; the job fails as soon as it starts");
    check("backoffLimit", 0, "a negative limit fails the job at once");
    check("ttlSecondsAfterFinished", 0, "it must be 0 or more seconds");
  }
}

KFLINT_RULE_ON_MERGE_PATCHES(kf218_run_policy_value_range)
