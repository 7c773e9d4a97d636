// MXJob jobMode: MXTrain or MXTune, case-sensitive (legacy inspectMXjob).
#include "core/text_util.h"
#include "rules/engine/context.h"
#include "rules/engine/rule.h"

using namespace kflint;

KFLINT_RULE(kf210_invalid_job_mode, "KF210", "invalid-job-mode", "operator", Severity::Error,
            "MXJob `jobMode` is not `MXTrain` or `MXTune`") {
  if (ctx.job.kind != JobKind::MXJob) return;
  const NodeId mode = ctx.v.get(ctx.job.spec, "jobMode");
  if (!ctx.v.is_string(mode)) return;  // missing: KF103; wrong type: KF102
  const std::string_view m = ctx.v.str(mode);
  if (m == "MXTrain" || m == "MXTune") return;
  Diagnostic& d = ctx.report(mode, "`spec.jobMode` is `" + std::string(m) + "`: it must be `MXTrain` or `MXTune` (case-sensitive)");
  for (const char* good : {"MXTrain", "MXTune"})
    if (iequals(m, good)) ctx.add_fix(d, std::string("Write `") + good + "`", Applicability::Safe).edits.push_back(ctx.replace(mode, good));
}

KFLINT_RULE_ON_MERGE_PATCHES(kf210_invalid_job_mode)
