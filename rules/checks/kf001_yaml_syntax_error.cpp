// Emitted by lint() for documents yaml-cpp cannot read (rules/engine/lint.cpp); the other
// documents of the stream are still linted.
#include "rules/engine/rule.h"

KFLINT_ENGINE_RULE(kf001_yaml_syntax_error, "KF001", "yaml-syntax-error", "input", Severity::Error,
                   "The document is not valid YAML")
