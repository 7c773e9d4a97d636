// kubectl (sigs.k8s.io/yaml, non-strict) keeps the last of two equal keys silently.
#include "rules/engine/context.h"
#include "rules/engine/rule.h"

KFLINT_RULE(kf002_duplicate_key, "KF002", "duplicate-key", "input", Severity::Error,
            "A map has the same key twice; kubectl silently keeps the last one") {
  for (const kflint::DuplicateKey& dup : ctx.doc.duplicates) {
    // Overriding a merged key (`<<: *base` then `memory: 4Gi`) is what merge keys are for:
    // kubectl applies it; only go-yaml's strict reading calls it repeated (docs/agreement.md).
    if (dup.via_merge) continue;
    if (!ctx.in_job(dup.second_key)) continue;
    const std::string& key = ctx.v.at(dup.first_key).text;
    kflint::Diagnostic& d = ctx.report(dup.first_key, "duplicate key `" + key + "` in `" + ctx.path(ctx.v.at(dup.second_key).parent) +
                                                          "`: kubectl drops this one and keeps the later value");
    d.related.push_back({ctx.doc.range(dup.second_key), "the value kubectl keeps"});
  }
}
