#include "rules/engine/registry.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>

#include "core/text_util.h"

namespace kflint {

namespace {
std::set<std::string_view>& merge_patch_rules() {
  static std::set<std::string_view> ids;  // filled during static initialisation
  return ids;
}
std::set<std::string_view>& placeholder_rules() {
  static std::set<std::string_view> ids;
  return ids;
}
}  // namespace

MergePatchRegistrar::MergePatchRegistrar(const RuleDef& rule) { merge_patch_rules().insert(rule.id); }
PlaceholderRegistrar::PlaceholderRegistrar(const RuleDef& rule) { placeholder_rules().insert(rule.id); }

const std::vector<Rule>& all_rules() {
  static const std::vector<Rule> rules = [] {
    std::vector<Rule> out;
    for (const GeneratedRule& g : generated_rules()) {
      const RuleDef& d = *g.def;
      out.push_back(Rule{RuleInfo{d.id, d.slug, d.category, d.severity, d.summary, g.doc}, d.check, merge_patch_rules().count(d.id) > 0,
                         placeholder_rules().count(d.id) > 0});
    }
    std::sort(out.begin(), out.end(), [](const Rule& a, const Rule& b) { return a.info.id < b.info.id; });
    return out;
  }();
  return rules;
}

const Rule* find_rule(std::string_view id_or_slug) {
  for (const Rule& r : all_rules())
    if (iequals(r.info.id, id_or_slug) || r.info.slug == id_or_slug) return &r;
  return nullptr;
}

namespace {
std::map<std::string_view, std::vector<RuleOption>>& options_by_rule() {
  static std::map<std::string_view, std::vector<RuleOption>> table;  // filled during static initialisation
  return table;
}
}  // namespace

RuleOptionsRegistrar::RuleOptionsRegistrar(const RuleDef& rule, std::initializer_list<RuleOption> options) {
  auto& list = options_by_rule()[rule.id];
  list.insert(list.end(), options.begin(), options.end());
}

const std::vector<RuleOption>& rule_options(std::string_view id) {
  static const std::vector<RuleOption> none;
  const Rule* r = find_rule(id);
  if (!r) return none;
  auto it = options_by_rule().find(r->info.id);
  return it == options_by_rule().end() ? none : it->second;
}

const RuleOption* find_rule_option(std::string_view id, std::string_view name) {
  for (const RuleOption& o : rule_options(id))
    if (o.name == name) return &o;
  return nullptr;
}

const Rule& rule_of(const RuleDef& def) {
  for (const Rule& r : all_rules())
    if (r.info.id == def.id) return r;
  std::abort();  // every RuleDef is registered: the registry is generated from the same files
}

namespace {

// The folder of the installed rule pages, found once from the executable's location:
// <prefix>/bin/kflint -> <prefix>/share/doc/kflint/rules; build/kflint (or build/tests/x) ->
// build/share/doc/kflint/rules.
const std::string& installed_docs_dir() {
  static const std::string dir = [] {
    std::error_code ec;
    const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (ec) return std::string();
    for (const std::filesystem::path& base : {exe.parent_path().parent_path(), exe.parent_path()}) {
      const std::filesystem::path candidate = base / "share" / "doc" / "kflint" / "rules";
      if (std::filesystem::is_directory(candidate, ec)) return candidate.lexically_normal().string();
    }
    return std::string();
  }();
  return dir;
}

std::string file_uri(const std::string& path) { return "file://" + percent_encode_path(path); }

}  // namespace

bool rule_docs_published() { return std::string_view(KFLINT_DOCS_URL).size() > 0; }

std::string rule_doc_url(std::string_view id) {
  const std::string_view base = KFLINT_DOCS_URL;
  if (!base.empty()) return std::string(base) + (base.back() == '/' ? "" : "/") + std::string(id);
  const std::string& dir = installed_docs_dir();
  if (dir.empty()) return {};
  const std::string page = dir + "/" + std::string(id) + ".md";
  std::error_code ec;
  return std::filesystem::is_regular_file(page, ec) ? file_uri(page) : std::string();
}

}  // namespace kflint
