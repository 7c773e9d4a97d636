// MXTrain needs Scheduler, Server, Worker; MXTune needs TunerTracker, TunerServer, Tuner
// (legacy inspectMXjob, exact case; upstream: success needs the Scheduler, S6).
#include <algorithm>

#include "rules/engine/context.h"
#include "rules/engine/rule.h"

using namespace kflint;

KFLINT_RULE(kf211_job_mode_replicas, "KF211", "job-mode-replicas", "operator", Severity::Error,
            "An MXJob lacks the replica types its jobMode needs, or has ones it does not allow") {
  if (ctx.job.kind != JobKind::MXJob || !ctx.v.is_map(ctx.job.replica_specs)) return;
  const NodeId mode_node = ctx.v.get(ctx.job.spec, "jobMode");
  const std::string_view mode = ctx.v.str(mode_node);
  std::vector<std::string> need;
  if (mode == "MXTrain") need = {"Scheduler", "Server", "Worker"};
  else if (mode == "MXTune") need = {"TunerTracker", "TunerServer", "Tuner"};
  else return;
  std::string missing, extra;
  for (const std::string& t : need)
    if (!ctx.job.replica(t)) missing += (missing.empty() ? "`" : ", `") + t + "`";
  for (const ReplicaView& r : ctx.job.replicas)
    if (std::find(need.begin(), need.end(), r.type) == need.end()) extra += (extra.empty() ? "`" : ", `") + r.type + "`";
  if (missing.empty() && extra.empty()) return;
  std::string message = "`jobMode: " + std::string(mode) + "`";
  if (!missing.empty()) message += " needs replica types " + missing;
  if (!extra.empty()) message += std::string(missing.empty() ? "" : " and") + " does not allow " + extra;
  message += ": the legacy operator refuses to sync the job (`Inspect Fail: failed to inspect jobMode`)";
  Diagnostic& d = ctx.report(mode_node, message);
  if (ctx.layout == Layout::RunPolicy) {
    // Current operators ignore jobMode; the job still never succeeds without a Scheduler unless
    // it is a single worker.
    const ReplicaView* worker = ctx.job.replica("Worker");
    const bool single_worker = worker && worker->count(ctx.v) == 1 && !ctx.job.replica("Server");
    if (ctx.job.replica("Scheduler") || single_worker) d.severity = Severity::Warning;
  }
}
