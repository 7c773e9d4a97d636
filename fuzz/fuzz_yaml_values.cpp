// YAML -> value tree with kubectl's scalar resolution: documents, ranges, paths, comments; and
// the oracle for the fast block-YAML reader: whatever it accepts, yaml-cpp must read to exactly
// the same tree (same nodes, texts, offsets, duplicates), and it must never accept what yaml-cpp
// rejects; and the ends it records must be the ones tree-sitter finds. Also the schema
// pre-check's promise: "certainly valid" means valijson finds nothing.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/document.h"
#include "core/scalar_resolve.h"
#include "core/tree_dump.h"
#include "schema/schema.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace kflint;
  const std::string text(reinterpret_cast<const char*>(data), size);
  (void)resolve_plain_scalar(text.substr(0, 64));
  (void)resolve_tagged_scalar("tag:yaml.org,2002:int", text.substr(0, 64));
  if (check_text_encoding(text)) return 0;
  const SourceText source(text);
  ParseLimits limits;
  limits.max_expanded_nodes = 100000;
  const std::vector<Document> docs = parse_documents(source, limits);
  ParseLimits yaml_cpp_only = limits;
  yaml_cpp_only.fast_reader = false;
  const std::vector<Document> reference = parse_documents(source, yaml_cpp_only);
  if (docs.size() != reference.size()) std::abort();
  for (size_t i = 0; i < docs.size(); ++i) {
    if (!docs[i].fast_read) continue;
    if (dump_document(docs[i]) != dump_document(reference[i])) std::abort();
    if (reference[i].tree_sitter_error()) continue;  // e.g. `--: s`, valid YAML tree-sitter-yaml misreads
    for (NodeId id = 0; id < docs[i].values.size(); ++id) {  // recorded ends == tree-sitter's
      const ByteRange a = docs[i].range(id), b = reference[i].range(id);
      if (a.start != b.start || a.end != b.end) std::abort();
    }
  }
  for (const Document& doc : docs) {
    // The schema pre-check may skip valijson only when valijson would find nothing.
    const ValueTree& t = doc.values;
    if (t.is_map(t.root)) {
      const std::string_view kind = t.str(t.get(t.root, "kind"));
      if ((kind == "TFJob" || kind == "MXJob") && schema::certainly_valid(t, t.root, kind) &&
          !schema::validate(t, t.root, kind, /*use_precheck=*/false).empty())
        std::abort();
    }
    const ValueTree& v = doc.values;
    for (NodeId id = 0; id < v.size(); ++id) {
      const ByteRange r = doc.range(id);
      if (r.start > r.end || r.end > source.size()) std::abort();
      (void)v.path(id);
      (void)doc.key_range(id);
    }
    for (const Comment& c : doc.comments())
      if (c.range.end > source.size()) std::abort();
  }
  return 0;
}
