// Container ports: number 1-65535, valid and unique names, unique (containerPort, protocol).
#include <set>

#include "rules/engine/context.h"
#include "rules/engine/k8s_names.h"
#include "rules/engine/resources.h"
#include "rules/engine/rule.h"

using namespace kflint;

KFLINT_RULE(kf223_invalid_port, "KF223", "invalid-port", "operator", Severity::Error,
            "A container port number, name or protocol is invalid or duplicated") {
  for (const ContainerRef& ref : all_containers(ctx.job)) {
    if (!ctx.v.is_seq(ref.container->ports)) continue;
    std::set<std::string> names, keys;
    for (NodeId port : ctx.v.at(ref.container->ports).items) {
      const NodeId number = ctx.v.get(port, "containerPort");
      const NodeId name = ctx.v.get(port, "name");
      const NodeId protocol = ctx.v.get(port, "protocol");
      if (number != kNoNode && ctx.v.at(number).kind == Kind::Int) {
        const int64_t n = ctx.v.at(number).int_value;
        if (n < 1 || n > 65535) ctx.report(number, "containerPort " + std::to_string(n) + " must be between 1 and 65535, inclusive");
      }
      if (ctx.v.is_string(name)) {
        const std::string_view s = ctx.v.str(name);
        if (const std::string problem = check_port_name(s); !problem.empty())
          ctx.report(name, "port name `" + std::string(s) + "` is invalid: " + problem);
        else if (!names.insert(std::string(s)).second)
          ctx.report(name, "port name `" + std::string(s) + "` is used twice in this container (`Duplicate value`)");
      }
      std::string proto = ctx.v.is_string(protocol) ? std::string(ctx.v.str(protocol)) : "TCP";
      if (ctx.v.is_string(protocol) && proto != "TCP" && proto != "UDP" && proto != "SCTP")
        ctx.report(protocol, "protocol `" + proto + "` must be TCP, UDP or SCTP");
      if (number != kNoNode && ctx.v.at(number).kind == Kind::Int &&
          !keys.insert(std::to_string(ctx.v.at(number).int_value) + "/" + proto).second)
        ctx.report(number, "containerPort " + std::to_string(ctx.v.at(number).int_value) + "/" + proto +
                               " is listed twice in this container: the API server rejects the job (ports are keyed by containerPort and protocol)");
    }
  }
}

KFLINT_RULE_ON_MERGE_PATCHES(kf223_invalid_port)
