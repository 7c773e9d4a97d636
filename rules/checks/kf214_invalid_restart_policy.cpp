// Replica restartPolicy: not validated at apply; every pod creation fails later (S2).
#include "core/text_util.h"
#include "rules/engine/context.h"
#include "rules/engine/rule.h"

using namespace kflint;

KFLINT_RULE(kf214_invalid_restart_policy, "KF214", "invalid-restart-policy", "operator", Severity::Error,
            "A replica's restartPolicy is not Always, OnFailure, Never or ExitCode") {
  static const char* kAllowed[] = {"Always", "OnFailure", "Never", "ExitCode"};
  for (const ReplicaView& r : ctx.job.replicas) {
    if (!ctx.v.is_string(r.restart_policy)) continue;
    const std::string_view p = ctx.v.str(r.restart_policy);
    bool ok = false;
    for (const char* a : kAllowed) ok = ok || p == a;
    if (ok) continue;
    Diagnostic& d = ctx.report(r.restart_policy, "restartPolicy `" + std::string(p) +
                                                     "` of replica `" + r.type + "` is not Always, OnFailure, Never or ExitCode: every pod creation fails (`Unsupported value`)");
    for (const char* a : kAllowed)
      if (iequals(p, a)) ctx.add_fix(d, std::string("Write `") + a + "`", Applicability::Safe).edits.push_back(ctx.replace(r.restart_policy, a));
  }
}

KFLINT_RULE_ON_MERGE_PATCHES(kf214_invalid_restart_policy)
