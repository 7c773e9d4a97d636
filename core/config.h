#pragma once
// `.kflint.yaml`: found by walking up from each linted file (or given with --config).
//
//   target: auto | kubeflow | legacy | cci
//   operation: apply | create | replace | patch   # what the files are sent with (default apply)
//   operation:                        # or per path: the first matching glob wins, the rest apply
//     "api/put/**": replace
//     "api/patch/**": patch
//   rules:
//     KF301: off                      # or error | warning | info | hint | on
//     image-latest-tag: info          # ids or slugs
//     KF406: {severity: error, secret: my-pull-secret}   # severity plus per-rule options
//   include: ["**/*.yaml"]            # globs, relative to the config file's folder
//   exclude: ["vendor/**"]
//   ignore:
//     - paths: ["legacy/**"]          # rules ignored for these files
//       rules: [KF301, KF405]
//     - kind: TFJob                   # or for these objects (name is a glob)
//       name: "smoke-*"
//       rules: [all]

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace kflint {

struct ConfigOption {
  std::string name;
  std::string value;  // a list is joined with ','
  bool list = false;  // written as a YAML sequence
  bool scalar = true; // false: a map or a nested list, which no option takes
  uint32_t line = 0, column = 0;  // of the option's key, 1-based
};

struct ConfigRule {
  std::string name;  // id or slug as written
  std::optional<bool> enabled;
  std::optional<std::string> severity;
  std::vector<ConfigOption> options;  // checked against the rule's declared options when resolved
  uint32_t line = 0, column = 0;  // 1-based, for error messages
};

struct ConfigIgnore {
  std::vector<std::string> paths;
  std::string kind;
  std::string name;
  std::vector<std::string> rules;
  uint32_t line = 0, column = 0;
};

struct ConfigOperation {
  std::string glob;       // "" = every file
  std::string operation;  // apply | create | replace | patch
  uint32_t line = 0, column = 0;
};

struct Config {
  std::string path;  // the file, "" for defaults
  std::string dir;   // its folder: globs are relative to it
  std::optional<std::string> target;
  uint32_t target_line = 0, target_column = 0;
  std::vector<ConfigOperation> operations;  // in file order
  std::vector<ConfigRule> rules;
  std::vector<std::string> include;
  std::vector<std::string> exclude;
  std::vector<ConfigIgnore> ignores;
};

struct ConfigError {
  std::string path;
  uint32_t line = 0, column = 0;  // 1-based; 0 when unknown
  std::string message;
  std::string to_string() const;
};

std::variant<Config, ConfigError> parse_config(const std::string& path, std::string_view text);
std::variant<Config, ConfigError> load_config(const std::string& path);
// The nearest `.kflint.yaml` (or `.kflint.yml`) from `dir` upwards, stopping at the repository
// root (a folder with `.git`) and at $HOME; one owned by another user in a world-writable folder
// is skipped, with the reason added to `notes` (shown with -v). "" when there is none.
std::string find_config(const std::string& dir, std::vector<std::string>* notes = nullptr);

}  // namespace kflint
