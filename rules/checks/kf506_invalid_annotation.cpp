// Annotation keys are qualified names; all annotations together at most 256 KiB.
#include "core/text_util.h"
#include "rules/engine/context.h"
#include "rules/engine/k8s_names.h"
#include "rules/engine/rule.h"

using namespace kflint;

KFLINT_RULE(kf506_invalid_annotation, "KF506", "invalid-annotation", "metadata", Severity::Error,
            "An annotation key is invalid, or the annotations exceed 256 KiB") {
  for (NodeId meta : ctx.job.all_metadata()) {
    const NodeId annotations = ctx.v.get(meta, "annotations");
    if (!ctx.v.is_map(annotations)) continue;
    size_t total = 0;
    for (const MapEntry& e : ctx.v.at(annotations).entries) {
      const std::string& key = ctx.v.at(e.key).text;
      total += key.size() + ctx.v.at(e.value).text.size();
      if (const std::string problem = check_qualified_name(to_lower(key)); !problem.empty())
        ctx.report(e.key, "annotation key `" + key + "` is invalid: " + problem);
    }
    if (total > 262144)
      ctx.report_key(annotations, "annotations total " + std::to_string(total) + " bytes, over the limit of 262144 (`Too long: must have at most 262144 bytes`)");
  }
}

KFLINT_RULE_ON_MERGE_PATCHES(kf506_invalid_annotation)
