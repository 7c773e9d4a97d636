#pragma once
// A typed, read-only view of one TFJob or MXJob in a value tree: the nodes rules look at, found
// once per job so that each rule does not walk the tree again.

#include <string>
#include <string_view>
#include <vector>

#include "core/value.h"

namespace kflint {

enum class JobKind { TFJob, MXJob };

struct ContainerView {
  NodeId node = kNoNode;
  NodeId name = kNoNode;
  NodeId image = kNoNode;
  NodeId resources = kNoNode;
  NodeId ports = kNoNode;
  uint32_t index = 0;
  bool init = false;
};

struct ReplicaView {
  std::string type;            // the key as written ("Worker", "ps")
  NodeId key = kNoNode;        // the key node
  NodeId spec = kNoNode;       // the ReplicaSpec map
  NodeId replicas = kNoNode;
  NodeId restart_policy = kNoNode;
  NodeId template_ = kNoNode;
  NodeId template_metadata = kNoNode;
  NodeId pod_spec = kNoNode;
  NodeId containers_node = kNoNode;
  std::vector<ContainerView> containers;       // app containers
  std::vector<ContainerView> init_containers;  // init containers
  // replicas as the controller sees it: the integer, or 1 when absent/empty.
  int64_t count(const ValueTree& v) const;
};

// Where a job is written: on its own (a document, an item of a List), or inside another object
// that creates it: a Katib Experiment's trial template (`spec.trialTemplate.trialSpec`), or an
// Argo workflow's resource template (a `manifest` string).
enum class Embedding : uint8_t { None, KatibTrial, ArgoManifest };

struct JobView {
  JobKind kind = JobKind::TFJob;
  Embedding embedding = Embedding::None;
  NodeId root = kNoNode;
  NodeId api_version = kNoNode;
  NodeId kind_node = kNoNode;
  NodeId metadata = kNoNode;
  NodeId name = kNoNode;
  NodeId spec = kNoNode;
  NodeId replica_specs = kNoNode;  // tfReplicaSpecs / mxReplicaSpecs
  NodeId run_policy = kNoNode;     // spec.runPolicy
  std::vector<ReplicaView> replicas;

  std::string_view kind_name() const { return kind == JobKind::TFJob ? "TFJob" : "MXJob"; }
  std::string_view default_container() const { return kind == JobKind::TFJob ? "tensorflow" : "mxnet"; }
  std::string_view default_port_name() const { return kind == JobKind::TFJob ? "tfjob-port" : "mxjob-port"; }
  std::string_view replica_specs_field() const { return kind == JobKind::TFJob ? "tfReplicaSpecs" : "mxReplicaSpecs"; }
  const std::vector<std::string>& known_replica_types() const;
  const ReplicaView* replica(std::string_view exact_type) const;
  // The job's own metadata, then each replica's pod-template metadata (labels, annotations).
  std::vector<NodeId> all_metadata() const;
};

JobView build_job_view(const ValueTree& v, NodeId root, JobKind kind);

}  // namespace kflint
