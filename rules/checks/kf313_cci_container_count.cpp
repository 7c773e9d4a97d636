// Huawei CCI: at most 5 containers per pod.
#include "rules/engine/context.h"
#include "rules/engine/rule.h"

using namespace kflint;

KFLINT_RULE(kf313_cci_container_count, "KF313", "cci-container-count", "cci", Severity::Error,
            "CCI: a pod has more than 5 containers") {
  if (ctx.target != Target::Cci) return;
  for (const ReplicaView& r : ctx.job.replicas)
    if (r.containers.size() > 5)
      ctx.report_key(r.containers_node, "the pod of `" + r.type + "` has " + std::to_string(r.containers.size()) +
                                            " containers: Huawei CCI allows at most 5 per pod");
}

KFLINT_RULE_ON_MERGE_PATCHES(kf313_cci_container_count)
