// T6/W6: at most one of Chief and Master.
#include "core/text_util.h"
#include "rules/engine/context.h"
#include "rules/engine/rule.h"

using namespace kflint;

KFLINT_RULE(kf207_chief_and_master, "KF207", "chief-and-master", "operator", Severity::Error,
            "A TFJob has both a Chief and a Master replica") {
  if (ctx.job.kind != JobKind::TFJob) return;
  const ReplicaView* chief = nullptr;
  const ReplicaView* master = nullptr;
  for (const ReplicaView& r : ctx.job.replicas) {
    if (iequals(r.type, "Chief") && !chief) chief = &r;
    if (iequals(r.type, "Master") && !master) master = &r;
  }
  if (!chief || !master) return;
  const ReplicaView* second = ctx.v.at(chief->key).start > ctx.v.at(master->key).start ? chief : master;
  const ReplicaView* first = second == chief ? master : chief;
  Diagnostic& d = ctx.report_range(ctx.doc.range(second->key), "TFJob has both `" + first->type + "` and `" + second->type +
                                                                    "`: the operator rejects it (`more than 1 chief/master found`)");
  d.related.push_back({ctx.doc.range(first->key), "the other coordinator"});
}
