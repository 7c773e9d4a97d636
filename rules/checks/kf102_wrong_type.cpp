// Values of the wrong JSON type after kubectl's YAML 1.1 conversion (`replicas: "2"`).
#include "core/text_util.h"
#include "rules/engine/context.h"
#include "rules/engine/placeholders.h"
#include "rules/engine/rule.h"

using namespace kflint;

static const char* article(const std::string& word) {
  return word.rfind("a", 0) == 0 || word.rfind("i", 0) == 0 || word.rfind("o", 0) == 0 ? "an " : "a ";
}

KFLINT_RULE(kf102_wrong_type, "KF102", "wrong-type", "schema", Severity::Error,
            "A value has the wrong type for its field (a quoted number, a list where a map belongs)") {
  for (const schema::Finding& f : ctx.schema_findings()) {
    if (f.type != schema::FindingType::WrongType) continue;
    const Node& n = ctx.v.at(f.node);
    if (n.kind == Kind::Null) continue;  // KF105
    if (f.expected.find("string") != std::string::npos && n.style == ScalarStyle::Plain &&
        (n.kind == Kind::Bool || n.kind == Kind::Int || n.kind == Kind::Float))
      continue;  // KF007
    if (ctx.placeholder(f.node) && !katib_placeholder(n.text)) continue;  // Argo substitutes before parsing: any type may come
    const bool scalar = n.kind != Kind::Map && n.kind != Kind::Seq;
    std::string got = std::string(kind_name(n.kind)) + (scalar ? " `" + ctx.written(f.node) + "`" : "");
    if (ctx.placeholder(f.node)) {
      // Katib substitutes inside the trial's JSON text: the quotes stay, so every trial gets a string.
      ctx.report(f.node, "`" + ctx.path(f.node) + "` must be " + article(f.expected) + f.expected + ", got string `" + ctx.written(f.node) +
                             "`: Katib replaces the placeholder inside the JSON string, so every trial's " + std::string(ctx.job.kind_name()) +
                             " gets a string here and the API server rejects it; use a fixed value");
      continue;
    }
    Diagnostic& d = ctx.report(f.node, "`" + ctx.path(f.node) + "` must be " +
                                           article(f.expected) + f.expected + ", got " + got);
    // "2" where an integer belongs: the unquoted number is what was meant.
    if (n.kind == Kind::String && n.style == ScalarStyle::Quoted && (f.expected == "integer" || f.expected == "number" || f.expected == "boolean")) {
      const std::string t(trim(n.text));
      const bool integer = !t.empty() && t.find_first_not_of("-0123456789") == std::string::npos && t != "-";
      const bool boolean = t == "true" || t == "false";
      if ((f.expected == "integer" && integer) || (f.expected == "boolean" && boolean) || (f.expected == "number" && integer))
        ctx.add_fix(d, "Remove the quotes", Applicability::Safe).edits.push_back(ctx.replace(f.node, t));
    }
  }
}

KFLINT_RULE_ON_MERGE_PATCHES(kf102_wrong_type)
KFLINT_RULE_JUDGES_PLACEHOLDERS(kf102_wrong_type)
