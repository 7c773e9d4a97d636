#pragma once
// Where the cursor is, for hover and completion: the parsed field under the cursor (for hover),
// or a path recovered from indentation (for completion, which must work in a document that
// does not parse yet, the usual state while typing).

#include <string>
#include <vector>

#include "core/document.h"
#include "core/source_text.h"
#include "rules/engine/argo_manifests.h"
#include "rules/engine/lint.h"

namespace kflint::lsp {

struct FieldAtOffset {
  NodeId key = kNoNode;
  std::string name;         // the key's text
  std::string kind;         // "TFJob" / "MXJob" / "" (not a job)
  std::string value_path;   // spec.tfReplicaSpecs.Worker.replicas
  std::string schema_path;  // spec.tfReplicaSpecs.*.replicas (the docs key)
  ByteRange key_range;
};
// The key under `offset` in a parsed document; its kind only when the engine lints it as a job.
// The Argo manifest block (`manifest: |`) holding `offset` in `outer`, read as its own text.
struct ManifestAt {
  ArgoManifest manifest;
  uint32_t inner_offset = 0;
  size_t document = 0;  // of manifest.documents
};
std::optional<ManifestAt> argo_manifest_at(const Document& outer, uint32_t offset);

FieldAtOffset field_at(const Document& doc, uint32_t offset, Operation operation = Operation::Apply);

struct CursorContext {
  std::string kind;                 // from `kind:` in this YAML document; "" when unknown
  std::vector<std::string> path;    // schema path components of the map the cursor is in ("0" for list items)
  bool value_position = false;      // after `key:` on the cursor's line
  std::string key;                  // that key, when value_position
  std::string prefix;               // the word typed so far
  std::vector<std::string> present; // sibling keys already in the map
  bool empty_document = false;      // nothing but comments and blanks in this YAML document
  bool in_list_item_start = false;  // the cursor is right after `- `
};
// From the lines of the YAML document `span` alone (it need not parse).
CursorContext cursor_context(const SourceText& text, ByteRange span, uint32_t offset);

}  // namespace kflint::lsp
