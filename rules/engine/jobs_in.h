#pragma once
// "Is this document a job, and where?": the one answer used by linting, the outline, hover and
// completion. A TFJob or MXJob of kubeflow.org (or a retired or misspelt Kubeflow group), at the
// top level, as an item of a List, or as the trial template of a Katib Experiment
// (kubeflow.org/v1beta1 `spec.trialTemplate.trialSpec`); kinds compare case-insensitively, as the
// engine always has. Jobs in Argo `manifest` strings are separate texts (argo_manifests.h).

#include <string>
#include <vector>

#include "core/document.h"
#include "rules/engine/job_view.h"
#include "rules/engine/lint.h"

namespace kflint {

struct JobRef {
  NodeId root = kNoNode;
  JobKind kind = JobKind::TFJob;
  Embedding embedding = Embedding::None;
};

struct JobsIn {
  std::vector<JobRef> jobs;
  std::string skipped;                 // why the document holds no job ("" when it does, or when it is empty)
  NodeId items_without_kind = kNoNode;  // `items` of a `kubectl get` dump whose `kind` line was lost, with a job in it
};

// The jobs of a parsed document (none for a document with a syntax or limit error). Under
// Operation::Patch the document is a JSON merge patch: its top-level map is the job, of the kind
// it names or, without `kind`, of the kind its fields belong to (merge_patch.h).
JobsIn jobs_in(const Document& doc, Operation operation = Operation::Apply);

// The kind of the map at `root` when it is a Kubeflow job's kind (TFJob, MXJob; any case).
bool job_kind(const ValueTree& v, NodeId root, JobKind& kind);
bool job_kind_from_name(std::string_view name, JobKind& kind);

}  // namespace kflint
