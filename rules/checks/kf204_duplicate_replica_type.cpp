// `PS` and `Ps` in one job: defaulting re-inserts one under the canonical key and the other is
// silently lost (map order decides which).
#include <unordered_map>

#include "core/text_util.h"
#include "rules/engine/context.h"
#include "rules/engine/rule.h"

using namespace kflint;

KFLINT_RULE(kf204_duplicate_replica_type, "KF204", "duplicate-replica-type", "operator", Severity::Error,
            "Two replica types are equal up to case (`PS` and `Ps`): one is silently dropped") {
  const auto& replicas = ctx.job.replicas;
  // The first spelling of each type, by its lower-case form: linear in the number of types.
  std::unordered_map<std::string, size_t> first;
  for (size_t i = 0; i < replicas.size(); ++i) {
    const auto [it, inserted] = first.emplace(to_lower(replicas[i].type), i);
    if (inserted) continue;
    const size_t j = it->second;
    Diagnostic& d = ctx.report_range(ctx.doc.range(replicas[i].key), "replica types `" + replicas[j].type + "` and `" + replicas[i].type +
                                                                          "` are the same type: the operator keeps only one of them");
    d.related.push_back({ctx.doc.range(replicas[j].key), "the other spelling"});
  }
}

KFLINT_RULE_ON_MERGE_PATCHES(kf204_duplicate_replica_type)
