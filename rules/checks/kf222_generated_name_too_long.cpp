// S14: pod and Service names are <job>-<lower type>-<index>; Services must be <= 63 characters.
#include "core/text_util.h"
#include "rules/engine/context.h"
#include "rules/engine/rule.h"

using namespace kflint;

KFLINT_RULE(kf222_generated_name_too_long, "KF222", "generated-name-too-long", "operator", Severity::Error,
            "`<job name>-<replica type>-<index>` is longer than 63 characters") {
  if (!ctx.v.is_string(ctx.job.name)) return;
  const std::string name(ctx.v.str(ctx.job.name));
  size_t longest = 0;
  std::string example;
  for (const ReplicaView& r : ctx.job.replicas) {
    const int64_t count = std::max<int64_t>(1, r.count(ctx.v));
    const std::string generated = name + "-" + to_lower(r.type) + "-" + std::to_string(count - 1);
    if (generated.size() > longest) longest = generated.size(), example = generated;
  }
  if (longest <= 63 || name.size() > 63) return;  // names over 63 are KF221
  ctx.report(ctx.job.name, "pod and Service names such as `" + example + "` are " + std::to_string(longest) +
                               " characters, over the limit of 63: Service creation fails and the job hangs; shorten the name by " +
                               std::to_string(longest - 63));
}
