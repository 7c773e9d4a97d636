#pragma once
// Container resources as the KF3xx rules read them: each requests/limits entry with its parsed
// quantity (a quoted string, an integer, or an unquoted YAML float as kubectl would send it).

#include <optional>
#include <string>
#include <vector>

#include "core/value.h"
#include "rules/engine/job_view.h"
#include "rules/engine/quantity.h"

namespace kflint {

struct QuantityField {
  std::string resource;  // "cpu", "memory", "nvidia.com/gpu"
  NodeId node = kNoNode;
  std::optional<Quantity> value;  // nullopt when invalid or not a scalar
  std::string error;              // why it is invalid ("" when valid)
  bool unquoted_float = false;    // `cpu: 0.5`: rejected by the CRD's integer-or-string schema
};

struct ContainerResources {
  NodeId requests = kNoNode;
  NodeId limits = kNoNode;
  std::vector<QuantityField> request_list;
  std::vector<QuantityField> limit_list;
  const QuantityField* request(std::string_view resource) const;
  const QuantityField* limit(std::string_view resource) const;
};

ContainerResources read_resources(const ValueTree& v, const ContainerView& c);

// cpu, memory, ephemeral-storage, hugepages-*: the resources the API server knows unprefixed.
bool is_standard_resource(std::string_view name);
// `vendor.example/name`: extended resources (integers, limit required, request = limit).
bool is_extended_resource(std::string_view name);

// Every container of every replica (app and init) with its replica, for rules that look at all.
struct ContainerRef {
  const ReplicaView* replica;
  const ContainerView* container;
};
std::vector<ContainerRef> all_containers(const JobView& job);

// Calls fn(container, resources, field) for every requests entry, then every limits entry, of
// every container (init containers first), in document order within each list.
template <typename Fn>
void for_each_quantity(const ValueTree& v, const JobView& job, Fn&& fn) {
  for (const ContainerRef& ref : all_containers(job)) {
    const ContainerResources res = read_resources(v, *ref.container);
    for (const auto* list : {&res.request_list, &res.limit_list})
      for (const QuantityField& f : *list) fn(ref, res, f);
  }
}

}  // namespace kflint

namespace kflint {

// Pod-level totals as Huawei CCI computes them: max(sum over app containers, max over init
// containers), per resource, from limits (or requests when a container has no limit).
struct PodTotals {
  Quantity cpu, memory;
  bool cpu_known = false, memory_known = false;  // every container declared it
  bool gpu = false;                               // some container asks for an extended GPU resource
  size_t containers = 0;                          // app containers
};
PodTotals pod_totals(const ValueTree& v, const ReplicaView& r);

}  // namespace kflint
