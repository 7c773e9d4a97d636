#pragma once
// From a parsed `.kflint.yaml` to LintOptions: rule names resolved (ids or slugs), severities
// checked, path ignores applied per file. Unknown names are configuration errors (exit 2).

#include <string>
#include <variant>
#include <vector>

#include "core/config.h"
#include "rules/engine/lint.h"

namespace kflint {

struct ResolvedConfig {
  std::string path;  // "" when no config file
  std::string dir;
  LintOptions options;
  struct PathIgnore {
    std::vector<std::string> globs;
    std::vector<std::string> rules;  // resolved ids or "all"
  };
  std::vector<PathIgnore> path_ignores;
  struct PathOperation {
    std::string glob;  // "" = every file
    Operation operation;
  };
  std::vector<PathOperation> path_operations;  // the first match wins; none: options.operation
  std::vector<std::string> include;
  std::vector<std::string> exclude;

  // Options for one file (path ignores and per-path operations applied); `path` may be absolute or relative.
  LintOptions options_for(const std::string& file) const;
  // True when include/exclude globs leave the file out (only for files found by walking folders).
  bool excluded(const std::string& file) const;
  std::string relative(const std::string& file) const;
};

std::variant<ResolvedConfig, ConfigError> resolve_config(const Config& config);

}  // namespace kflint
