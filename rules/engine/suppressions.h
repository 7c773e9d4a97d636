#pragma once
// The suppression pass: `# kflint: disable=...` comments in a document (parsed by
// core/suppression.h, which also writes them for the editor's "disable" actions), their scopes,
// the findings they remove, and the findings about them (KF004 invalid, KF005 unused).

#include <vector>

#include "core/diagnostic.h"
#include "core/document.h"
#include "rules/engine/lint.h"

namespace kflint {

// Removes the document's suppressed findings from `diags` and adds KF004/KF005 findings.
void apply_suppressions(const Document& doc, const LintOptions& options, std::vector<Diagnostic>& diags);

// Whether `id` is in a list of resolved ids ("all" matches every id).
bool rule_listed(const std::vector<std::string>& list, std::string_view id);

}  // namespace kflint
