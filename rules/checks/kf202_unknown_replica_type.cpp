// Unknown replica types get pods that the operator never looks at for status (S7).
#include "core/text_util.h"
#include "rules/engine/context.h"
#include "rules/engine/rule.h"

using namespace kflint;

KFLINT_RULE(kf202_unknown_replica_type, "KF202", "unknown-replica-type", "operator", Severity::Error,
            "A replica type the operator does not know (typo such as `Wroker`)") {
  const std::vector<std::string>& known = ctx.job.known_replica_types();
  for (const ReplicaView& r : ctx.job.replicas) {
    bool is_known = false;
    for (const std::string& k : known) is_known = is_known || iequals(k, r.type);
    if (is_known) continue;
    const std::string suggestion = closest_match(r.type, known);
    std::string types;
    for (const std::string& k : known) types += (types.empty() ? "" : ", ") + k;
    std::string message = "unknown " + std::string(ctx.job.kind_name()) + " replica type `" + r.type + "`";
    message += ": its pods run but the operator never tracks them";
    message += suggestion.empty() ? " (known types: " + types + ")" : "; did you mean `" + suggestion + "`?";
    Diagnostic& d = ctx.report_range(ctx.doc.range(r.key), message);
    if (!suggestion.empty() && ctx.job.replica(suggestion) == nullptr)
      ctx.add_fix(d, "Rename to `" + suggestion + "`", Applicability::Unsafe).edits.push_back(TextEdit{ctx.doc.range(r.key), suggestion});
  }
}

KFLINT_RULE_ON_MERGE_PATCHES(kf202_unknown_replica_type)
