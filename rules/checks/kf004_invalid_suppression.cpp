// Emitted by the suppression pass (rules/engine/lint.cpp, apply_suppressions).
#include "rules/engine/rule.h"

KFLINT_ENGINE_RULE(kf004_invalid_suppression, "KF004", "invalid-suppression", "input", Severity::Warning,
                   "A `# kflint:` comment is malformed or names an unknown rule")
