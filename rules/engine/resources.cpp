#include "rules/engine/resources.h"

#include <cmath>

namespace kflint {

const QuantityField* ContainerResources::request(std::string_view resource) const {
  for (const QuantityField& f : request_list)
    if (f.resource == resource) return &f;
  return nullptr;
}

const QuantityField* ContainerResources::limit(std::string_view resource) const {
  for (const QuantityField& f : limit_list)
    if (f.resource == resource) return &f;
  return nullptr;
}

static QuantityField read_field(const ValueTree& v, const MapEntry& e) {
  QuantityField f;
  f.resource = v.at(e.key).text;
  f.node = e.value;
  const Node& n = v.at(e.value);
  switch (n.kind) {
    case Kind::String: {
      QuantityParse p = parse_quantity(n.text);
      f.value = p.value;
      f.error = p.error;
      break;
    }
    case Kind::Int:
      f.value = parse_quantity(std::to_string(n.int_value)).value;
      if (n.big_int) f.error = "integer too large";
      break;
    case Kind::Float:
      // sigs.k8s.io/yaml sends 1.0 as 1 (an integer, accepted); 0.5 stays a number (rejected).
      f.unquoted_float = !(std::isfinite(n.float_value) && std::floor(n.float_value) == n.float_value);
      f.value = parse_quantity(n.text).value;
      if (!std::isfinite(n.float_value)) f.error = "not a finite number";
      break;
    default:
      f.error = std::string("expected a quantity, got ") + kind_name(n.kind);
  }
  return f;
}

ContainerResources read_resources(const ValueTree& v, const ContainerView& c) {
  ContainerResources r;
  r.requests = v.get(c.resources, "requests");
  r.limits = v.get(c.resources, "limits");
  if (v.is_map(r.requests))
    for (const MapEntry& e : v.at(r.requests).entries) r.request_list.push_back(read_field(v, e));
  if (v.is_map(r.limits))
    for (const MapEntry& e : v.at(r.limits).entries) r.limit_list.push_back(read_field(v, e));
  return r;
}

bool is_standard_resource(std::string_view name) {
  return name == "cpu" || name == "memory" || name == "ephemeral-storage" || name == "storage" || name.rfind("hugepages-", 0) == 0;
}

bool is_extended_resource(std::string_view name) {
  const size_t slash = name.find('/');
  return slash != std::string_view::npos && slash > 0 && name.rfind("kubernetes.io/", 0) != 0 && name.rfind("requests.", 0) != 0;
}

std::vector<ContainerRef> all_containers(const JobView& job) {
  std::vector<ContainerRef> out;
  for (const ReplicaView& r : job.replicas) {
    for (const ContainerView& c : r.init_containers) out.push_back({&r, &c});
    for (const ContainerView& c : r.containers) out.push_back({&r, &c});
  }
  return out;
}

}  // namespace kflint

namespace kflint {

PodTotals pod_totals(const ValueTree& v, const ReplicaView& r) {
  PodTotals t;
  t.containers = r.containers.size();
  auto amount = [&](const ContainerResources& res, std::string_view name) -> const QuantityField* {
    const QuantityField* f = res.limit(name);
    return f ? f : res.request(name);
  };
  Quantity init_cpu, init_mem;
  bool cpu_ok = !r.containers.empty(), mem_ok = !r.containers.empty();
  auto add = [&](const ContainerView& c, bool init) {
    const ContainerResources res = read_resources(v, c);
    for (const QuantityField& f : res.limit_list) t.gpu = t.gpu || (is_extended_resource(f.resource) && f.resource.find("gpu") != std::string::npos);
    const QuantityField* cpu = amount(res, "cpu");
    const QuantityField* mem = amount(res, "memory");
    if (init) {
      if (cpu && cpu->value && init_cpu < *cpu->value) init_cpu = *cpu->value;
      if (mem && mem->value && init_mem < *mem->value) init_mem = *mem->value;
      return;
    }
    if (cpu && cpu->value) t.cpu.nano += cpu->value->nano;
    else cpu_ok = false;
    if (mem && mem->value) t.memory.nano += mem->value->nano;
    else mem_ok = false;
  };
  for (const ContainerView& c : r.containers) add(c, false);
  for (const ContainerView& c : r.init_containers) add(c, true);
  if (t.cpu < init_cpu) t.cpu = init_cpu;
  if (t.memory < init_mem) t.memory = init_mem;
  t.memory.binary = (t.memory.nano / 1000000000) % 1024 == 0;  // print GiB-sized totals as Gi
  t.cpu_known = cpu_ok;
  t.memory_known = mem_ok;
  return t;
}

}  // namespace kflint
