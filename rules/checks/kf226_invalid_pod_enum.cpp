// Enumerated fields of the pod template (imagePullPolicy, port protocol, dnsPolicy, toleration
// operator and effect, ...): the TFJob/MXJob CRD declares them as plain strings, so the job is
// accepted, and the API server refuses every pod the operator creates from it.
#include <array>
#include <string>
#include <vector>

#include "core/text_util.h"
#include "rules/engine/context.h"
#include "rules/engine/rule.h"

using namespace kflint;

namespace {

struct EnumField {
  const char* field;
  std::vector<std::string> allowed;
};

const EnumField kImagePullPolicy{"imagePullPolicy", {"Always", "IfNotPresent", "Never"}};
const EnumField kTerminationMessagePolicy{"terminationMessagePolicy", {"File", "FallbackToLogsOnError"}};
const EnumField kDnsPolicy{"dnsPolicy", {"ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"}};
const EnumField kPreemptionPolicy{"preemptionPolicy", {"PreemptLowerPriority", "Never"}};
const EnumField kTolerationOperator{"operator", {"Exists", "Equal"}};
const EnumField kTolerationEffect{"effect", {"NoSchedule", "PreferNoSchedule", "NoExecute"}};

std::string listed(const std::vector<std::string>& allowed) {
  std::string out;
  for (const std::string& a : allowed) out += (out.empty() ? "\"" : ", \"") + a + "\"";
  return out;
}

void check(RuleContext& ctx, NodeId map, const EnumField& e, const std::string& where) {
  const NodeId value = ctx.v.get(map, e.field);
  if (!ctx.v.is_string(value)) return;
  const std::string_view text = ctx.v.str(value);
  if (text.empty() && e.field == std::string_view("effect")) return;  // empty effect: every effect
  for (const std::string& a : e.allowed)
    if (text == a) return;
  Diagnostic& d = ctx.report(value, "`" + std::string(e.field) + "` `" + std::string(text) + "` " + where +
                                        " is not a supported value: the job is accepted, but the API server rejects every pod the operator "
                                        "creates (`Unsupported value: \"" + std::string(text) + "\": supported values: " + listed(e.allowed) + "`)");
  for (const std::string& a : e.allowed)
    if (iequals(text, a)) {
      ctx.add_fix(d, "Write `" + a + "`", Applicability::Safe).edits.push_back(ctx.replace(value, a));
      return;
    }
  if (const std::string guess = closest_match(text, e.allowed); !guess.empty())
    ctx.add_fix(d, "Write `" + guess + "`", Applicability::Unsafe).edits.push_back(ctx.replace(value, guess));
}

void check_containers(RuleContext& ctx, const std::vector<ContainerView>& containers, const std::string& replica) {
  for (const ContainerView& c : containers) {
    const std::string where = "in container `" + std::string(ctx.v.str(c.name)) + "` of `" + replica + "`";
    check(ctx, c.node, kImagePullPolicy, where);
    check(ctx, c.node, kTerminationMessagePolicy, where);  // a port's protocol: KF223
  }
}

}  // namespace

KFLINT_RULE(kf226_invalid_pod_enum, "KF226", "invalid-pod-enum", "operator", Severity::Error,
            "A pod-template field with a fixed set of values (imagePullPolicy, dnsPolicy, toleration operator, ...) has another value") {
  for (const ReplicaView& r : ctx.job.replicas) {
    check_containers(ctx, r.containers, r.type);
    check_containers(ctx, r.init_containers, r.type);
    if (!ctx.v.is_map(r.pod_spec)) continue;
    const std::string where = "in the pod template of `" + r.type + "`";
    check(ctx, r.pod_spec, kDnsPolicy, where);
    check(ctx, r.pod_spec, kPreemptionPolicy, where);
    const NodeId tolerations = ctx.v.get(r.pod_spec, "tolerations");
    if (!ctx.v.is_seq(tolerations)) continue;
    for (NodeId t : ctx.v.at(tolerations).items) {
      if (!ctx.v.is_map(t)) continue;
      check(ctx, t, kTolerationOperator, "in a toleration of `" + r.type + "`");
      check(ctx, t, kTolerationEffect, "in a toleration of `" + r.type + "`");
    }
  }
}

KFLINT_RULE_ON_MERGE_PATCHES(kf226_invalid_pod_enum)
