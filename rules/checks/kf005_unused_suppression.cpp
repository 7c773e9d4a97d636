// Emitted by the suppression pass (rules/engine/lint.cpp, apply_suppressions).
#include "rules/engine/rule.h"

KFLINT_ENGINE_RULE(kf005_unused_suppression, "KF005", "unused-suppression", "input", Severity::Warning,
                   "A suppression comment suppresses no finding")
