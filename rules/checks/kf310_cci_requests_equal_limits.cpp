// Huawei CCI: "The request of an application container or init container in a pod equals to the limit".
#include "rules/engine/context.h"
#include "rules/engine/resources.h"
#include "rules/engine/rule.h"

using namespace kflint;

KFLINT_RULE(kf310_cci_requests_equal_limits, "KF310", "cci-requests-equal-limits", "cci", Severity::Error,
            "CCI: a container's cpu or memory request differs from its limit") {
  if (ctx.target != Target::Cci) return;
  for (const ContainerRef& ref : all_containers(ctx.job)) {
    const ContainerResources res = read_resources(ctx.v, *ref.container);
    for (const char* name : {"cpu", "memory"}) {
      const QuantityField* req = res.request(name);
      const QuantityField* lim = res.limit(name);
      if (!req || !lim || !req->value || !lim->value || *req->value == *lim->value) continue;
      Diagnostic& d = ctx.report(req->node, std::string(name) + " request " + ctx.written(req->node) + " differs from its limit " + ctx.written(lim->node) +
                                                ": Huawei CCI requires every container's request to equal its limit");
      d.related.push_back({ctx.doc.range(lim->node), "the limit"});
      ctx.add_fix(d, "Set the request to the limit", Applicability::Unsafe).edits.push_back(ctx.replace(req->node, ctx.written(lim->node)));
    }
  }
}

KFLINT_RULE_ON_MERGE_PATCHES(kf310_cci_requests_equal_limits)
