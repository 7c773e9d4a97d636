// T4/W4/M4: every container needs an image (init containers fail later, at pod creation).
#include "rules/engine/context.h"
#include "rules/engine/resources.h"
#include "rules/engine/rule.h"

using namespace kflint;

KFLINT_RULE(kf401_missing_image, "KF401", "missing-image", "images", Severity::Error,
            "A container has no image") {
  for (const ContainerRef& ref : all_containers(ctx.job)) {
    const ContainerView& c = *ref.container;
    if (!ctx.v.is_map(c.node)) continue;
    if (c.image != kNoNode && !(ctx.v.is_string(c.image) && ctx.v.str(c.image).empty()) && ctx.v.at(c.image).kind != Kind::Null) continue;
    const std::string who = "container `" + (ctx.v.is_string(c.name) ? std::string(ctx.v.str(c.name)) : "#" + std::to_string(c.index)) + "` of `" + ref.replica->type + "`";
    const std::string why = c.init ? ": pod creation fails (`image: Required value`)"
                                   : ": the operator rejects the job (`Image is undefined in the container of " + ref.replica->type + "`)";
    if (c.image != kNoNode) ctx.report_key(c.image, who + " has an empty image" + why);
    else ctx.report(c.name != kNoNode ? c.name : c.node, who + " has no image" + why);
  }
}

KFLINT_RULE_ON_MERGE_PATCHES(kf401_missing_image)
