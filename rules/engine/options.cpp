#include "rules/engine/options.h"

#include <filesystem>
#include <optional>

#include "core/text_util.h"
#include "rules/engine/registry.h"

namespace kflint {
namespace {

bool resolve_rule_list(const std::vector<std::string>& names, std::vector<std::string>& out, std::string& unknown) {
  for (const std::string& n : names) {
    if (n == "all") {
      out.push_back("all");
      continue;
    }
    const Rule* r = find_rule(n);
    if (!r) {
      unknown = n;
      return false;
    }
    out.emplace_back(r->info.id);
  }
  return true;
}

// An option the rule does not declare, or a value it cannot take.
std::optional<std::string> check_option(const Rule& rule, const ConfigOption& o) {
  const std::string id(rule.info.id);
  const RuleOption* declared = find_rule_option(id, o.name);
  if (!declared) {
    std::string known;
    for (const RuleOption& d : rule_options(id)) known += (known.empty() ? "" : ", ") + std::string(d.name);
    return "rule `" + id + "` has no option `" + o.name + "`" + (known.empty() ? std::string(" (it takes none)") : "; its options: " + known);
  }
  if (declared->type == OptionType::Bool && (!o.scalar || o.list || (o.value != "true" && o.value != "false")))
    return "rule `" + id + "` option `" + o.name + "` must be true or false";
  if (!o.scalar || (o.list && declared->type == OptionType::String))
    return "rule `" + id + "` option `" + o.name + "` must be " +
           (declared->type == OptionType::String ? std::string("a string") : std::string("a list of strings (or one comma-separated string)"));
  return std::nullopt;
}

}  // namespace

std::variant<ResolvedConfig, ConfigError> resolve_config(const Config& config) {
  ResolvedConfig rc;
  rc.path = config.path;
  rc.dir = config.dir;
  if (config.target && !parse_target(*config.target, rc.options.target))
    return ConfigError{config.path, config.target_line, config.target_column, "unknown target `" + *config.target + "`"};
  for (const ConfigOperation& co : config.operations) {
    Operation op = Operation::Apply;
    if (!parse_operation(co.operation, op)) return ConfigError{config.path, co.line, co.column, "unknown operation `" + co.operation + "`"};
    rc.path_operations.push_back({co.glob, op});
  }
  for (const ConfigRule& cr : config.rules) {
    const Rule* r = find_rule(cr.name);
    if (!r) {
      const Rule* near = nullptr;
      for (const Rule& candidate : all_rules())
        if (edit_distance(to_lower(candidate.info.slug), to_lower(cr.name)) <= 2) near = &candidate;
      return ConfigError{config.path, cr.line, cr.column,
                         "unknown rule `" + cr.name + "`" + (near ? "; did you mean `" + std::string(near->info.slug) + "`?" : std::string())};
    }
    RuleSetting& s = rc.options.rules[std::string(r->info.id)];
    if (cr.enabled) s.enabled = *cr.enabled;
    if (cr.severity) {
      Severity sev;
      parse_severity(*cr.severity, sev);
      s.severity = sev;
    }
    for (const ConfigOption& o : cr.options) {
      if (auto error = check_option(*r, o)) return ConfigError{config.path, o.line, o.column, *error};
      s.options[o.name] = o.value;
    }
  }
  for (const ConfigIgnore& ig : config.ignores) {
    std::vector<std::string> rules;
    std::string unknown;
    if (!resolve_rule_list(ig.rules.empty() ? std::vector<std::string>{"all"} : ig.rules, rules, unknown))
      return ConfigError{config.path, ig.line, ig.column, "unknown rule `" + unknown + "` in ignore entry"};
    if (!ig.paths.empty()) {
      rc.path_ignores.push_back({ig.paths, rules});
    } else {
      ObjectIgnore oi{ig.kind, ig.name, {}};
      for (const std::string& r : rules)
        if (r != "all") oi.rules.push_back(r);
      rc.options.object_ignores.push_back(std::move(oi));
    }
  }
  rc.include = config.include;
  rc.exclude = config.exclude;
  return rc;
}

std::string ResolvedConfig::relative(const std::string& file) const {
  std::error_code ec;
  const std::filesystem::path base = std::filesystem::absolute(dir.empty() ? "." : dir, ec);
  const std::filesystem::path abs = std::filesystem::absolute(file, ec);
  std::string rel = abs.lexically_relative(base).generic_string();
  return rel.empty() ? file : rel;
}

LintOptions ResolvedConfig::options_for(const std::string& file) const {
  LintOptions o = options;
  if (path_ignores.empty() && path_operations.empty()) return o;
  const std::string rel = relative(file);
  for (const PathOperation& po : path_operations)
    if (po.glob.empty() || glob_match(po.glob, rel)) {
      o.operation = po.operation;
      break;
    }
  for (const PathIgnore& pi : path_ignores)
    for (const std::string& g : pi.globs)
      if (glob_match(g, rel)) o.ignored_rules.insert(o.ignored_rules.end(), pi.rules.begin(), pi.rules.end());
  return o;
}

bool ResolvedConfig::excluded(const std::string& file) const {
  const std::string rel = relative(file);
  for (const std::string& g : exclude)
    if (glob_match(g, rel)) return true;
  if (include.empty()) return false;
  for (const std::string& g : include)
    if (glob_match(g, rel)) return false;
  return true;
}

}  // namespace kflint
