#include "core/config.h"

#include "core/document.h"

#include <yaml-cpp/yaml.h>

#include "core/text_util.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace kflint {
namespace {

struct Fail {
  YAML::Mark mark;
  std::string message;
};

std::string scalar(const YAML::Node& n, const char* what) {
  if (!n.IsScalar()) throw Fail{n.Mark(), std::string(what) + " must be a string"};
  return n.Scalar();
}

std::vector<std::string> string_list(const YAML::Node& n, const char* what) {
  std::vector<std::string> out;
  if (n.IsScalar()) return {n.Scalar()};
  if (!n.IsSequence()) throw Fail{n.Mark(), std::string(what) + " must be a list of strings"};
  for (const YAML::Node& item : n) out.push_back(scalar(item, what));
  return out;
}

std::vector<std::string> glob_list(const YAML::Node& n, const char* what) {
  std::vector<std::string> out = string_list(n, what);
  size_t i = 0;
  for (const std::string& pattern : out) {
    const YAML::Node& at = n.IsSequence() ? n[i] : n;
    if (const std::string why = glob_problem(pattern); !why.empty()) throw Fail{at.Mark(), std::string(what) + ": " + why};
    ++i;
  }
  return out;
}

ConfigOption option(const std::string& name, const YAML::Mark& mark, const YAML::Node& value) {
  ConfigOption o;
  o.name = name;
  o.line = static_cast<uint32_t>(mark.line + 1);
  o.column = static_cast<uint32_t>(mark.column + 1);
  if (value.IsScalar() || value.IsNull()) {
    o.value = value.IsNull() ? "" : value.Scalar();
  } else if (value.IsSequence()) {
    o.list = true;
    for (const YAML::Node& item : value) {
      if (!item.IsScalar()) o.scalar = false;
      else o.value += (o.value.empty() ? "" : ",") + item.Scalar();
    }
  } else {
    o.scalar = false;
  }
  return o;
}

ConfigRule parse_rule(const std::string& name, const YAML::Node& value, const YAML::Mark& mark) {
  ConfigRule r;
  r.name = name;
  r.line = static_cast<uint32_t>(mark.line + 1);
  r.column = static_cast<uint32_t>(mark.column + 1);
  auto level = [&](const std::string& s, const YAML::Mark& m) {
    if (s == "off" || s == "false" || s == "disable" || s == "disabled") r.enabled = false;
    else if (s == "on" || s == "true" || s == "enable" || s == "enabled") r.enabled = true;
    else if (s == "error" || s == "warning" || s == "info" || s == "hint") r.severity = s, r.enabled = true;
    else throw Fail{m, "rule `" + name + "`: expected off, on, error, warning, info or hint, got `" + s + "`"};
  };
  if (value.IsScalar()) {
    level(value.Scalar(), value.Mark());
  } else if (value.IsMap()) {
    for (const auto& kv : value) {
      const std::string key = scalar(kv.first, "option name");
      if (key == "severity" || key == "level") level(scalar(kv.second, "severity"), kv.second.Mark());
      else if (key == "enabled") level(scalar(kv.second, "enabled") == "false" ? "off" : "on", kv.second.Mark());
      else r.options.push_back(option(key, kv.first.Mark(), kv.second));
    }
  } else {
    throw Fail{value.Mark(), "rule `" + name + "`: expected a level or a map of options"};
  }
  return r;
}

// `operation: replace`, or a map of globs to operations.
std::vector<ConfigOperation> operation_list(const YAML::Node& v) {
  auto one = [](const YAML::Node& value, std::string glob) {
    ConfigOperation o{std::move(glob), scalar(value, "operation"), static_cast<uint32_t>(value.Mark().line + 1),
                      static_cast<uint32_t>(value.Mark().column + 1)};
    if (o.operation != "apply" && o.operation != "create" && o.operation != "replace" && o.operation != "patch")
      throw Fail{value.Mark(), "operation must be apply, create, replace or patch, got `" + o.operation + "`"};
    return o;
  };
  std::vector<ConfigOperation> out;
  if (v.IsMap()) {
    for (const auto& entry : v) {
      std::string glob = scalar(entry.first, "path glob");
      if (const std::string why = glob_problem(glob); !why.empty()) throw Fail{entry.first.Mark(), "operation: " + why};
      out.push_back(one(entry.second, std::move(glob)));
    }
  } else {
    out.push_back(one(v, ""));
  }
  return out;
}

}  // namespace

