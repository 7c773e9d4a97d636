// imagePullSecrets entries are LocalObjectReferences: without a name they reference nothing.
#include "rules/engine/context.h"
#include "rules/engine/rule.h"

using namespace kflint;

KFLINT_RULE(kf404_pull_secret_without_name, "KF404", "pull-secret-without-name", "images", Severity::Error,
            "An imagePullSecrets entry has no name") {
  for (const ReplicaView& r : ctx.job.replicas) {
    const NodeId secrets = ctx.v.get(r.pod_spec, "imagePullSecrets");
    if (!ctx.v.is_seq(secrets)) continue;
    for (NodeId entry : ctx.v.at(secrets).items) {
      const NodeId name = ctx.v.get(entry, "name");
      if (ctx.v.is_string(name) && !ctx.v.str(name).empty()) continue;
      ctx.report(entry, "an imagePullSecrets entry of `" + r.type + "` has no `name`: it references no secret and the pull is anonymous");
    }
  }
}

KFLINT_RULE_ON_MERGE_PATCHES(kf404_pull_secret_without_name)
