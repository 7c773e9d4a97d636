// Huawei CCI pods pull with the namespace's `imagepull-secret` (every CCI example uses it).
#include "rules/engine/context.h"
#include "rules/engine/rule.h"

using namespace kflint;

KFLINT_RULE(kf406_cci_pull_secret_name, "KF406", "cci-pull-secret-name", "cci", Severity::Warning,
            "CCI: imagePullSecrets does not include the platform's pull secret (imagepull-secret)") {
  if (ctx.target != Target::Cci) return;
  const std::string expected = ctx.option("secret", "imagepull-secret");
  for (const ReplicaView& r : ctx.job.replicas) {
    const NodeId secrets = ctx.v.get(r.pod_spec, "imagePullSecrets");
    if (!ctx.v.is_seq(secrets) || ctx.v.at(secrets).items.empty()) continue;  // KF403
    bool found = false;
    for (NodeId entry : ctx.v.at(secrets).items) found = found || ctx.v.str(ctx.v.get(entry, "name")) == expected;
    if (!found)
      ctx.report_key(secrets, "imagePullSecrets of `" + r.type + "` does not include `" + expected +
                                  "`, the secret Huawei CCI creates for its image registry (set the rule option `secret` if yours differs)");
  }
}

KFLINT_RULE_OPTIONS(kf406_cci_pull_secret_name,
                    {"secret", OptionType::String, "imagepull-secret", "the pull secret every CCI pod must list"})

KFLINT_RULE_ON_MERGE_PATCHES(kf406_cci_pull_secret_name)