std::string ConfigError::to_string() const {
  std::string out = path;
  if (line) out += ":" + std::to_string(line) + ":" + std::to_string(column);
  return out + ": " + message;
}

namespace {

// A configuration is a few lines; these bounds keep a hostile or mistaken one (a manifest saved as
// .kflint.yaml, a billion-laughs alias tree) from costing more than reading a manifest would.
constexpr uint64_t kMaxConfigBytes = 1u << 20;
constexpr uint64_t kMaxConfigNodes = 100'000;  // values after alias expansion

std::string too_large(uint64_t size) {
  return "the configuration file is " + std::to_string(size) + " bytes; kflint reads configuration files of up to " +
         std::to_string(kMaxConfigBytes >> 20) + " MiB";
}

// Counts the values reachable from `n`, aliases expanded, and stops at the budget.
bool within_budget(const YAML::Node& n, uint64_t& budget) {
  if (budget == 0) return false;
  --budget;
  if (n.IsMap()) {
    for (const auto& kv : n)
      if (!within_budget(kv.first, budget) || !within_budget(kv.second, budget)) return false;
  } else if (n.IsSequence()) {
    for (const YAML::Node& item : n)
      if (!within_budget(item, budget)) return false;
  }
  return true;
}

}  // namespace

std::variant<Config, ConfigError> parse_config(const std::string& path, std::string_view text) {
  Config c;
  c.path = path;
  c.dir = std::filesystem::path(path).parent_path().string();
  if (text.size() > kMaxConfigBytes) return ConfigError{path, 0, 0, too_large(text.size())};
  try {
    // A second document is found by kflint's own splitter (yaml-cpp's LoadAll can loop on
    // malformed input: the fuzz gate found `, \0`); yaml-cpp reads the first one.
    const SourceText source{std::string(text)};
    const std::vector<ByteRange> spans = split_documents(source);
    for (size_t i = 1; i < spans.size(); ++i) {
      const std::string_view body = source.view().substr(spans[i].start, spans[i].end - spans[i].start);
      bool content = false;
      for (size_t at = 0; at < body.size() && !content;) {
        const size_t end = std::min(body.find('\n', at), body.size());
        const std::string_view line = body.substr(at, end - at);
        const size_t first = line.find_first_not_of(" \t\r");
        content = first != std::string_view::npos && line[first] != '#' && line.substr(first, 3) != "---" && line.substr(first, 3) != "...";
        at = end + 1;
      }
      if (content) {
        const uint32_t line = source.line_of(spans[i].start);
        return ConfigError{path, line + 1, 1, "a second YAML document: a configuration file holds one (remove the `---` above, or merge the two)"};
      }
    }
    const YAML::Node root = YAML::Load(std::string(text));
    if (uint64_t budget = kMaxConfigNodes; !within_budget(root, budget))
      throw Fail{root.Mark(), "the configuration expands to more than " + std::to_string(kMaxConfigNodes) + " values (through aliases)"};
    if (root.IsNull()) return c;
    if (!root.IsMap()) throw Fail{root.Mark(), "the configuration must be a map"};
    for (const auto& kv : root) {
      const std::string key = scalar(kv.first, "key");
      const YAML::Node& v = kv.second;
      if (key == "target") {
        c.target = scalar(v, "target");
        c.target_line = static_cast<uint32_t>(v.Mark().line + 1);
        c.target_column = static_cast<uint32_t>(v.Mark().column + 1);
        if (*c.target != "auto" && *c.target != "kubeflow" && *c.target != "legacy" && *c.target != "cci")
          throw Fail{v.Mark(), "target must be auto, kubeflow, legacy or cci, got `" + *c.target + "`"};
      } else if (key == "operation") {
        c.operations = operation_list(v);
      } else if (key == "rules") {
        if (v.IsNull()) continue;
        if (!v.IsMap()) throw Fail{v.Mark(), "rules must be a map of rule ids or slugs to levels"};
        for (const auto& rule : v) c.rules.push_back(parse_rule(scalar(rule.first, "rule id"), rule.second, rule.first.Mark()));
      } else if (key == "include") {
        c.include = glob_list(v, "include");
      } else if (key == "exclude") {
        c.exclude = glob_list(v, "exclude");
      } else if (key == "ignore") {
        if (!v.IsSequence()) throw Fail{v.Mark(), "ignore must be a list of {paths|kind|name, rules}"};
        for (const YAML::Node& item : v) {
          if (!item.IsMap()) throw Fail{item.Mark(), "each ignore entry must be a map"};
          ConfigIgnore ig;
          ig.line = static_cast<uint32_t>(item.Mark().line + 1);
          ig.column = static_cast<uint32_t>(item.Mark().column + 1);
          for (const auto& f : item) {
            const std::string fk = scalar(f.first, "key");
            if (fk == "paths" || fk == "path") ig.paths = glob_list(f.second, "paths");
            else if (fk == "kind") ig.kind = scalar(f.second, "kind");
            else if (fk == "name") {
              ig.name = scalar(f.second, "name");
              if (const std::string why = glob_problem(ig.name); !why.empty()) throw Fail{f.second.Mark(), "name: " + why};
            }
            else if (fk == "rules") ig.rules = string_list(f.second, "rules");
            else throw Fail{f.first.Mark(), "unknown key `" + fk + "` in ignore entry (paths, kind, name, rules)"};
          }
          if (ig.paths.empty() && ig.kind.empty() && ig.name.empty())
            throw Fail{item.Mark(), "an ignore entry needs paths, kind or name"};
          c.ignores.push_back(std::move(ig));
        }
      } else {
        throw Fail{kv.first.Mark(), "unknown key `" + key + "` (target, operation, rules, include, exclude, ignore)"};
      }
    }
  } catch (const Fail& f) {
    return ConfigError{path, static_cast<uint32_t>(f.mark.line + 1), static_cast<uint32_t>(f.mark.column + 1), f.message};
  } catch (const YAML::Exception& e) {
    return ConfigError{path, static_cast<uint32_t>(e.mark.line + 1), static_cast<uint32_t>(e.mark.column + 1), e.msg};
  }
  return c;
}

