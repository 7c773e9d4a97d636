// requests > limits: every pod creation is rejected (`must be less than or equal to cpu limit`).
#include "rules/engine/context.h"
#include "rules/engine/resources.h"
#include "rules/engine/rule.h"

using namespace kflint;

KFLINT_RULE(kf301_requests_exceed_limits, "KF301", "requests-exceed-limits", "resources", Severity::Error,
            "A container requests more of a resource than its limit") {
  for (const ContainerRef& ref : all_containers(ctx.job)) {
    const ContainerResources res = read_resources(ctx.v, *ref.container);
    for (const QuantityField& req : res.request_list) {
      const QuantityField* lim = res.limit(req.resource);
      if (!lim || !req.value || !lim->value) continue;
      if (!(*lim->value < *req.value)) continue;
      Diagnostic& d = ctx.report(req.node, "`" + ctx.path(req.node) + "` is " + ctx.written(req.node) + ", above its limit " + ctx.written(lim->node) +
                                               ": the API server rejects every pod (`must be less than or equal to " + req.resource + " limit`)");
      d.related.push_back({ctx.doc.range(lim->node), "the " + req.resource + " limit"});
      ctx.add_fix(d, "Raise the limit to " + ctx.written(req.node), Applicability::Unsafe).edits.push_back(ctx.replace(lim->node, ctx.written(req.node)));
      ctx.add_fix(d, "Lower the request to " + ctx.written(lim->node), Applicability::Unsafe).edits.push_back(ctx.replace(req.node, ctx.written(lim->node)));
    }
  }
}

KFLINT_RULE_ON_MERGE_PATCHES(kf301_requests_exceed_limits)
