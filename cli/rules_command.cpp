#include "cli/rules_command.h"

#include <nlohmann/json.hpp>

#include <iomanip>
#include <iostream>

#include "core/rule_info.h"
#include "rules/engine/registry.h"
#include "schema/schema.h"

namespace kflint::cli {

int run_rules(const std::string& which, const std::string& format, std::ostream& out, std::ostream& err) {
  if (!which.empty()) {
    const Rule* r = find_rule(which);
    if (!r) {
      err << "kflint: unknown rule `" << which << "` (see `kflint rules`)\n";
      return 2;
    }
    out << r->info.doc;
    if (!r->info.doc.empty() && r->info.doc.back() != '\n') out << "\n";
    out << "\nDefault severity: " << severity_name(r->info.severity) << " · Category: " << r->info.category;
    if (const std::string url = rule_doc_url(r->info.id); !url.empty()) out << " · " << (rule_docs_published() ? "Online" : "Page") << ": " << url;
    out << "\n";
    if (!rule_options(r->info.id).empty()) {
      out << "\nOptions (in .kflint.yaml: `rules: {" << r->info.id << ": {name: value}}`):\n";
      for (const RuleOption& o : rule_options(r->info.id))
        out << "  " << o.name << " (" << (o.type == OptionType::String ? "string" : o.type == OptionType::Bool ? "true or false" : "list of strings") << ", default: " << o.default_value
            << "): " << o.doc << "\n";
    }
    return 0;
  }
  if (format == "json") {
    nlohmann::json rules = nlohmann::json::array();
    for (const Rule& r : all_rules()) {
      nlohmann::json options = nlohmann::json::array();
      for (const RuleOption& o : rule_options(r.info.id))
        options.push_back({{"name", o.name}, {"type", o.type == OptionType::String ? "string" : o.type == OptionType::Bool ? "boolean" : "list"}, {"default", o.default_value}, {"doc", o.doc}});
      rules.push_back({{"id", r.info.id}, {"slug", r.info.slug}, {"category", r.info.category},
                       {"severity", severity_name(r.info.severity)}, {"summary", r.info.summary}, {"options", options}});
    }
    out << rules.dump(2) << "\n";
    return 0;
  }
  out << std::left << std::setw(7) << "ID" << std::setw(34) << "SLUG" << std::setw(10) << "SEVERITY" << std::setw(11) << "CATEGORY" << "SUMMARY\n";
  for (const Rule& r : all_rules())
    out << std::setw(7) << r.info.id << std::setw(34) << r.info.slug << std::setw(10) << severity_name(r.info.severity) << std::setw(11)
        << r.info.category << r.info.summary << "\n";
  out << all_rules().size() << " rules. `kflint rules KF301` shows one rule's documentation.\n";
  return 0;
}

int run_version(std::ostream& out) {
  out << "kflint " << KFLINT_VERSION << "\n";
  out << "schemas: " << schema::schema_source("TFJob") << "; " << schema::schema_source("MXJob") << "\n";
  out << "rules: " << all_rules().size() << "\n";
  out << "license: Apache-2.0 (LICENSE; the libraries it contains: THIRD-PARTY-LICENSES)\n";
  return 0;
}

}  // namespace kflint::cli
