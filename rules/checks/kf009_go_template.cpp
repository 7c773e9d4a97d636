// Emitted by the pipeline (rules/engine/go_template.h) once per file, at the first `{{ }}` action
// of a Go/Helm template: such a file is linted only once it is rendered.
#include "rules/engine/rule.h"

KFLINT_ENGINE_RULE(kf009_go_template, "KF009", "go-template", "input", Severity::Info,
                   "The file is a Go/Helm template: it is linted once rendered (`helm template . | kflint check -`)")
