// Huawei CCI: container vCPUs are integer multiples of 0.25.
#include "rules/engine/context.h"
#include "rules/engine/resources.h"
#include "rules/engine/rule.h"

using namespace kflint;

KFLINT_RULE(kf311_cci_cpu_granularity, "KF311", "cci-cpu-granularity", "cci", Severity::Error,
            "CCI: a container's cpu is not a multiple of 250m") {
  if (ctx.target != Target::Cci) return;
  for_each_quantity(ctx.v, ctx.job, [&](const ContainerRef&, const ContainerResources&, const QuantityField& f) {
    if (f.resource == "cpu" && f.value && f.value->nano % 250000000 != 0)
      ctx.report(f.node, "cpu " + ctx.written(f.node) + " is not a multiple of 250m: Huawei CCI allocates vCPUs in quarters (0.25, 0.5, 0.75, 1, ...)");
  });
}

KFLINT_RULE_ON_MERGE_PATCHES(kf311_cci_cpu_granularity)
