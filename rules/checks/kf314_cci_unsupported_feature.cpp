// Huawei CCI does not support hostPath, hostNetwork or privileged containers.
#include "rules/engine/context.h"
#include "rules/engine/resources.h"
#include "rules/engine/rule.h"

using namespace kflint;

KFLINT_RULE(kf314_cci_unsupported_feature, "KF314", "cci-unsupported-feature", "cci", Severity::Error,
            "CCI: the pod uses hostPath, hostNetwork or a privileged container") {
  if (ctx.target != Target::Cci) return;
  for (const ReplicaView& r : ctx.job.replicas) {
    const NodeId host_network = ctx.v.get(r.pod_spec, "hostNetwork");
    if (host_network != kNoNode && ctx.v.at(host_network).kind == Kind::Bool && ctx.v.at(host_network).bool_value)
      ctx.report_key(host_network, "`hostNetwork: true` is not supported by Huawei CCI");
    const NodeId volumes = ctx.v.get(r.pod_spec, "volumes");
    if (ctx.v.is_seq(volumes))
      for (NodeId vol : ctx.v.at(volumes).items)
        if (NodeId hp = ctx.v.get(vol, "hostPath"); hp != kNoNode) ctx.report_key(hp, "`hostPath` volumes are not supported by Huawei CCI");
  }
  for (const ContainerRef& ref : all_containers(ctx.job)) {
    const NodeId privileged = ctx.v.get(ctx.v.get(ref.container->node, "securityContext"), "privileged");
    if (privileged != kNoNode && ctx.v.at(privileged).kind == Kind::Bool && ctx.v.at(privileged).bool_value)
      ctx.report_key(privileged, "privileged containers are not supported by Huawei CCI");
  }
}

KFLINT_RULE_ON_MERGE_PATCHES(kf314_cci_unsupported_feature)
