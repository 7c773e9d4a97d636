#pragma once
// One configuration set for both faces: `.kflint.yaml` discovery (nearest file up to the
// repository root or $HOME), loading and resolving each file once, and each face's overrides on
// top (the CLI's --config/--no-config/--target/--operation/--ignore; the server's initialization options and
// settings). Safe to call from several threads.

#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>

#include "rules/engine/options.h"

namespace kflint {

struct ConfigOverrides {
  std::string config_path;  // use this file instead of discovery ("" = discover)
  bool no_config = false;   // ignore configuration files
  std::optional<Target> target;
  std::optional<Operation> operation;
  std::map<std::string, RuleSetting> rules;  // by rule id, replacing the file's setting
};

class ConfigSet {
 public:
  explicit ConfigSet(ConfigOverrides overrides = {}) : overrides_(std::move(overrides)) {}
  ConfigSet(const ConfigSet&) = delete;
  ConfigSet& operator=(const ConfigSet&) = delete;

  struct Lookup {
    const ResolvedConfig* config = nullptr;  // nullptr when the file's configuration is invalid
    std::string error;                       // "configuration error: <path>:<line>:<col>: ..."
    std::string path;                        // the configuration file ("" when none)
    bool first_use = false;                  // loaded by this call (the server reports an error once)
  };
  // The resolved configuration for `file` ("-": the current folder's; "": none, an untitled
  // editor buffer), overrides applied.
  Lookup for_file(const std::string& file);
  // Options for linting `file`: its configuration's (path ignores applied) with the overrides;
  // the overrides alone when the configuration is invalid (`lookup` says why).
  LintOptions options_for(const std::string& file, Lookup* lookup = nullptr);

  void set_overrides(ConfigOverrides overrides);
  void forget_files();  // a configuration file changed: read them again
  std::set<std::string> notes() const;  // why configuration files were passed over (for -v)

 private:
  void apply_overrides(ResolvedConfig& c) const;
  struct Entry {
    ResolvedConfig config;
    std::string error;
  };
  ConfigOverrides overrides_;
  mutable std::mutex mutex_;
  std::map<std::string, Entry> files_;  // by configuration path ("" = none)
  std::set<std::string> notes_;
};

}  // namespace kflint
