// A PUT of a custom resource is always conditional: apiextensions-apiserver's strategy does not
// allow unconditional updates, so the registry refuses a body without a resourceVersion.
#include "rules/engine/context.h"
#include "rules/engine/rule.h"

using namespace kflint;

KFLINT_RULE(kf507_replace_without_resource_version, "KF507", "replace-without-resource-version", "metadata", Severity::Error,
            "A PUT body (--operation replace) has no metadata.resourceVersion") {
  if (ctx.options.operation != Operation::Replace || ctx.options.merged_patch) return;
  const NodeId rv = ctx.v.get(ctx.job.metadata, "resourceVersion");
  if (rv != kNoNode && ctx.v.at(rv).kind != Kind::Null && !(ctx.v.is_string(rv) && ctx.v.str(rv).empty())) return;
  const std::string message = std::string(rv == kNoNode ? "`metadata.resourceVersion` is missing" : "`metadata.resourceVersion` is empty") +
                              ": the API server replaces a " + std::string(ctx.job.kind_name()) +
                              " only with the version it was read at (`metadata.resourceVersion: Invalid value: 0x0: must be specified for an "
                              "update`); copy it from the object you read";
  if (rv != kNoNode) ctx.report_key(rv, message);
  else if (ctx.job.metadata != kNoNode) ctx.report_key(ctx.job.metadata, message);
  else ctx.report_range(ctx.doc.key_range(ctx.job.kind_node), message);
}
