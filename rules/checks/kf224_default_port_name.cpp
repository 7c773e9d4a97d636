// S9: a custom port on the training container is kept, and the default port is appended anyway.
#include "rules/engine/context.h"
#include "rules/engine/rule.h"

using namespace kflint;

KFLINT_RULE(kf224_default_port_name, "KF224", "default-port-name", "operator", Severity::Info,
            "The training container declares ports but none named tfjob-port/mxjob-port") {
  const std::string port_name(ctx.job.default_port_name());
  const char* default_port = ctx.job.kind == JobKind::TFJob ? "2222" : "9091";
  for (const ReplicaView& r : ctx.job.replicas)
    for (const ContainerView& c : r.containers) {
      if (ctx.v.str(c.name) != ctx.job.default_container() || !ctx.v.is_seq(c.ports) || ctx.v.at(c.ports).items.empty()) continue;
      bool named = false;
      for (NodeId port : ctx.v.at(c.ports).items) named = named || ctx.v.str(ctx.v.get(port, "name")) == port_name;
      if (named) continue;
      std::string message = "container `" + std::string(ctx.job.default_container()) + "` of `" + r.type + "` has no port named `" + port_name +
                            "`: the operator still adds " + port_name + ":" + default_port + " and uses it for the cluster spec";
      if (ctx.job.kind == JobKind::MXJob) message += "; MXNet jobs fail with `failed to found the port` without it";
      ctx.report_key(c.ports, message);
    }
}

KFLINT_RULE_ON_MERGE_PATCHES(kf224_default_port_name)
