#include "rules/engine/job_view.h"

namespace kflint {

int64_t ReplicaView::count(const ValueTree& v) const {
  if (replicas == kNoNode || v.at(replicas).kind != Kind::Int) return 1;
  return v.at(replicas).int_value;
}

const std::vector<std::string>& JobView::known_replica_types() const {
  static const std::vector<std::string> tf = {"PS", "Worker", "Chief", "Master", "Evaluator"};
  static const std::vector<std::string> mx = {"Scheduler", "Server", "Worker", "TunerTracker", "TunerServer", "Tuner"};
  return kind == JobKind::TFJob ? tf : mx;
}

const ReplicaView* JobView::replica(std::string_view exact_type) const {
  for (const ReplicaView& r : replicas)
    if (r.type == exact_type) return &r;
  return nullptr;
}

std::vector<NodeId> JobView::all_metadata() const {
  std::vector<NodeId> out = {metadata};
  for (const ReplicaView& r : replicas) out.push_back(r.template_metadata);
  return out;
}

static void collect_containers(const ValueTree& v, NodeId list, bool init, std::vector<ContainerView>& out) {
  if (!v.is_seq(list)) return;
  const auto& items = v.at(list).items;
  for (uint32_t i = 0; i < items.size(); ++i) {
    ContainerView c;
    c.node = items[i];
    c.index = i;
    c.init = init;
    if (v.is_map(c.node)) {
      c.name = v.get(c.node, "name");
      c.image = v.get(c.node, "image");
      c.resources = v.get(c.node, "resources");
      c.ports = v.get(c.node, "ports");
    }
    out.push_back(c);
  }
}

JobView build_job_view(const ValueTree& v, NodeId root, JobKind kind) {
  JobView job;
  job.kind = kind;
  job.root = root;
  job.api_version = v.get(root, "apiVersion");
  job.kind_node = v.get(root, "kind");
  job.metadata = v.get(root, "metadata");
  job.name = v.get(job.metadata, "name");
  job.spec = v.get(root, "spec");
  job.replica_specs = v.get(job.spec, job.replica_specs_field());
  job.run_policy = v.get(job.spec, "runPolicy");
  if (v.is_map(job.replica_specs)) {
    for (const MapEntry& e : v.at(job.replica_specs).entries) {
      ReplicaView r;
      r.type = v.at(e.key).text;
      r.key = e.key;
      r.spec = e.value;
      r.replicas = v.get(r.spec, "replicas");
      r.restart_policy = v.get(r.spec, "restartPolicy");
      r.template_ = v.get(r.spec, "template");
      r.template_metadata = v.get(r.template_, "metadata");
      r.pod_spec = v.get(r.template_, "spec");
      r.containers_node = v.get(r.pod_spec, "containers");
      collect_containers(v, r.containers_node, false, r.containers);
      collect_containers(v, v.get(r.pod_spec, "initContainers"), true, r.init_containers);
      job.replicas.push_back(std::move(r));
    }
  }
  return job;
}

}  // namespace kflint
