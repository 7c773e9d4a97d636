// Run-policy fields under spec.runPolicy (training-operator >= 1.3) or directly under spec
// (tf-operator/mxnet-operator v1, Huawei CCI): the wrong layout is rejected or ignored.
#include <optional>

#include "rules/engine/context.h"
#include "rules/engine/rule.h"

using namespace kflint;

namespace {

const char* const kLegacyFields[] = {"activeDeadlineSeconds", "backoffLimit", "cleanPodPolicy", "ttlSecondsAfterFinished"};

// One finding per field directly under `spec`, each with an unsafe fix that moves it under
// `spec.runPolicy` (block style only; one fix per round creates the map, the next fills it).
void report_fields_under_spec(RuleContext& ctx, const std::vector<NodeId>& legacy, const std::string& why, std::optional<Severity> severity) {
  const JobView& job = ctx.job;
  bool creates_run_policy = false;
  for (NodeId n : legacy) {
    const NodeId key_node = ctx.v.key_of(n);
    if (key_node == kNoNode) continue;
    const std::string key = ctx.v.at(key_node).text;
    Diagnostic& d = ctx.report_key(n, "`spec." + key + "` " + why);
    if (severity) d.severity = *severity;
    const NodeId rp = job.run_policy;
    if (!ctx.block_style(job.spec) || (rp != kNoNode && !ctx.block_style(rp)) || ctx.v.at(n).kind == Kind::Map) continue;
    if ((rp != kNoNode && ctx.v.get(rp, key) != kNoNode) || (rp == kNoNode && creates_run_policy)) continue;
    creates_run_policy = rp == kNoNode;
    Fix& f = ctx.add_fix(d, "Move `" + key + "` under `spec.runPolicy`", Applicability::Unsafe);
    f.edits.push_back(TextEdit{ctx.entry_lines(n), ""});
    const std::string line = key + ": " + ctx.written(n);
    if (rp != kNoNode && ctx.v.is_map(rp)) f.edits.push_back(ctx.append_to_map(rp, line));
    else f.edits.push_back(ctx.append_to_map(job.spec, "runPolicy:\n  " + line));
  }
}

}  // namespace

KFLINT_RULE(kf220_run_policy_layout, "KF220", "run-policy-layout", "operator", Severity::Error,
            "Run-policy fields are in the wrong place for the target (spec.runPolicy vs directly under spec)") {
  const JobView& job = ctx.job;
  std::vector<NodeId> legacy;
  for (const char* f : kLegacyFields)
    if (NodeId n = ctx.v.get(job.spec, f); n != kNoNode) legacy.push_back(n);
  if (ctx.layout == Layout::RunPolicy) {
    if (legacy.empty()) return;
    const std::string why = ctx.target != Target::Auto ? "with target `kubeflow` (training-operator >= 1.3)" : "this job also uses `spec.runPolicy`";
    report_fields_under_spec(ctx, legacy, "belongs under `spec.runPolicy` (" + why + "): kubectl rejects it as an unknown field, or it is dropped", {});
  } else if (job.run_policy != kNoNode) {
    const std::string why = ctx.target == Target::Cci ? "Huawei CCI (target `cci`)" : "the legacy operators (target `legacy`)";
    ctx.report_key(job.run_policy, "`spec.runPolicy` is not read by " + why + ": put its fields (cleanPodPolicy, backoffLimit, ...) directly under `spec`");
  } else if (ctx.target == Target::Auto && !legacy.empty()) {
    // The most common real failure: the legacy layout sent to a current training-operator
    // (kubeflow/trainer#1401: `ValidationError(TFJob.spec): unknown field "cleanPodPolicy"`).
    // Which operator runs the job is not in the file: a warning, silent with target legacy or cci.
    report_fields_under_spec(ctx, legacy,
                             "is in the legacy layout: tf-operator up to v1.1, mxnet-operator v1 and Huawei CCI read it there, but "
                             "training-operator v1.3 and later reject it (`unknown field`); move it under `spec.runPolicy`, or set "
                             "target `legacy` or `cci` if that is where the job runs",
                             Severity::Warning);
  }
}
