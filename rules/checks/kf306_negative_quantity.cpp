// ValidateNonnegativeQuantity: `must be greater than or equal to 0`.
#include "rules/engine/context.h"
#include "rules/engine/resources.h"
#include "rules/engine/rule.h"

using namespace kflint;

KFLINT_RULE(kf306_negative_quantity, "KF306", "negative-quantity", "resources", Severity::Error,
            "A resource request or limit is negative") {
  for_each_quantity(ctx.v, ctx.job, [&](const ContainerRef&, const ContainerResources&, const QuantityField& f) {
    if (f.value && f.value->negative())
      ctx.report(f.node, "`" + ctx.path(f.node) + "` is " + ctx.written(f.node) + ": quantities must be greater than or equal to 0");
  });
}

KFLINT_RULE_ON_MERGE_PATCHES(kf306_negative_quantity)
