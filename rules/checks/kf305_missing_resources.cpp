// Containers without cpu/memory requests or limits: unpredictable scheduling; CCI requires both.
#include "rules/engine/context.h"
#include "rules/engine/resources.h"
#include "rules/engine/rule.h"

using namespace kflint;

KFLINT_RULE(kf305_missing_resources, "KF305", "missing-resources", "resources", Severity::Warning,
            "A container declares no cpu/memory requests or limits (an error under target cci)") {
  const bool cci = ctx.target == Target::Cci;
  for (const ContainerRef& ref : all_containers(ctx.job)) {
    const ContainerResources res = read_resources(ctx.v, *ref.container);
    // Requests default to limits, so a limit alone is complete; CCI wants both written out.
    std::string missing;
    for (const char* r : {"cpu", "memory"}) {
      const bool complete = cci ? (res.limit(r) && res.request(r)) : (res.limit(r) || res.request(r));
      if (!complete) missing += std::string(missing.empty() ? "" : " and ") + r;
    }
    if (missing.empty()) continue;
    const NodeId at = ref.container->name != kNoNode ? ref.container->name : ref.container->node;
    Diagnostic& d = ctx.report(at, "container `" + (ctx.v.is_string(ref.container->name) ? std::string(ctx.v.str(ref.container->name)) : "#" + std::to_string(ref.container->index)) + "` of `" + ref.replica->type + "` declares no " + missing + (cci ? " requests and limits" : " limit") +
                                       (cci ? ": Huawei CCI requires requests and limits for cpu and memory on every container"
                                            : ": the pods get whatever the node has left and can be evicted first"));
    if (cci) d.severity = Severity::Error;
  }
}

KFLINT_RULE_ON_MERGE_PATCHES(kf305_missing_resources)
