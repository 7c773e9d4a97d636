#include "rules/engine/registry.h"

#include <algorithm>

#include "core/text_util.h"

namespace kflint {

const std::vector<Rule>& all_rules() {
  static const std::vector<Rule> rules = [] {
    std::vector<Rule> out;
    for (const GeneratedRule& g : generated_rules()) {
      const RuleDef& d = *g.def;
      out.push_back(Rule{RuleInfo{d.id, d.slug, d.category, d.severity, d.summary, g.doc}, d.check});
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

}  // namespace kflint
