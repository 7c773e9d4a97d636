// ObjectMeta names: metadata.name a DNS-1123 subdomain, metadata.namespace a DNS-1123 label.
#include "rules/engine/context.h"
#include "rules/engine/k8s_names.h"
#include "rules/engine/rule.h"

using namespace kflint;

KFLINT_RULE(kf504_invalid_object_name, "KF504", "invalid-object-name", "metadata", Severity::Error,
            "metadata.name or metadata.namespace is not a valid Kubernetes name") {
  if (ctx.v.is_string(ctx.job.name) && !ctx.v.str(ctx.job.name).empty()) {
    const std::string_view name = ctx.v.str(ctx.job.name);
    if (const std::string problem = check_dns1123_subdomain(name); !problem.empty())
      ctx.report(ctx.job.name, "metadata.name `" + std::string(name) + "` is invalid: " + problem + kustomize_hint(name));
  }
  const NodeId ns = ctx.v.get(ctx.job.metadata, "namespace");
  if (ctx.v.is_string(ns) && !ctx.v.str(ns).empty()) {
    if (const std::string problem = check_dns1123_label(ctx.v.str(ns)); !problem.empty())
      ctx.report(ns, "metadata.namespace `" + std::string(ctx.v.str(ns)) + "` is invalid: " + problem + kustomize_hint(ctx.v.str(ns)));
  }
}

KFLINT_RULE_ON_MERGE_PATCHES(kf504_invalid_object_name)
