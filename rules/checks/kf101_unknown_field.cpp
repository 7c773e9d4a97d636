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
    // mxnet-operator v1alpha2/v1beta1 had `label` on MXJob replica specs (TunerServer's rpc key);
    // no kubeflow.org/v1 CRD has it, and kubectl rejects it (`unknown field "label"`,
    // kubeflow/trainer#1402): an error like any unknown field, with the way out.
    if (f.field == "label" && ctx.job.kind == JobKind::MXJob && ctx.v.at(parent).parent == ctx.job.replica_specs)
      d.message = "unknown field `label` in `" + where +
                  "`: it is from mxnet-operator v1alpha2/v1beta1, and kubectl rejects it in a kubeflow.org/v1 MXJob (`unknown field \"label\"`); "
                  "use the pod-template annotation `tuner-server-key`";
    if (!suggestion.empty() && ctx.v.entry(parent, suggestion) == nullptr)
      ctx.add_fix(d, "Rename to `" + suggestion + "`", Applicability::Unsafe)
          .edits.push_back(TextEdit{ctx.doc.key_range(f.node), suggestion});
  }
}

KFLINT_RULE_ON_MERGE_PATCHES(kf101_unknown_field)
