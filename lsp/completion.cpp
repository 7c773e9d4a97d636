// textDocument/completion: keys allowed at the cursor's path that are not there yet, values of
// enum-like fields, replica types, the framework container name, and whole-job snippets in an
// empty document. Works from indentation, so it also works while the document does not parse.
#include <algorithm>

#include "core/text_util.h"
#include "lsp/features.h"
#include "lsp/yaml_context.h"
#include "rules/engine/jobs_in.h"
#include "schema/schema.h"

namespace kflint::lsp {
namespace {

constexpr int kProperty = 10, kSnippet = 15, kEnumMember = 20;  // LSP CompletionItemKind

const char* kTfSnippet =
    "apiVersion: kubeflow.org/v1\nkind: TFJob\nmetadata:\n  name: ${1:my-tfjob}\nspec:\n  runPolicy:\n    cleanPodPolicy: None\n"
    "  tfReplicaSpecs:\n    Worker:\n      replicas: ${2:2}\n      restartPolicy: OnFailure\n      template:\n        spec:\n"
    "          containers:\n            - name: tensorflow\n              image: ${3:kubeflow/tf-mnist-with-summaries:1.0}\n"
    "              resources:\n                limits:\n                  cpu: \"${4:1}\"\n                  memory: ${5:2Gi}\n";
const char* kMxSnippet =
    "apiVersion: kubeflow.org/v1\nkind: MXJob\nmetadata:\n  name: ${1:my-mxjob}\nspec:\n  jobMode: MXTrain\n  mxReplicaSpecs:\n"
    "    Scheduler:\n      replicas: 1\n      restartPolicy: Never\n      template:\n        spec:\n          containers:\n"
    "            - name: mxnet\n              image: ${2:mxjob/mxnet:gpu}\n    Server:\n      replicas: ${3:1}\n      restartPolicy: Never\n"
    "      template:\n        spec:\n          containers:\n            - name: mxnet\n              image: ${2:mxjob/mxnet:gpu}\n"
    "    Worker:\n      replicas: ${4:2}\n      restartPolicy: Never\n      template:\n        spec:\n          containers:\n"
    "            - name: mxnet\n              image: ${2:mxjob/mxnet:gpu}\n";

json item(const std::string& label, int kind, const std::string& insert, const std::string& detail = {}, bool snippet = false) {
  json i = {{"label", label}, {"kind", kind}, {"insertText", insert}};
  if (!detail.empty()) i["detail"] = detail;
  if (snippet) i["insertTextFormat"] = 2;
  return i;
}

bool ends_with(const std::vector<std::string>& path, std::initializer_list<const char*> tail) {
  if (path.size() < tail.size()) return false;
  size_t i = path.size() - tail.size();
  for (const char* t : tail)
    if (path[i++] != t) return false;
  return true;
}

std::vector<std::string> values_for(const CursorContext& c) {
  const std::string& k = c.key;
  if (k == "kind") return {"TFJob", "MXJob"};
  if (k == "apiVersion") return {"kubeflow.org/v1"};
  if (k == "restartPolicy")
    return ends_with(c.path, {"template", "spec"}) ? std::vector<std::string>{"Always", "OnFailure", "Never"}
                                                   : std::vector<std::string>{"Always", "OnFailure", "Never", "ExitCode"};
  if (k == "cleanPodPolicy") return {"All", "Running", "None"};
  if (k == "jobMode") return {"MXTrain", "MXTune"};
  if (k == "successPolicy") return {"AllWorkers"};
  if (k == "imagePullPolicy") return {"Always", "IfNotPresent", "Never"};
  if (k == "protocol") return {"TCP", "UDP", "SCTP"};
  if (k == "name" && ends_with(c.path, {"containers", "0"})) return {c.kind == "MXJob" ? "mxnet" : "tensorflow"};
  if (k == "name" && ends_with(c.path, {"ports", "0"})) return {c.kind == "MXJob" ? "mxjob-port" : "tfjob-port"};
  return {};
}

json completion_in(CursorContext c);

bool in_katib_trial(const std::vector<std::string>& path) {
  return path.size() >= 3 && path[0] == "spec" && path[1] == "trialTemplate" && path[2] == "trialSpec";
}

}  // namespace

json completion(const OpenDocument& doc, Encoding, uint32_t offset) {
  const size_t at = doc.result.document_at(offset);
  const bool have = at < doc.result.documents.size();
  // Inside an Argo manifest block the cursor is in the manifest's own text.
  std::optional<ManifestAt> manifest;
  if (have && !doc.result.tree(at)->syntax_error) manifest = argo_manifest_at(*doc.result.tree(at), offset);
  if (manifest) return completion_in(cursor_context(*manifest->manifest.text, manifest->manifest.documents[manifest->document].span(), manifest->inner_offset));
  CursorContext c = cursor_context(*doc.text, have ? doc.result.documents[at].span : ByteRange{0, 0}, offset);
  // While the document parses, the job's kind is the engine's (jobs_in); while it does not (the
  // usual state mid-edit), the `kind:` line's.
  if (have) {
    const std::shared_ptr<const Document> tree = doc.result.tree(at);
    if (!tree->syntax_error && !tree->limit_error)
      for (const JobRef& job : jobs_in(*tree, doc.result.operation).jobs) {  // in a List, the last item that starts before the cursor
        if (job.root != tree->values.root && tree->values.at(job.root).start > offset) continue;
        c.kind = job.kind == JobKind::TFJob ? "TFJob" : "MXJob";
        // In a Katib Experiment only the keys below `spec.trialTemplate.trialSpec` are the job's.
        if (job.embedding == Embedding::KatibTrial && !in_katib_trial(c.path)) return {{"isIncomplete", false}, {"items", json::array()}};
      }
  }
  // A Katib trial template (also while the Experiment does not parse): the job's own paths.
  if (in_katib_trial(c.path)) c.path.erase(c.path.begin(), c.path.begin() + 3);
  return completion_in(std::move(c));
}

namespace {

// The items for a cursor whose context (path, kind, prefix) is known.
json completion_in(CursorContext c) {
  json items = json::array();
  if (c.empty_document) {
    items.push_back(item("TFJob", kSnippet, kTfSnippet, "a minimal distributed TFJob", true));
    items.push_back(item("MXJob", kSnippet, kMxSnippet, "a minimal MXTrain MXJob", true));
    return {{"isIncomplete", false}, {"items", items}};
  }
  if (c.value_position) {
    for (const std::string& v : values_for(c)) items.push_back(item(v, kEnumMember, v));
    return {{"isIncomplete", false}, {"items", items}};
  }
  const std::string kind = c.kind.empty() ? "TFJob" : c.kind;
  std::vector<std::string> keys;
  std::string detail;
  if (c.path.size() == 2 && c.path[0] == "spec" && (c.path[1] == "tfReplicaSpecs" || c.path[1] == "mxReplicaSpecs")) {
    keys = kind == "MXJob" ? std::vector<std::string>{"Scheduler", "Server", "Worker", "TunerTracker", "TunerServer", "Tuner"}
                           : std::vector<std::string>{"Chief", "PS", "Worker", "Evaluator", "Master"};
    detail = "replica type";
  } else {
    keys = schema::allowed_fields(kind, c.path);
  }
  for (const std::string& k : keys) {
    if (std::find(c.present.begin(), c.present.end(), k) != c.present.end()) continue;
    if (!c.prefix.empty() && to_lower(k).rfind(to_lower(c.prefix), 0) != 0) continue;
    items.push_back(item(k, kProperty, k + ":" + (detail.empty() ? " " : "\n"), detail));
  }
  return {{"isIncomplete", false}, {"items", items}};
}

}  // namespace

}  // namespace kflint::lsp
