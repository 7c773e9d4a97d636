// Integers outside the CRD's int32 range (`replicas: 3000000000`) break the controller's decoding.
#include "rules/engine/context.h"
#include "rules/engine/rule.h"

using namespace kflint;

KFLINT_RULE(kf104_value_out_of_range, "KF104", "value-out-of-range", "schema", Severity::Error,
            "A number is outside the range its field allows (int32 fields)") {
  for (const schema::Finding& f : ctx.schema_findings()) {
    if (f.type == schema::FindingType::OutOfRange)
      ctx.report(f.node, "`" + ctx.path(f.node) + "` is " + ctx.written(f.node) + ", which is out of range: it must be " + f.detail);
    else if (f.type == schema::FindingType::NotAllowed) {
      std::string allowed;
      for (const std::string& a : f.allowed) allowed += (allowed.empty() ? "`" : ", `") + a + "`";
      ctx.report(f.node, "`" + ctx.path(f.node) + "` is " + ctx.written(f.node) + ", which is not an allowed value" +
                             (allowed.empty() ? std::string() : " (allowed: " + allowed + ")"));
    }
  }
}

KFLINT_RULE_ON_MERGE_PATCHES(kf104_value_out_of_range)
