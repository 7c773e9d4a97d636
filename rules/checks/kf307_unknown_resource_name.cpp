// Unprefixed resource names other than cpu/memory/ephemeral-storage/hugepages-*: `gpu`, `GPU`.
#include "core/text_util.h"
#include "rules/engine/context.h"
#include "rules/engine/resources.h"
#include "rules/engine/rule.h"

using namespace kflint;

KFLINT_RULE(kf307_unknown_resource_name, "KF307", "unknown-resource-name", "resources", Severity::Error,
            "A resource name is neither standard (cpu, memory, ...) nor a prefixed extended resource") {
  for_each_quantity(ctx.v, ctx.job, [&](const ContainerRef&, const ContainerResources&, const QuantityField& f) {
    if (is_standard_resource(f.resource) || is_extended_resource(f.resource)) return;
    std::string hint;
    if (iequals(f.resource, "gpu") || iequals(f.resource, "gpus")) hint = "; GPUs are `nvidia.com/gpu` (or your device plugin's name)";
    else if (iequals(f.resource, "cpu") || iequals(f.resource, "memory") || iequals(f.resource, "mem")) hint = "; names are lowercase: `cpu`, `memory`";
    ctx.report_key(f.node, "resource `" + f.resource + "` is not a standard resource for containers" + hint);
  });
}

KFLINT_RULE_ON_MERGE_PATCHES(kf307_unknown_resource_name)
