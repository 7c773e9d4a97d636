#pragma once
// The parts `kflint check` is made of, shared by its stages (cli/check_run.cpp): configuration
// lookup per file, and linting (with --fix: fixing and writing) one input.

#include <map>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "cli/check_command.h"
#include "cli/files.h"
#include "core/config.h"
#include "rules/engine/options.h"
#include "rules/engine/registry.h"
#include <filesystem>
#include <variant>

namespace kflint::cli::detail {

FileReport error_report(const std::string& path, const std::string& display, std::string message);

// Config lookup and resolution, cached per config file (many files share one).
class ConfigCache {
 public:
  explicit ConfigCache(const CheckOptions& o) : options_(o) {}
  ConfigCache(const ConfigCache&) = delete;
  ConfigCache& operator=(const ConfigCache&) = delete;

  // nullptr + error when the configuration is invalid.
  const ResolvedConfig* for_file(const std::string& file, std::string& error) {
    std::string path;
    std::vector<std::string> notes;
    if (!options_.config.empty()) path = options_.config;
    else if (!options_.no_config) path = find_config(std::filesystem::path(file == "-" ? "./x" : file).parent_path().string(), &notes);
    std::lock_guard<std::mutex> lock(mutex_);
    notes_.insert(notes.begin(), notes.end());
    auto it = cache_.find(path);
    if (it == cache_.end()) {
      Entry e;
      std::variant<Config, ConfigError> parsed = path.empty() ? std::variant<Config, ConfigError>(Config{}) : load_config(path);
      if (auto* ce = std::get_if<ConfigError>(&parsed)) {
        e.error = "configuration error: " + ce->to_string();
      } else {
        auto resolved = resolve_config(std::get<Config>(parsed));
        if (auto* re = std::get_if<ConfigError>(&resolved)) e.error = "configuration error: " + re->to_string();
        else e.config = std::get<ResolvedConfig>(resolved);
      }
      if (e.error.empty()) apply_command_line(e.config);
      it = cache_.emplace(path, std::move(e)).first;
    }
    error = it->second.error;
    return error.empty() ? &it->second.config : nullptr;
  }

  // Why a configuration file was passed over (for -v).
  const std::set<std::string>& notes() const { return notes_; }

 private:
  void apply_command_line(ResolvedConfig& c) {
    if (options_.target) parse_target(*options_.target, c.options.target);
    for (const std::string& name : options_.ignore)
      if (const Rule* r = find_rule(name)) c.options.rules[std::string(r->info.id)].enabled = false;
  }
  struct Entry {
    ResolvedConfig config;
    std::string error;
  };
  const CheckOptions& options_;
  std::mutex mutex_;
  std::map<std::string, Entry> cache_;
  std::set<std::string> notes_;
};


// Lints one input whose text was read (and, with --fix, fixes it, then writes it or makes the
// diff); `display` is the name shown in the report.
FileReport check_text(const Input& input, const std::string& display, std::string text, const CheckOptions& options, const LintOptions& lint_options,
                      unsigned threads);

}  // namespace kflint::cli::detail
