#pragma once
// Jobs in Argo workflows (argoproj.io Workflow, WorkflowTemplate, ClusterWorkflowTemplate,
// CronWorkflow): a resource template's `manifest` is a string that Argo substitutes (`{{...}}`,
// as text) and hands to kubectl with the template's `action`. Each manifest whose kind is TFJob
// or MXJob is read as a document of its own, its placeholders masked with neutral letters of the
// same length, linted as the action sends it, and every finding is mapped back to the outer file:
// in a literal block scalar (`manifest: |`) to the exact line and column, otherwise to the
// `manifest` key. Fixes are kept only where the mapped edit is proven to make the same change.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/document.h"
#include "rules/engine/lint.h"

namespace kflint {

// Lints the Kubeflow jobs in the manifest strings of `doc` (an Argo workflow; nothing otherwise)
// and adds their findings, job counts and notes to `result`.
void lint_argo_manifests(const Document& doc, const LintOptions& options, LintResult& result);

// Where a manifest string's text is in the outer file.
class ManifestMap {
 public:
  // nullopt-like: `exact()` is false when the string is not a literal block scalar this map can
  // place byte for byte; then every offset maps to `fallback` (the `manifest` key).
  ManifestMap(const Document& outer, NodeId manifest);
  bool exact() const { return exact_; }
  const std::string& text() const { return text_; }  // the string's value
  uint32_t to_outer(uint32_t inner) const;
  // The string's offset at an outer offset on one of its content lines (the editor's cursor), or
  // nullopt elsewhere and for a string that is not exact.
  std::optional<uint32_t> to_inner(uint32_t outer) const;
  ByteRange to_outer(ByteRange inner) const;
  // The edits of a fix in the outer file, or false when they cannot be shown to make exactly the
  // inner edits' change to the string.
  bool map_edits(const std::vector<TextEdit>& inner, std::vector<TextEdit>& outer) const;

 private:
  const SourceText& source_;
  std::string text_;
  bool exact_ = false;
  ByteRange fallback_;
  uint32_t indent_ = 0;
  uint32_t explicit_indent_ = 0;  // from the header's indentation indicator (`|2`), else 0
  uint32_t first_line_ = 0;       // outer line of the string's first content line
  uint32_t lines_ = 0;            // content lines (up to the last non-blank one)
  uint32_t content_start_ = 0, content_end_ = 0;  // outer bytes of its content lines
  std::vector<uint32_t> inner_line_starts_;
};

// A manifest string of an Argo workflow, read as documents of their own (editor features use them
// for the outline; lint_argo_manifests lints them).
struct ArgoManifest {
  NodeId tmpl = kNoNode, resource = kNoNode, manifest = kNoNode;
  std::unique_ptr<ManifestMap> map;
  std::unique_ptr<SourceText> text;  // the string with its placeholders masked; null when not text kflint reads
  std::vector<ByteRange> masked;
  std::vector<Document> documents;   // parsed against *text
};
// Every `resource.manifest` string of the templates of `doc`, when it is an Argo workflow.
std::vector<ArgoManifest> read_argo_manifests(const Document& doc);

// Replaces each `{{...}}` (on one line) by as many neutral letters, and returns their ranges.
std::vector<ByteRange> mask_argo_placeholders(std::string& text);

}  // namespace kflint