std::variant<Config, ConfigError> load_config(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return ConfigError{path, 0, 0, "cannot read the configuration file"};
  // Read one byte past the limit at most: a huge file is refused without being read whole.
  std::string text(kMaxConfigBytes + 1, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<size_t>(in.gcount()));
  if (text.size() > kMaxConfigBytes) {
    std::error_code ec;
    const uintmax_t size = std::filesystem::file_size(path, ec);
    return ConfigError{path, 0, 0, too_large(ec ? text.size() : size)};
  }
  if (in.bad()) return ConfigError{path, 0, 0, "cannot read the configuration file"};
  return parse_config(path, text);
}

std::string find_config(const std::string& dir, std::vector<std::string>* notes) {
  std::error_code ec;
  std::filesystem::path p = std::filesystem::absolute(dir.empty() ? "." : dir, ec);
  const char* home_env = std::getenv("HOME");
  const std::filesystem::path home = home_env && *home_env ? std::filesystem::path(home_env) : std::filesystem::path();
  for (int guard = 0; guard < 256 && !p.empty(); ++guard) {
    for (const char* name : {".kflint.yaml", ".kflint.yml"}) {
      const std::filesystem::path candidate = p / name;
      if (!std::filesystem::is_regular_file(candidate, ec)) continue;
      // In the spirit of git's safe.directory: in a folder anyone may write to (/tmp, say),
      // a configuration that somebody else owns could switch every rule off. Ignore it.
      struct stat folder {}, file {};
      if (::stat(p.c_str(), &folder) == 0 && ::stat(candidate.c_str(), &file) == 0 && (folder.st_mode & S_IWOTH) &&
          file.st_uid != ::geteuid()) {
        if (notes)
          notes->push_back("ignored " + candidate.string() + ": it is owned by another user (uid " + std::to_string(file.st_uid) +
                           ") in a folder anyone may write to");
        continue;
      }
      return candidate.string();
    }
    // The repository root and the home folder end the search: nothing above them belongs to
    // this project.
    if (std::filesystem::exists(p / ".git", ec) || (!home.empty() && std::filesystem::equivalent(p, home, ec))) break;
    if (p == p.parent_path()) break;
    p = p.parent_path();
  }
  return {};
}

}  // namespace kflint
