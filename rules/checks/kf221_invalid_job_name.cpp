// T1/W1/M1: the operator (>= 1.6) requires a DNS-1035 label as the job name.
#include "rules/engine/context.h"
#include "rules/engine/k8s_names.h"
#include "rules/engine/rule.h"

using namespace kflint;

KFLINT_RULE(kf221_invalid_job_name, "KF221", "invalid-job-name", "operator", Severity::Error,
            "The job name is not a DNS-1035 label (lowercase, starts with a letter, no dots, <= 63)") {
  if (!ctx.v.is_string(ctx.job.name)) return;
  const std::string_view name = ctx.v.str(ctx.job.name);
  if (name.empty() || !check_dns1123_subdomain(name).empty()) return;  // KF504: the API server rejects it first
  const std::string problem = check_dns1035_label(name);
  if (problem.empty()) return;
  ctx.report(ctx.job.name, std::string(ctx.job.kind_name()) + " name `" + std::string(name) + "` is invalid for the operator: " + problem);
}

KFLINT_RULE_ON_MERGE_PATCHES(kf221_invalid_job_name)
