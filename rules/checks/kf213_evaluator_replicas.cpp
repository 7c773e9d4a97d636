// TensorFlow runs one evaluator; more is wasted capacity (and legacy expectations differ).
#include "core/text_util.h"
#include "rules/engine/context.h"
#include "rules/engine/rule.h"

using namespace kflint;

KFLINT_RULE(kf213_evaluator_replicas, "KF213", "evaluator-replicas", "operator", Severity::Warning,
            "A TFJob Evaluator has more than one replica") {
  if (ctx.job.kind != JobKind::TFJob) return;
  for (const ReplicaView& r : ctx.job.replicas)
    if (iequals(r.type, "Evaluator") && r.replicas != kNoNode && ctx.v.at(r.replicas).kind == Kind::Int && ctx.v.at(r.replicas).int_value > 1)
      ctx.report(r.replicas, "`Evaluator` has " + ctx.written(r.replicas) + " replicas: TensorFlow uses a single evaluator; the others idle");
}
