// textDocument/documentSymbol (job -> replica types -> containers, for the outline and
// breadcrumbs) and textDocument/foldingRange (each YAML document and each replica type).
#include "core/document.h"
#include "lsp/features.h"
#include "rules/engine/argo_manifests.h"
#include "rules/engine/jobs_in.h"

namespace kflint::lsp {
namespace {

constexpr int kModule = 2, kClass = 5, kField = 8;

json symbol(const std::string& name, const std::string& detail, int kind, const SourceText& text, ByteRange range, ByteRange selection, Encoding enc) {
  if (selection.start < range.start || selection.end > range.end) selection = {range.start, range.start};
  return {{"name", name.empty() ? "(unnamed)" : name}, {"detail", detail}, {"kind", kind},
          {"range", range_json(text, range, enc)}, {"selectionRange", range_json(text, selection, enc)}};
}

// Positions of a job: in the document's own text, or (for an Argo manifest) mapped to the outer file.
struct Placement {
  const SourceText& text;  // the file the editor shows
  const ManifestMap* map = nullptr;
  ByteRange operator()(ByteRange r) const { return map ? map->to_outer(r) : r; }
};

json job_symbols(const Document& doc, NodeId root, JobKind kind, Encoding enc, const Placement& at) {
  const ValueTree& v = doc.values;
  const JobView job = build_job_view(v, root, kind);
  ByteRange job_range = doc.range(root);
  if (root == v.root) job_range = {doc.span().start, std::max(job_range.end, doc.span().start)};
  const ByteRange name_range = job.name != kNoNode ? doc.range(job.name) : doc.range(job.kind_node);
  json replicas = json::array();
  for (const ReplicaView& r : job.replicas) {
    json containers = json::array();
    for (const auto* list : {&r.init_containers, &r.containers})
      for (const ContainerView& c : *list) {
        const ByteRange cr = doc.range(c.node);
        containers.push_back(symbol(std::string(v.str(c.name)), std::string(v.str(c.image)) + (c.init ? " (init)" : ""), kField, at.text, at(cr),
                                    at(c.name != kNoNode ? doc.range(c.name) : cr), enc));
      }
    json s = symbol(r.type, r.replicas != kNoNode ? "replicas: " + std::string(v.at(r.replicas).text) : "", kModule, at.text, at(doc.entry_range(r.spec)),
                    at(doc.range(r.key)), enc);
    s["children"] = containers;
    replicas.push_back(s);
  }
  json s = symbol(std::string(v.str(job.name)), std::string(job.kind_name()), kClass, at.text, at(job_range), at(name_range), enc);
  s["children"] = replicas;
  return s;
}

// The object that holds embedded jobs (a Katib Experiment, an Argo workflow), with them as children.
json outer_symbol(const Document& doc, json children, Encoding enc) {
  const ValueTree& v = doc.values;
  const std::string kind(v.str(v.get(v.root, "kind")));
  const NodeId metadata = v.get(v.root, "metadata");
  NodeId name = v.get(metadata, "name");
  if (name == kNoNode) name = v.get(metadata, "generateName");
  const ByteRange range{doc.span().start, std::max(doc.range(v.root).end, doc.span().start)};
  json s = symbol(std::string(v.str(name)), kind, kClass, doc.source(), range, name != kNoNode ? doc.range(name) : doc.range(v.root), enc);
  s["children"] = std::move(children);
  return s;
}

}  // namespace

json document_symbols(const OpenDocument& doc, Encoding enc) {
  json out = json::array();
  const FileResult& result = doc.result;
  for (size_t i = 0; i < result.documents.size(); ++i) {
    if (result.documents[i].jobs == 0) continue;  // the engine found no job here: nothing to outline
    const std::shared_ptr<const Document> d = result.tree(i);
    const Placement own{d->source()};
    json embedded = json::array();
    for (const JobRef& job : jobs_in(*d, result.operation).jobs)
      (job.embedding == Embedding::None ? out : embedded).push_back(job_symbols(*d, job.root, job.kind, enc, own));
    if (result.operation != Operation::Patch)
      for (const ArgoManifest& m : read_argo_manifests(*d))
        for (const Document& inner : m.documents)
          for (const JobRef& job : jobs_in(inner).jobs) embedded.push_back(job_symbols(inner, job.root, job.kind, enc, Placement{d->source(), m.map.get()}));
    if (!embedded.empty()) out.push_back(outer_symbol(*d, std::move(embedded), enc));
  }
  return out;
}

json folding_ranges(const OpenDocument& doc) {
  json out = json::array();
  const FileResult& result = doc.result;
  const SourceText& text = *result.source;
  for (size_t i = 0; i < result.documents.size(); ++i) {
    const ByteRange span = result.documents[i].span;
    const uint32_t first = text.line_of(span.start);
    const uint32_t last = text.line_of(span.end > span.start ? span.end - 1 : span.start);
    if (last > first) out.push_back({{"startLine", first}, {"endLine", last}});
    // Per-replica folds where the trees are at hand, or parsing each document is cheap.
    if (result.documents[i].jobs == 0 || (!result.documents[i].tree && result.documents.size() > 200)) continue;
    const std::shared_ptr<const Document> d = result.tree(i);
    const ValueTree& v = d->values;
    for (const JobRef& job : jobs_in(*d, result.operation).jobs) {
      const JobView view = build_job_view(v, job.root, job.kind);
      for (const ReplicaView& r : view.replicas) {
        const ByteRange range = d->entry_range(r.spec);
        const uint32_t a = text.line_of(range.start), b = text.line_of(range.end > range.start ? range.end - 1 : range.start);
        if (b > a) out.push_back({{"startLine", a}, {"endLine", b}});
      }
    }
  }
  return out;
}

}  // namespace kflint::lsp
