// Emitted by lint() from the parser's note (core/kubectl_refusals.cpp): the document's top level
// is indented and a later line is indented less, so go-yaml (kubectl) reads the first part only.
#include "rules/engine/rule.h"

KFLINT_ENGINE_RULE(kf008_truncated_document, "KF008", "truncated-document", "input", Severity::Warning,
                   "An indented document ends early: kubectl silently drops every line from the first less-indented one")
