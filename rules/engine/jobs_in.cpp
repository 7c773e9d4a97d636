#include "rules/engine/jobs_in.h"

#include "core/text_util.h"
#include "rules/engine/merge_patch.h"

namespace kflint {
namespace {

// A TFJob or MXJob of another API group (KubeDL's training.kubedl.io has its own TFJob CRD) is
// not a Kubeflow job: it is skipped like any other resource. Kubeflow's own groups, the retired
// tensorflow.org and mlkube.io, and misspellings of kubeflow.org stay Kubeflow jobs (KF006).
std::string other_api_group(const ValueTree& v, NodeId root) {
  const std::string_view version = v.str(v.get(root, "apiVersion"));
  const size_t slash = version.find('/');
  if (slash == std::string_view::npos) return {};
  const std::string_view group = version.substr(0, slash);
  if (group.find('.') == std::string_view::npos) return {};
  for (const char* ours : {"kubeflow.org", "tensorflow.org", "mlkube.io"})
    if (group == ours || edit_distance(to_lower(group), ours) <= 2) return {};
  return std::string(group);
}

bool kubeflow_job(const ValueTree& v, NodeId root, JobKind& kind) {
  return v.is_map(root) && other_api_group(v, root).empty() && job_kind(v, root, kind);
}

// A Katib Experiment (kubeflow.org/v1beta1) runs its trial template as a job: when the template
// is a TFJob or MXJob, that map is linted as one. Katib's older kinds (StudyJob, Experiment
// v1alpha*) are not served by current Katib; a template in a ConfigMap is not in this file.
bool katib_trial(const ValueTree& v, NodeId root, std::vector<JobRef>& jobs, std::string& skipped) {
  const std::string_view kind = v.str(v.get(root, "kind"));
  const std::string_view version = v.str(v.get(root, "apiVersion"));
  if (version.rfind("kubeflow.org/", 0) != 0 || (kind != "Experiment" && kind != "StudyJob")) return false;
  if (kind == "StudyJob" || version != "kubeflow.org/v1beta1") {
    skipped = "a Katib " + std::string(kind) + " of " + std::string(version) + ": not served by current Katib (kubeflow.org/v1beta1), not linted";
    return true;
  }
  const NodeId trial_template = v.get(v.get(root, "spec"), "trialTemplate");
  const NodeId trial = v.get(trial_template, "trialSpec");
  JobKind job;
  if (v.is_map(trial) && kubeflow_job(v, trial, job)) {
    jobs.push_back({trial, job, Embedding::KatibTrial});
  } else if (v.is_map(trial)) {
    const std::string_view k = v.str(v.get(trial, "kind"));
    skipped = "a Katib Experiment whose trial is kind " + (k.empty() ? std::string("(none)") : std::string(k)) + ", not a Kubeflow TFJob or MXJob";
  } else if (v.get(trial_template, "configMap") != kNoNode) {
    skipped = "a Katib Experiment whose trial template is in a ConfigMap (not in this file)";
  } else {
    skipped = "a Katib Experiment without `spec.trialTemplate.trialSpec`";
  }
  return true;
}

}  // namespace

bool job_kind_from_name(std::string_view k, JobKind& kind) {
  if (iequals(k, "TFJob")) return kind = JobKind::TFJob, true;
  if (iequals(k, "MXJob")) return kind = JobKind::MXJob, true;
  return false;
}

bool job_kind(const ValueTree& v, NodeId root, JobKind& kind) { return job_kind_from_name(v.str(v.get(root, "kind")), kind); }

JobsIn jobs_in(const Document& doc, Operation operation) {
  JobsIn out;
  const ValueTree& v = doc.values;
  if (doc.syntax_error || doc.limit_error) {
    out.skipped = "not YAML this tool reads, and not a Kubeflow job";
    return out;
  }
  if (doc.empty() || v.at(v.root).kind == Kind::Null) return out;
  if (!v.is_map(v.root)) {
    out.skipped = "not a map";
    return out;
  }
  JobKind kind;
  const NodeId kind_node = v.get(v.root, "kind");
  const std::string_view k = v.str(kind_node);
  if (operation == Operation::Patch) {
    const bool kind_given = kind_node != kNoNode && v.at(kind_node).kind != Kind::Null;  // `kind: null` is KF508's
    if (kind_given && !job_kind(v, v.root, kind))
      out.skipped = "a merge patch for kind " + std::string(k) + ", not for a Kubeflow TFJob or MXJob";
    else
      out.jobs.push_back({v.root, kind_given ? kind : merge_patch_kind(v, v.root)});
    return out;
  }
  const NodeId items = v.get(v.root, "items");
  const bool list = k == "List" || k == "TFJobList" || k == "MXJobList";
  if ((list || k.empty()) && v.is_seq(items)) {
    std::string ignored;
    for (NodeId item : v.at(items).items)
      if (kubeflow_job(v, item, kind)) out.jobs.push_back({item, kind});
      else if (v.is_map(item)) katib_trial(v, item, out.jobs, ignored);
    if (kind_node == kNoNode && !out.jobs.empty()) out.items_without_kind = items;
    if (out.jobs.empty()) out.skipped = "a list with no Kubeflow TFJob or MXJob in it";
  } else if (const std::string group = other_api_group(v, v.root); !group.empty() && job_kind(v, v.root, kind)) {
    out.skipped = std::string(k) + " of API group " + group + " is not a Kubeflow job (only kubeflow.org is linted)";
  } else if (job_kind(v, v.root, kind)) {
    out.jobs.push_back({v.root, kind});
  } else if (katib_trial(v, v.root, out.jobs, out.skipped)) {
  } else {
    out.skipped = "kind " + (k.empty() ? std::string("(none)") : std::string(k)) + " is not a Kubeflow TFJob or MXJob";
    if (kind_node == kNoNode && v.get(v.root, "apiVersion") == kNoNode && (v.get(v.root, "metadata") != kNoNode || v.get(v.root, "spec") != kNoNode))
      out.skipped += " (a merge patch? lint it with `--operation patch`)";
  }
  return out;
}

}  // namespace kflint
