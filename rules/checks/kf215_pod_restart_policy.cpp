// S1: template.spec.restartPolicy is overwritten by the replica-level restartPolicy.
#include "rules/engine/context.h"
#include "rules/engine/rule.h"

using namespace kflint;

KFLINT_RULE(kf215_pod_restart_policy, "KF215", "pod-restart-policy", "operator", Severity::Warning,
            "restartPolicy is set in the pod template, where the operator overwrites it") {
  for (const ReplicaView& r : ctx.job.replicas) {
    const NodeId pod_policy = ctx.v.get(r.pod_spec, "restartPolicy");
    if (pod_policy == kNoNode) continue;
    const std::string value = ctx.written(pod_policy);
    const std::string effective = ctx.v.is_string(r.restart_policy) ? std::string(ctx.v.str(r.restart_policy)) : "Never (the default)";
    Diagnostic& d = ctx.report_key(pod_policy, "`restartPolicy: " + value + "` in the pod template of `" + r.type +
                                                   "` is overwritten by the replica's restartPolicy, " + effective + "; set it on the replica");
    if (!ctx.block_style(r.pod_spec) || !ctx.block_style(r.spec)) continue;
    if (r.restart_policy != kNoNode) {
      ctx.add_fix(d, "Remove the ignored pod-level restartPolicy", Applicability::Safe).edits.push_back(TextEdit{ctx.entry_lines(pod_policy), ""});
    } else {
      Fix& f = ctx.add_fix(d, "Move `restartPolicy: " + value + "` to replica `" + r.type + "`", Applicability::Unsafe);
      f.edits.push_back(TextEdit{ctx.entry_lines(pod_policy), ""});
      f.edits.push_back(ctx.append_to_map(r.spec, "restartPolicy: " + value));
    }
  }
}

KFLINT_RULE_ON_MERGE_PATCHES(kf215_pod_restart_policy)
