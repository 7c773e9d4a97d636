// Fields the CRD requires (`spec.tfReplicaSpecs`, `spec.jobMode`, container `name`, port
// `containerPort`, ...): the API server answers `Required value`.
#include "rules/engine/context.h"
#include "rules/engine/rule.h"

using namespace kflint;

KFLINT_RULE(kf103_missing_required_field, "KF103", "missing-required-field", "schema", Severity::Error,
            "A field the CRD requires is missing") {
  for (const schema::Finding& f : ctx.schema_findings()) {
    if (f.type != schema::FindingType::MissingRequired) continue;
    const std::string where = ctx.path(f.node);
    ctx.report_key(f.node, "`" + (where.empty() ? std::string(ctx.job.kind_name()) : where) + "` is missing the required field `" + f.field + "`");
  }
}
