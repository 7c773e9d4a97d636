// Emitted by the CLI (cli/check_command.cpp) for inputs it cannot lint at all: missing,
// unreadable, binary, not UTF-8, oversized. The run still lints the other files; exit code 2.
#include "rules/engine/rule.h"

KFLINT_ENGINE_RULE(kf000_input_error, "KF000", "input-error", "input", Severity::Error,
                   "A file cannot be read as UTF-8 text (missing, unreadable, binary, too large)")
