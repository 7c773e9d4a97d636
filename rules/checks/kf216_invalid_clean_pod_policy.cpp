// cleanPodPolicy: anything but exactly None/Running behaves like All (S13).
#include "core/text_util.h"
#include "rules/engine/context.h"
#include "rules/engine/rule.h"

using namespace kflint;

KFLINT_RULE(kf216_invalid_clean_pod_policy, "KF216", "invalid-clean-pod-policy", "operator", Severity::Error,
            "cleanPodPolicy is not All, Running or None") {
  for (NodeId holder : {ctx.job.run_policy, ctx.job.spec}) {
    const NodeId policy = ctx.v.get(holder, "cleanPodPolicy");
    if (!ctx.v.is_string(policy)) continue;
    const std::string_view p = ctx.v.str(policy);
    if (p == "All" || p == "Running" || p == "None") continue;
    Diagnostic& d = ctx.report(policy, "cleanPodPolicy `" + std::string(p) + "` is not All, Running or None: the operator treats it as `All` and deletes every pod when the job ends");
    for (const char* a : {"All", "Running", "None"})
      if (iequals(p, a)) ctx.add_fix(d, std::string("Write `") + a + "`", Applicability::Safe).edits.push_back(ctx.replace(policy, a));
  }
}

KFLINT_RULE_ON_MERGE_PATCHES(kf216_invalid_clean_pod_policy)
