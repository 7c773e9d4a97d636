// textDocument/documentSymbol (job -> replica types -> containers, for the outline and
// breadcrumbs) and textDocument/foldingRange (each YAML document and each replica type).
#include "core/document.h"
#include "lsp/features.h"
#include "rules/engine/job_view.h"

namespace kflint::lsp {
namespace {

constexpr int kModule = 2, kClass = 5, kField = 8;

json symbol(const std::string& name, const std::string& detail, int kind, const SourceText& text, ByteRange range, ByteRange selection, Encoding enc) {
  if (selection.start < range.start || selection.end > range.end) selection = {range.start, range.start};
  return {{"name", name.empty() ? "(unnamed)" : name}, {"detail", detail}, {"kind", kind},
          {"range", range_json(text, range, enc)}, {"selectionRange", range_json(text, selection, enc)}};
}

void job_symbols(const Document& doc, NodeId root, JobKind kind, Encoding enc, json& out) {
  const ValueTree& v = doc.values;
  const JobView job = build_job_view(v, root, kind);
  const SourceText& text = doc.source();
  ByteRange job_range = doc.range(root);
  if (root == v.root) job_range = {doc.span().start, std::max(job_range.end, doc.span().start)};
  const ByteRange name_range = job.name != kNoNode ? doc.range(job.name) : doc.range(job.kind_node);
  json replicas = json::array();
  for (const ReplicaView& r : job.replicas) {
    json containers = json::array();
    for (const auto* list : {&r.init_containers, &r.containers})
      for (const ContainerView& c : *list) {
        const ByteRange cr = doc.range(c.node);
        containers.push_back(symbol(std::string(v.str(c.name)), std::string(v.str(c.image)) + (c.init ? " (init)" : ""), kField, text, cr,
                                    c.name != kNoNode ? doc.range(c.name) : cr, enc));
      }
    json s = symbol(r.type, r.replicas != kNoNode ? "replicas: " + std::string(v.at(r.replicas).text) : "", kModule, text, doc.entry_range(r.spec),
                    doc.range(r.key), enc);
    s["children"] = containers;
    replicas.push_back(s);
  }
  json s = symbol(std::string(v.str(job.name)), std::string(job.kind_name()), kClass, text, job_range, name_range, enc);
  s["children"] = replicas;
  out.push_back(s);
}

}  // namespace

json document_symbols(const OpenDocument& doc, Encoding enc) {
  json out = json::array();
  const SourceText& text = *doc.text;
  const std::vector<ByteRange> spans = split_documents(text);
  for (uint32_t i = 0; i < spans.size(); ++i) {
    const Document d = parse_document(text, spans[i], i);
    const ValueTree& v = d.values;
    if (d.empty() || !v.is_map(v.root)) continue;
    auto kind_of = [&](NodeId root, JobKind& kind) {
      const std::string_view k = v.str(v.get(root, "kind"));
      if (k == "TFJob") return kind = JobKind::TFJob, true;
      if (k == "MXJob") return kind = JobKind::MXJob, true;
      return false;
    };
    JobKind kind;
    const NodeId items = v.get(v.root, "items");
    if (v.is_seq(items)) {
      for (NodeId item : v.at(items).items)
        if (v.is_map(item) && kind_of(item, kind)) job_symbols(d, item, kind, enc, out);
    } else if (kind_of(v.root, kind)) {
      job_symbols(d, v.root, kind, enc, out);
    }
  }
  return out;
}

json folding_ranges(const OpenDocument& doc) {
  json out = json::array();
  const SourceText& text = *doc.text;
  const std::vector<ByteRange> spans = split_documents(text);
  for (uint32_t i = 0; i < spans.size(); ++i) {
    const uint32_t first = text.line_of(spans[i].start);
    const uint32_t last = text.line_of(spans[i].end > spans[i].start ? spans[i].end - 1 : spans[i].start);
    if (last > first) out.push_back({{"startLine", first}, {"endLine", last}});
    if (spans.size() > 200) continue;  // per-replica folds only where parsing every document is cheap
    const Document d = parse_document(text, spans[i], i);
    const ValueTree& v = d.values;
    if (d.empty() || !v.is_map(v.root)) continue;
    const NodeId spec = v.get(v.root, "spec");
    for (const char* field : {"tfReplicaSpecs", "mxReplicaSpecs"}) {
      const NodeId specs = v.get(spec, field);
      if (!v.is_map(specs)) continue;
      for (const MapEntry& e : v.at(specs).entries) {
        const ByteRange r = d.entry_range(e.value);
        const uint32_t a = text.line_of(r.start), b = text.line_of(r.end > r.start ? r.end - 1 : r.start);
        if (b > a) out.push_back({{"startLine", a}, {"endLine", b}});
      }
    }
  }
  return out;
}

}  // namespace kflint::lsp
