// `cpu: 0.5` unquoted: the CRD's anyOf[integer, string] rejects a JSON number with a fraction.
#include "rules/engine/context.h"
#include "rules/engine/resources.h"
#include "rules/engine/rule.h"

using namespace kflint;

KFLINT_RULE(kf303_unquoted_float_quantity, "KF303", "unquoted-float-quantity", "resources", Severity::Error,
            "A quantity is an unquoted fractional number (`cpu: 0.5`), which the CRD rejects") {
  auto check = [&](const QuantityField& f) {
    if (!f.unquoted_float) return;
    // Extended resources must be whole numbers (KF304): no fractional string to suggest there.
    const std::string canonical = f.value && !is_extended_resource(f.resource) ? format_quantity(*f.value) : std::string();
    Diagnostic& d = ctx.report(f.node, "`" + ctx.path(f.node) + "` is the number " + ctx.written(f.node) +
                                           ": the CRD accepts only integers or strings here (`must be of type integer,string: \"number\"`); write " +
                                           (canonical.empty() ? "a whole number" : "\"" + canonical + "\""));
    if (ctx.layout == Layout::Legacy) d.severity = Severity::Warning;  // the legacy v1beta1 CRDs do not check types
    if (!canonical.empty()) ctx.add_fix(d, "Write \"" + canonical + "\"", Applicability::Safe).edits.push_back(ctx.replace(f.node, "\"" + canonical + "\""));
  };
  for_each_quantity(ctx.v, ctx.job, [&](const ContainerRef&, const ContainerResources&, const QuantityField& f) { check(f); });
}

KFLINT_RULE_ON_MERGE_PATCHES(kf303_unquoted_float_quantity)
