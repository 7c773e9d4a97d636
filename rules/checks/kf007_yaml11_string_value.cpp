// A string field written as a plain YAML 1.1 boolean or number: kubectl sends a bool/number and
// the API server rejects it (`... in body must be of type string: "boolean"`).
#include <cstdio>
#include <cstdlib>

#include "core/text_util.h"
#include "rules/engine/context.h"
#include "rules/engine/rule.h"

using namespace kflint;

namespace {
// The value kubectl sends, as JSON would print it: `0755` -> 493, `1.10` -> 1.1, `on` -> true.
std::string resolved_text(const Node& n) {
  if (n.kind == Kind::Bool) return n.bool_value ? "true" : "false";
  if (n.kind == Kind::Int) return std::to_string(n.int_value);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.17g", n.float_value);
  std::string s = buf;
  for (int digits = 1; digits <= 17; ++digits) {  // shortest form that reads back the same
    std::snprintf(buf, sizeof buf, "%.*g", digits, n.float_value);
    if (std::strtod(buf, nullptr) == n.float_value) return buf;
  }
  return s;
}
}  // namespace

KFLINT_RULE(kf007_yaml11_string_value, "KF007", "yaml11-string-value", "input", Severity::Error,
            "A string field holds an unquoted YAML 1.1 boolean or number (yes, on, 1.10, 0755)") {
  for (const schema::Finding& f : ctx.schema_findings()) {
    if (f.type != schema::FindingType::WrongType || f.expected.find("string") == std::string::npos) continue;
    const Node& n = ctx.v.at(f.node);
    if (n.style != ScalarStyle::Plain || !(n.kind == Kind::Bool || n.kind == Kind::Int || n.kind == Kind::Float)) continue;
    Diagnostic& d = ctx.report(f.node, "`" + ctx.path(f.node) + "` must be a string, but `" + n.text + "` is read as the " +
                                           kind_name(n.kind) + " " + resolved_text(n) +
                                           " (YAML 1.1); quote it: " + yaml_quote(n.text));
    ctx.add_fix(d, "Quote " + n.text, Applicability::Safe).edits.push_back(ctx.replace(f.node, yaml_quote(n.text)));
  }
}

KFLINT_RULE_ON_MERGE_PATCHES(kf007_yaml11_string_value)
