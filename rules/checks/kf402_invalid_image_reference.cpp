// The kubelet parses image references with distribution/reference: InvalidImageName otherwise.
#include "core/text_util.h"
#include "rules/engine/context.h"
#include "rules/engine/image_ref.h"
#include "rules/engine/resources.h"
#include "rules/engine/rule.h"

using namespace kflint;

KFLINT_RULE(kf402_invalid_image_reference, "KF402", "invalid-image-reference", "images", Severity::Error,
            "An image reference does not parse (`*.*.*.215:20202/cci/mxnet:xsw-dis`, uppercase, spaces)") {
  for (const ContainerRef& ref : all_containers(ctx.job)) {
    const NodeId image = ref.container->image;
    if (!ctx.v.is_string(image) || ctx.v.str(image).empty()) continue;
    const std::string_view text = ctx.v.str(image);
    if (trim(text) != text) {
      Diagnostic& d = ctx.report(image, "image `" + std::string(text) + "` has leading or trailing whitespace: the pod is rejected (`must not have leading or trailing whitespace`)");
      ctx.add_fix(d, "Trim the whitespace", Applicability::Safe).edits.push_back(ctx.replace(image, yaml_quote(trim(text))));
      continue;
    }
    const ImageRef parsed = parse_image_ref(text);
    if (parsed.valid) continue;
    ctx.report(image, "image `" + std::string(text) + "` is not a valid reference (" + parsed.error +
                          "): the kubelet cannot pull it and the pod stays in InvalidImageName");
  }
}

KFLINT_RULE_ON_MERGE_PATCHES(kf402_invalid_image_reference)
