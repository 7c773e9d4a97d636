#include "rules/engine/config_set.h"

#include <filesystem>
#include <variant>
#include <vector>

namespace kflint {

ConfigSet::Lookup ConfigSet::for_file(const std::string& file) {
  Lookup out;
  std::vector<std::string> notes;
  if (!overrides_.config_path.empty()) out.path = overrides_.config_path;
  else if (!overrides_.no_config && !file.empty())
    out.path = find_config(std::filesystem::path(file == "-" ? "./x" : file).parent_path().string(), &notes);
  std::lock_guard<std::mutex> lock(mutex_);
  notes_.insert(notes.begin(), notes.end());
  auto it = files_.find(out.path);
  if (it == files_.end()) {
    Entry e;
    const std::variant<Config, ConfigError> parsed = out.path.empty() ? std::variant<Config, ConfigError>(Config{}) : load_config(out.path);
    if (const auto* ce = std::get_if<ConfigError>(&parsed)) {
      e.error = "configuration error: " + ce->to_string();
    } else {
      auto resolved = resolve_config(std::get<Config>(parsed));
      if (const auto* re = std::get_if<ConfigError>(&resolved)) e.error = "configuration error: " + re->to_string();
      else e.config = std::move(std::get<ResolvedConfig>(resolved));
    }
    if (e.error.empty()) apply_overrides(e.config);
    it = files_.emplace(out.path, std::move(e)).first;
    out.first_use = true;
  }
  out.error = it->second.error;
  if (out.error.empty()) out.config = &it->second.config;
  return out;
}

LintOptions ConfigSet::options_for(const std::string& file, Lookup* lookup) {
  Lookup found = for_file(file);
  LintOptions options;
  if (found.config) {
    options = found.config->options_for(file);
  } else {
    ResolvedConfig bare;
    apply_overrides(bare);
    options = bare.options;
  }
  if (lookup) *lookup = std::move(found);
  return options;
}

void ConfigSet::apply_overrides(ResolvedConfig& c) const {
  if (overrides_.target) c.options.target = *overrides_.target;
  if (overrides_.operation) {  // the command line's or the editor's choice wins over per-path settings
    c.options.operation = *overrides_.operation;
    c.path_operations.clear();
  }
  for (const auto& [id, setting] : overrides_.rules) {
    RuleSetting& s = c.options.rules[id];
    s.enabled = setting.enabled;
    if (setting.severity) s.severity = setting.severity;
  }
}

void ConfigSet::set_overrides(ConfigOverrides overrides) {
  std::lock_guard<std::mutex> lock(mutex_);
  overrides_ = std::move(overrides);
  files_.clear();
}

void ConfigSet::forget_files() {
  std::lock_guard<std::mutex> lock(mutex_);
  files_.clear();
}

std::set<std::string> ConfigSet::notes() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return notes_;
}

}  // namespace kflint
