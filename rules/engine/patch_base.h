#pragma once
// `--operation patch --patch-base FILE`: each merge patch is applied to the base manifest
// (RFC 7386) and the result is linted with every rule. A finding about a value the patch wrote is
// reported at the patch's line; one about a value kept from the base, at the base's.

#include <memory>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/document.h"
#include "rules/engine/lint.h"

namespace kflint {

struct PatchBase {
  std::shared_ptr<const SourceText> source;
  std::vector<Document> documents;  // parsed against `source`
  size_t document = 0;              // the one holding the job
  NodeId root = kNoNode;
  PatchTarget target;               // its apiVersion, kind, name, namespace
  std::string error;                // why it cannot be a base ("" when it can)
};

// Reads a base manifest: exactly one TFJob or MXJob, in a file that parses.
std::shared_ptr<const PatchBase> load_patch_base(std::shared_ptr<const SourceText> source);

struct PatchedLint {
  LintResult patch;                // findings in the patch document (its own and the merged result's)
  std::vector<Diagnostic> in_base; // findings about values kept from the base, at the base's offsets
};

// Lints one patch document applied to the base (`options.operation` is Operation::Patch).
PatchedLint lint_patch_with_base(const Document& patch, const PatchBase& base, const LintOptions& options);

}  // namespace kflint
