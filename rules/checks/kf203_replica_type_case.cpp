// `Ps`, `worker`: normalised by the operator for some types only (kubeflow-domain.md §2.4).
#include "core/text_util.h"
#include "rules/engine/context.h"
#include "rules/engine/rule.h"

using namespace kflint;

KFLINT_RULE(kf203_replica_type_case, "KF203", "replica-type-case", "operator", Severity::Info,
            "A replica type is not written in its canonical case (`Ps` for `PS`)") {
  for (const ReplicaView& r : ctx.job.replicas) {
    for (const std::string& k : ctx.job.known_replica_types()) {
      if (k == r.type || !iequals(k, r.type)) continue;
      const bool tuner = ctx.job.kind == JobKind::MXJob && (k == "TunerTracker" || k == "TunerServer" || k == "Tuner");
      std::string message = "replica type `" + r.type + "` is not written `" + k + "`: ";
      message += tuner ? "the operator does not normalise MXNet tuner types, so it never finds this replica"
                       : "the operator normalises it, but the CRD's per-type checks and the Chief/Master validation see the raw key";
      Diagnostic& d = ctx.report_range(ctx.doc.range(r.key), message);
      if (tuner) d.severity = Severity::Warning;
      if (ctx.job.replica(k) == nullptr)
        ctx.add_fix(d, "Write `" + k + "`", Applicability::Safe).edits.push_back(TextEdit{ctx.doc.range(r.key), k});
    }
  }
}

KFLINT_RULE_ON_MERGE_PATCHES(kf203_replica_type_case)
