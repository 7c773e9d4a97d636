#pragma once
// A rule: static metadata (RuleInfo) plus its check. Each rule lives in rules/checks/kfNNN_slug.cpp
// with its documentation in kfNNN_slug.md beside it; the registry is generated from the files.

#include <string_view>

#include "core/rule_info.h"

namespace kflint {

class RuleContext;
using CheckFn = void (*)(RuleContext&);

struct RuleDef {
  std::string_view id;
  std::string_view slug;
  std::string_view category;
  Severity severity;
  std::string_view summary;
  CheckFn check;
};

}  // namespace kflint

// Defines a rule in its own file:
//   KFLINT_RULE(kf301_requests_exceed_limits, "KF301", "requests-exceed-limits", "resources",
//               Severity::Error, "summary") { ...check body using ctx... }
// The first argument must be the file's stem: the generated registry refers to it.
#define KFLINT_RULE(stem, id, slug, category, severity, summary)                                  \
  static void stem##_check(::kflint::RuleContext& ctx);                                          \
  namespace kflint::rule_defs {                                                                   \
  extern const RuleDef stem;                                                                      \
  const RuleDef stem = {id, slug, category, ::kflint::severity, summary, &stem##_check};          \
  }                                                                                               \
  static void stem##_check([[maybe_unused]] ::kflint::RuleContext& ctx)

// A rule emitted by an engine pass rather than by a check of its own (syntax errors, input
// limits, suppression hygiene): the file still holds the rule's metadata, and its doc is beside it.
#define KFLINT_ENGINE_RULE(stem, id, slug, category, severity, summary)              \
  namespace kflint::rule_defs {                                                      \
  extern const RuleDef stem;                                                         \
  const RuleDef stem = {id, slug, category, ::kflint::severity, summary, nullptr};   \
  }
