// successPolicy: "" or AllWorkers; anything else behaves like "".
#include "rules/engine/context.h"
#include "rules/engine/rule.h"

using namespace kflint;

KFLINT_RULE(kf217_invalid_success_policy, "KF217", "invalid-success-policy", "operator", Severity::Warning,
            "TFJob successPolicy is not \"\" or AllWorkers") {
  if (ctx.job.kind != JobKind::TFJob) return;
  const NodeId policy = ctx.v.get(ctx.job.spec, "successPolicy");
  if (!ctx.v.is_string(policy)) return;
  const std::string_view p = ctx.v.str(policy);
  if (p.empty() || p == "AllWorkers") return;
  Diagnostic& d = ctx.report(policy, "successPolicy `" + std::string(p) + "` is not \"\" or `AllWorkers`: the operator treats it as the default (worker 0 decides)");
  if (p == "allworkers" || p == "allWorkers" || p == "Allworkers" || p == "ALLWORKERS" || p == "AllWorker")
    ctx.add_fix(d, "Write `AllWorkers`", Applicability::Safe).edits.push_back(ctx.replace(policy, "AllWorkers"));
}

KFLINT_RULE_ON_MERGE_PATCHES(kf217_invalid_success_policy)
