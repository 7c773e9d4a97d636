// Extended resources (nvidia.com/gpu): whole numbers, a limit, and request == limit.
#include "rules/engine/context.h"
#include "rules/engine/resources.h"
#include "rules/engine/rule.h"

using namespace kflint;

KFLINT_RULE(kf304_extended_resource, "KF304", "extended-resource", "resources", Severity::Error,
            "An extended resource (nvidia.com/gpu) is fractional, has no limit, or request differs from limit") {
  for (const ContainerRef& ref : all_containers(ctx.job)) {
    const ContainerResources res = read_resources(ctx.v, *ref.container);
    for (const auto* list : {&res.request_list, &res.limit_list})
      for (const QuantityField& f : *list)
        if (is_extended_resource(f.resource) && f.value && !f.value->is_integer())
          ctx.report(f.node, "`" + f.resource + "` is " + ctx.written(f.node) + ": extended resources must be whole numbers (`must be an integer`)");
    for (const QuantityField& req : res.request_list) {
      if (!is_extended_resource(req.resource) || !req.value) continue;
      const QuantityField* lim = res.limit(req.resource);
      if (!lim) {
        Diagnostic& d = ctx.report(req.node, "`" + req.resource + "` is requested without a limit: extended resources cannot be overcommitted (`Limit must be set for non overcommitable resources`)");
        // Copying the request is right only when the request itself is (a whole number): copying
        // `0.5` would add the same errors to the limit.
        if (ctx.v.is_map(res.limits) && ctx.block_style(res.limits) && req.value->is_integer())
          ctx.add_fix(d, "Add the same limit", Applicability::Safe).edits.push_back(ctx.append_to_map(res.limits, req.resource + ": " + ctx.written(req.node)));
      } else if (lim->value && !(*lim->value == *req.value)) {
        Diagnostic& d = ctx.report(req.node, "`" + req.resource + "` request " + ctx.written(req.node) + " differs from its limit " + ctx.written(lim->node) +
                                                 ": extended resources need request equal to limit (`must be equal to " + req.resource + " limit`)");
        d.related.push_back({ctx.doc.range(lim->node), "the limit"});
        ctx.add_fix(d, "Set the request to the limit", Applicability::Unsafe).edits.push_back(ctx.replace(req.node, ctx.written(lim->node)));
      }
    }
  }
}

KFLINT_RULE_ON_MERGE_PATCHES(kf304_extended_resource)
