// `:latest` or no tag: pull policy Always, and a different image on every restart.
#include "rules/engine/context.h"
#include "rules/engine/image_ref.h"
#include "rules/engine/resources.h"
#include "rules/engine/rule.h"

using namespace kflint;

KFLINT_RULE(kf405_image_latest_tag, "KF405", "image-latest-tag", "images", Severity::Warning,
            "An image has no tag or the `latest` tag, so runs are not reproducible") {
  for (const ContainerRef& ref : all_containers(ctx.job)) {
    if (!ctx.v.is_string(ref.container->image)) continue;
    const ImageRef image = parse_image_ref(ctx.v.str(ref.container->image));
    if (!image.valid || !image.digest.empty()) continue;
    if (!image.tag.empty() && image.tag != "latest") continue;
    ctx.report(ref.container->image, "image `" + std::string(ctx.v.str(ref.container->image)) + "` " +
                                         (image.tag.empty() ? "has no tag (it means `latest`)" : "uses the `latest` tag") +
                                         ": pods pull it on every start and replicas may run different code; pin a version or digest");
  }
}

KFLINT_RULE_ON_MERGE_PATCHES(kf405_image_latest_tag)
