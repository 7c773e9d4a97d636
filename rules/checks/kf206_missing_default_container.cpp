// T5/W5/M5: each replica needs a container named exactly `tensorflow` (TFJob) / `mxnet` (MXJob).
#include "rules/engine/context.h"
#include "rules/engine/rule.h"

using namespace kflint;

KFLINT_RULE(kf206_missing_default_container, "KF206", "missing-default-container", "operator", Severity::Error,
            "A replica has no container named `tensorflow` (TFJob) or `mxnet` (MXJob)") {
  const std::string name(ctx.job.default_container());
  for (const ReplicaView& r : ctx.job.replicas) {
    if (r.containers.empty()) continue;  // KF205
    bool found = false;
    for (const ContainerView& c : r.containers) found = found || ctx.v.str(c.name) == name;
    if (found) continue;
    const std::string message = "no container named `" + name + "` in replica `" + r.type +
                                "`: the operator rejects the job (`There is no container named " + name + " in " + r.type + "`)";
    const ContainerView& only = r.containers.front();
    Diagnostic& d = only.name != kNoNode ? ctx.report(only.name, message) : ctx.report_key(r.containers_node, message);
    if (r.containers.size() == 1 && ctx.v.is_string(only.name))
      ctx.add_fix(d, "Rename the container to `" + name + "`", Applicability::Safe).edits.push_back(ctx.replace(only.name, name));
  }
}

KFLINT_RULE_ON_MERGE_PATCHES(kf206_missing_default_container)
