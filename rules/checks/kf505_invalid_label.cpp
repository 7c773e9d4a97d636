// Label keys (qualified names) and values (<= 63, alphanumeric ends): job metadata -> rejected
// at apply; pod template metadata -> pod creation fails.
#include "rules/engine/context.h"
#include "rules/engine/k8s_names.h"
#include "rules/engine/rule.h"

using namespace kflint;

KFLINT_RULE(kf505_invalid_label, "KF505", "invalid-label", "metadata", Severity::Error,
            "A label key or value is not valid") {
  for (NodeId meta : ctx.job.all_metadata()) {
    const NodeId labels = ctx.v.get(meta, "labels");
    if (!ctx.v.is_map(labels)) continue;
    for (const MapEntry& e : ctx.v.at(labels).entries) {
      const std::string& key = ctx.v.at(e.key).text;
      if (const std::string problem = check_qualified_name(key); !problem.empty())
        ctx.report(e.key, "label key `" + key + "` is invalid: " + problem + kustomize_hint(key));
      if (!ctx.v.is_string(e.value)) continue;  // non-strings are KF007/KF102
      if (const std::string problem = check_label_value(ctx.v.str(e.value)); !problem.empty())
        ctx.report(e.value, "label value `" + std::string(ctx.v.str(e.value)) + "` of `" + key + "` is invalid: " + problem + kustomize_hint(ctx.v.str(e.value)));
    }
  }
}

KFLINT_RULE_ON_MERGE_PATCHES(kf505_invalid_label)
