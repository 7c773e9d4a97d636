#pragma once
// Go templates (Helm charts, and other tools that render YAML with text/template): a file whose
// text has `{{ ... }}` actions outside comments is not YAML yet. Its values, and often its
// structure, exist only once it is rendered, so kflint reports one KF009 notice at the first
// action and lints nothing else in it: no syntax errors and no findings from `{{ }}` read as flow
// maps. Argo workflows use `{{...}}` for their own parameters; in an argoproj.io document only
// actions in Go-template syntax (`{{ .Values.x }}`, `{{- if }}`, `{{ include }}`, ...) count.

#include <optional>
#include <string_view>

#include "core/diagnostic.h"
#include "core/document.h"

namespace kflint {

// The first Go-template action of a document's text (its `{{` through `}}`, or to the end of the
// line), or nullopt when there is none.
std::optional<ByteRange> go_template_action(std::string_view document_text);

// The KF009 notice at `action` (relative to `document_text`), quoting the action.
Diagnostic go_template_notice(std::string_view document_text, ByteRange action, uint32_t document);

}  // namespace kflint
