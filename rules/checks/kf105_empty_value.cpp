// `replicas:` with nothing after it is null; the API server prunes nulls on non-nullable fields
// and the default applies silently.
#include "rules/engine/context.h"
#include "rules/engine/rule.h"

using namespace kflint;

KFLINT_RULE(kf105_empty_value, "KF105", "empty-value", "schema", Severity::Warning,
            "A field is empty (null): the API server drops it and the default applies") {
  for (const schema::Finding& f : ctx.schema_findings()) {
    if (f.type != schema::FindingType::WrongType || ctx.v.at(f.node).kind != Kind::Null) continue;
    Diagnostic& d = ctx.report_key(f.node, "`" + ctx.path(f.node) + "` is empty (null): the API server drops it and the default applies; set a value (" +
                                               f.expected + ") or remove the field");
    if (ctx.block_style(ctx.v.at(f.node).parent))
      ctx.add_fix(d, "Remove the empty field", Applicability::Unsafe).edits.push_back(TextEdit{ctx.entry_lines(f.node), ""});
  }
}

KFLINT_RULE_ON_MERGE_PATCHES(kf105_empty_value)
