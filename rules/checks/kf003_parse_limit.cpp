// Emitted by the parser (core/yaml_values.cpp) and lint(): nesting depth, alias expansion and
// documents per stream are bounded so that no input exhausts memory or stack.
#include "rules/engine/rule.h"

KFLINT_ENGINE_RULE(kf003_parse_limit, "KF003", "parse-limit", "input", Severity::Error,
                   "The document exceeds a parse limit (nesting, alias expansion, documents)")
