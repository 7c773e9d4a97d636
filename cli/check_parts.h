#pragma once
// The parts `kflint check` is made of, shared by its stages (cli/check_run.cpp): the command
// line's configuration overrides, and linting (with --fix: fixing and writing) one input.

#include <map>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "cli/check_command.h"
#include "cli/files.h"
#include "core/config.h"
#include "rules/engine/config_set.h"
#include "rules/engine/patch_base.h"

namespace kflint::cli::detail {

FileReport error_report(const std::string& path, const std::string& display, std::string message);

// The command line's overrides of the configuration files (--config, --no-config, --target, --ignore).
ConfigOverrides overrides_of(const CheckOptions& options);

// Lints one input whose text was read (and, with --fix, fixes it, then writes it or makes the
// diff); `display` is the name shown in the report.
// `base`: the manifest merge patches apply to (--patch-base), or null.
using PatchBasePtr = std::shared_ptr<const PatchBase>;
FileReport check_text(const Input& input, const std::string& display, std::string text, const CheckOptions& options, const LintOptions& lint_options,
                      const PatchBasePtr& base, unsigned threads);

}  // namespace kflint::cli::detail
