// Container names: DNS-1123 labels, unique across containers and initContainers of a pod.
#include <map>

#include "rules/engine/context.h"
#include "rules/engine/k8s_names.h"
#include "rules/engine/rule.h"

using namespace kflint;

KFLINT_RULE(kf225_invalid_container_name, "KF225", "invalid-container-name", "operator", Severity::Error,
            "A container name is not a DNS-1123 label, or is used twice in one pod") {
  for (const ReplicaView& r : ctx.job.replicas) {
    std::map<std::string, NodeId> seen;
    for (const auto* list : {&r.init_containers, &r.containers})
      for (const ContainerView& c : *list) {
        if (!ctx.v.is_string(c.name)) continue;
        const std::string name(ctx.v.str(c.name));
        if (const std::string problem = check_dns1123_label(name); !problem.empty()) {
          ctx.report(c.name, "container name `" + name + "` is invalid: " + problem);
          continue;
        }
        auto [it, inserted] = seen.emplace(name, c.name);
        if (!inserted) {
          Diagnostic& d = ctx.report(c.name, "container name `" + name + "` is used twice in the pod of `" + r.type + "` (`Duplicate value`)");
          d.related.push_back({ctx.doc.range(it->second), "first use"});
        }
      }
  }
}

KFLINT_RULE_ON_MERGE_PATCHES(kf225_invalid_container_name)
