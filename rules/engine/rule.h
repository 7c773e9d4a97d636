#pragma once
// A rule: static metadata (RuleInfo) plus its check. Each rule lives in rules/checks/kfNNN_slug.cpp
// with its documentation in kfNNN_slug.md beside it; the registry is generated from the files.

#include <initializer_list>
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

// A rule option, declared in the rule's file (KFLINT_RULE_OPTIONS) and set in `.kflint.yaml`
// under the rule (`KF403: {secret: pull-secret}`). A name the rule does not declare, or a value
// of the wrong type, is a configuration error at its line and column.
enum class OptionType { String, StringList, Bool };  // a list: a YAML sequence or a comma-separated string
struct RuleOption {
  std::string_view name;
  OptionType type;
  std::string_view default_value;  // as shown to users ("regcred; imagepull-secret under target cci")
  std::string_view doc;
};

// Registers a rule's options; used through KFLINT_RULE_OPTIONS.
struct RuleOptionsRegistrar {
  RuleOptionsRegistrar(const RuleDef& rule, std::initializer_list<RuleOption> options);
};

// Marks a rule that judges each value present on its own (a quantity, an image reference, a
// name, an enum, an unknown field): it also runs on a JSON merge patch (`--operation patch`),
// which holds only the fields it changes. Rules about what is missing, or about how fields
// relate across the object, run on a patch only once it is applied to its base (--patch-base).
struct MergePatchRegistrar {
  explicit MergePatchRegistrar(const RuleDef& rule);
};

// Marks a rule whose findings on a placeholder value stand (rules/engine/placeholders.h): a value
// Katib or Argo fills in later is unknown, and findings on it are dropped, except from these
// rules, which judge what the placeholder itself does (a Katib placeholder in an integer field
// stays a string after substitution).
struct PlaceholderRegistrar {
  explicit PlaceholderRegistrar(const RuleDef& rule);
};

}  // namespace kflint

#define KFLINT_RULE_JUDGES_PLACEHOLDERS(stem) \
  static const ::kflint::PlaceholderRegistrar stem##_judges_placeholders(::kflint::rule_defs::stem);

#define KFLINT_RULE_ON_MERGE_PATCHES(stem) \
  static const ::kflint::MergePatchRegistrar stem##_on_merge_patches(::kflint::rule_defs::stem);

// Declares the options of the rule `stem` (after its KFLINT_RULE):
//   KFLINT_RULE_OPTIONS(kf403_missing_image_pull_secret,
//                       {"secret", kflint::OptionType::String, "regcred", "the pull secret's name"})
#define KFLINT_RULE_OPTIONS(stem, ...) \
  static const ::kflint::RuleOptionsRegistrar stem##_options(::kflint::rule_defs::stem, {__VA_ARGS__});

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
