#pragma once
// The rules that engine passes emit (input errors, syntax errors, limits, suppression hygiene, a
// List without `kind`), by name: the engine, the faces and the tests refer to them through these
// accessors, so no rule id is written outside the rule's own file (rules/checks/).

#include <string>

#include "core/diagnostic.h"
#include "rules/engine/registry.h"

namespace kflint::rule_defs {
extern const RuleDef kf000_input_error;
extern const RuleDef kf001_yaml_syntax_error;
extern const RuleDef kf003_parse_limit;
extern const RuleDef kf004_invalid_suppression;
extern const RuleDef kf005_unused_suppression;
extern const RuleDef kf006_api_version;
extern const RuleDef kf008_truncated_document;
extern const RuleDef kf009_go_template;
extern const RuleDef kf509_argo_strategic_patch;
}  // namespace kflint::rule_defs

namespace kflint::engine_rules {

inline const RuleInfo& input_error() {
  static const RuleInfo& info = rule_of(rule_defs::kf000_input_error).info;
  return info;
}
inline const RuleInfo& syntax_error() {
  static const RuleInfo& info = rule_of(rule_defs::kf001_yaml_syntax_error).info;
  return info;
}
inline const RuleInfo& parse_limit() {
  static const RuleInfo& info = rule_of(rule_defs::kf003_parse_limit).info;
  return info;
}
inline const RuleInfo& invalid_suppression() {
  static const RuleInfo& info = rule_of(rule_defs::kf004_invalid_suppression).info;
  return info;
}
inline const RuleInfo& unused_suppression() {
  static const RuleInfo& info = rule_of(rule_defs::kf005_unused_suppression).info;
  return info;
}
inline const RuleInfo& api_version() {
  static const RuleInfo& info = rule_of(rule_defs::kf006_api_version).info;
  return info;
}
inline const RuleInfo& truncated_document() {
  static const RuleInfo& info = rule_of(rule_defs::kf008_truncated_document).info;
  return info;
}

inline const RuleInfo& go_template() {
  static const RuleInfo& info = rule_of(rule_defs::kf009_go_template).info;
  return info;
}

inline const RuleInfo& argo_strategic_patch() {
  static const RuleInfo& info = rule_of(rule_defs::kf509_argo_strategic_patch).info;
  return info;
}

}  // namespace kflint::engine_rules

namespace kflint {

// A finding of an engine-emitted rule, with the rule's default severity.
inline Diagnostic engine_diagnostic(const RuleInfo& rule, ByteRange range, std::string message, uint32_t doc) {
  Diagnostic d;
  d.rule = &rule;
  d.severity = rule.severity;
  d.range = range;
  d.message = std::move(message);
  d.document = doc;
  return d;
}

}  // namespace kflint
