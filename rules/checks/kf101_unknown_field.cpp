// Unknown fields: rejected by kubectl's strict field validation, or silently pruned by the API
// server (structural CRD) for clients that do not validate.
#include "core/text_util.h"
#include "rules/engine/context.h"
#include "rules/engine/rule.h"

using namespace kflint;

KFLINT_RULE(kf101_unknown_field, "KF101", "unknown-field", "schema", Severity::Error,
            "A field the CRD does not define (a typo such as `replica:` or `Replicas:`)") {
  for (const schema::Finding& f : ctx.schema_findings()) {
    if (f.type != schema::FindingType::UnknownField) continue;
    const NodeId parent = ctx.v.at(f.node).parent;
    const std::string where = ctx.path(parent);
    const std::string suggestion = closest_match(f.field, f.allowed);
    std::string message = "unknown field `" + f.field + "` in `" + (where.empty() ? std::string(ctx.job.kind_name()) : where) + "`";
    if (!suggestion.empty() && ctx.v.entry(parent, suggestion) == nullptr) message += "; did you mean `" + suggestion + "`?";
    else message += ": the API server rejects it or drops it silently";
    Diagnostic& d = ctx.report_key(f.node, message);
    // mxnet-operator v1.0 had `label` on MXJob replica specs (TunerServer's rpc key); current
    // CRDs reject it, legacy ones keep it: only an error when the target says which.
    if (f.field == "label" && ctx.job.kind == JobKind::MXJob && ctx.v.at(parent).parent == ctx.job.replica_specs && ctx.target != Target::Kubeflow) {
      d.message = "field `label` in `" + where + "` is from mxnet-operator v1.0: training-operator rejects it; use the pod-template annotation `tuner-server-key`";
      d.severity = ctx.layout == Layout::Legacy ? Severity::Info : Severity::Warning;
    }
    if (!suggestion.empty() && ctx.v.entry(parent, suggestion) == nullptr)
      ctx.add_fix(d, "Rename to `" + suggestion + "`", Applicability::Unsafe)
          .edits.push_back(TextEdit{ctx.doc.key_range(f.node), suggestion});
  }
}
