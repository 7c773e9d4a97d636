// A replica without a pod template or with `containers: []` (T3/W3/M3). A template.spec that
// lacks `containers` is KF103 (the CRD requires it).
#include "rules/engine/context.h"
#include "rules/engine/rule.h"

using namespace kflint;

KFLINT_RULE(kf205_missing_containers, "KF205", "missing-containers", "operator", Severity::Error,
            "A replica has no pod template or no containers") {
  for (const ReplicaView& r : ctx.job.replicas) {
    if (!ctx.v.is_map(r.spec)) continue;  // wrong types are KF102
    const std::string where = "`" + ctx.path(r.spec) + "`";
    const std::string why = ": the operator rejects the job (`" + std::string(ctx.job.kind_name()) + "Spec is not valid: containers definition expected in " + r.type + "`)";
    if (r.template_ == kNoNode)
      ctx.report_range(ctx.doc.range(r.key), where + " has no `template`" + why);
    else if (ctx.v.is_map(r.template_) && r.pod_spec == kNoNode)
      ctx.report_key(r.template_, where + ".template has no `spec`" + why);
    else if (ctx.v.is_seq(r.containers_node) && r.containers.empty())
      ctx.report(r.containers_node, where + " has an empty `containers` list" + why);
  }
}
